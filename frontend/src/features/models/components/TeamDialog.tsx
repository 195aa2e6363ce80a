import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useSaveTeam, type ModelDetail, type Team } from '../api/models';

export interface TeamValues {
  name: string;
  unitId: number;
  establishedOn: Dayjs;
  dissolvedOn?: Dayjs;
}

export function TeamDialog({
  model,
  team,
  onClose,
}: {
  model: ModelDetail;
  team?: Team;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TeamValues>();
  const save = useSaveTeam(model.id);
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: TeamValues) => {
    try {
      await save.mutateAsync({
        team,
        body: {
          name: v.name,
          unitId: v.unitId,
          establishedOn: v.establishedOn.format('YYYY-MM-DD'),
          dissolvedOn: v.dissolvedOn?.format('YYYY-MM-DD'),
        },
      });
      message.success(team ? 'Đã lưu tổ' : `Đã thêm ${v.name}`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={team ? `Sửa ${team.name}` : 'Thêm tổ'}
      okText={team ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={560}
      error={error}
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          team
            ? {
                name: team.name,
                unitId: team.unit.id,
                establishedOn: dayjs(team.establishedOn),
                dissolvedOn: team.dissolvedOn ? dayjs(team.dissolvedOn) : undefined,
              }
            : { unitId: model.unit.id, establishedOn: dayjs() }
        }
      >
        <Form.Item
          name="name"
          label="Tên tổ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên tổ' }]}
        >
          <Input maxLength={200} placeholder="Ví dụ: Tổ tự quản số 1" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Địa bàn phụ trách (thôn, khu dân cư)"
          rules={[{ required: true, message: 'Chọn địa bàn' }]}
        >
          <UnitPicker aria-label="Địa bàn phụ trách" activeOn={todayIso()} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="establishedOn"
              label="Ngày thành lập"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dissolvedOn" label="Ngày giải thể">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
