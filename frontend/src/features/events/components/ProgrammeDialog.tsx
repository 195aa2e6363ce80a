import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import {
  PROGRAMME_STATUS_LABELS,
  useProgrammes,
  useSaveProgramme,
  type Programme,
  type ProgrammeStatus,
} from '../api/events';

export interface Values {
  number: string;
  title: string;
  signedOn: Dayjs;
  partyIds: number[];
  scopeUnitId?: number;
  period: [Dayjs, Dayjs | null];
  status: ProgrammeStatus;
  renewedById?: number;
}

export function ProgrammeDialog({
  programme,
  onClose,
}: {
  programme?: Programme;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  // a national programme has no scope: administrators record it
  const national = useRights().admin;
  const save = useSaveProgramme();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const others = useProgrammes({ size: 200 });
  const status = Form.useWatch('status', form);
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        programme,
        body: {
          number: v.number,
          title: v.title,
          signedOn: v.signedOn.format('YYYY-MM-DD'),
          partyIds: v.partyIds,
          scopeUnitId: v.scopeUnitId,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1]?.format('YYYY-MM-DD'),
          status: v.status,
          renewedById: v.status === 'RENEWED' ? v.renewedById : undefined,
        },
      });
      message.success(programme ? 'Đã lưu chương trình' : `Đã thêm chương trình ${v.number}`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={programme ? `Sửa chương trình ${programme.number}` : 'Thêm chương trình phối hợp'}
      okText={programme ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={720}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          programme
            ? {
                number: programme.number,
                title: programme.title,
                signedOn: dayjs(programme.signedOn),
                partyIds: programme.parties.map((u) => u.id),
                scopeUnitId: programme.scope?.id,
                period: [
                  dayjs(programme.periodFrom),
                  programme.periodTo ? dayjs(programme.periodTo) : null,
                ],
                status: programme.status,
                renewedById: programme.renewedBy?.id,
              }
            : { status: 'IN_FORCE' }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="number"
              label="Số chương trình"
              rules={[{ required: true, whitespace: true, message: 'Nhập số' }]}
            >
              <Input maxLength={60} placeholder="09/CTr-BCA-TTTW" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="title"
              label="Tên chương trình"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="partyIds"
          label="Các đơn vị ký kết"
          rules={[{ required: true, message: 'Chọn các bên ký kết' }]}
        >
          <UnitPicker multiple aria-label="Các đơn vị ký kết" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="scopeUnitId"
              label="Phạm vi thực hiện"
              rules={[{ required: !national, message: 'Chọn phạm vi' }]}
              extra={national ? 'Để trống nếu là chương trình toàn quốc' : undefined}
            >
              <UnitPicker aria-label="Phạm vi thực hiện" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="signedOn"
              label="Ngày ký"
              rules={[{ required: true, message: 'Chọn ngày ký' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="period"
              label="Thời gian thực hiện"
              rules={[{ required: true, message: 'Chọn thời gian' }]}
            >
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                allowEmpty={[false, true]}
                placeholder={['Từ ngày', 'Đến ngày (nếu có)']}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label="Trạng thái" rules={[{ required: true }]}>
              <Select
                aria-label="Trạng thái chương trình"
                options={(Object.keys(PROGRAMME_STATUS_LABELS) as ProgrammeStatus[]).map((s) => ({
                  value: s,
                  label: PROGRAMME_STATUS_LABELS[s],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {status === 'RENEWED' && (
          <Form.Item
            name="renewedById"
            label="Được thay bằng chương trình"
            rules={[{ required: true, message: 'Chọn chương trình thay thế' }]}
          >
            <Select
              aria-label="Chương trình thay thế"
              options={(others.data?.content ?? [])
                .filter((o) => o.id !== programme?.id)
                .map((o) => ({ value: o.id, label: `${o.number} — ${o.title}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
