import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  useCreateModel,
  useUpdateModel,
  type LeadOrganisation,
  type ModelDetail,
  type TargetCommunity,
} from '../api/models';
import { LEAD_ORG_LABELS, options, TARGET_LABELS } from '../labels';
import { plain } from '../roster';

interface Values {
  name: string;
  typeId: number;
  unitId: number;
  leadOrganisations: LeadOrganisation[];
  establishedOn: Dayjs;
  targetCommunities?: TargetCommunity[];
  description?: string;
  declaredTeams?: number | null;
  declaredMembers?: number | null;
}

/** Đăng ký / sửa mô hình. `onClose` gets the id of a newly registered model. */
export function ModelFormDialog({
  editing,
  onClose,
}: {
  editing?: { model: ModelDetail; etag: string };
  onClose: (createdId?: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const create = useCreateModel();
  const update = useUpdateModel();
  const fields = useCatalogue('MODEL_FIELD');
  const types = useCatalogue('MODEL_TYPE', todayIso());
  const m = editing?.model;

  // types grouped by their field, as the catalogue is organised
  const typeOptions = (fields.data ?? [])
    .map((field) => ({
      label: field.name,
      options: (types.data ?? [])
        .filter((t) => t.parent?.id === field.id)
        .map((t) => ({ value: t.id, label: t.name, title: t.name })),
    }))
    .filter((g) => g.options.length);
  if (m && !(types.data ?? []).some((t) => t.id === m.type.id)) {
    typeOptions.unshift({
      label: 'Đang dùng',
      options: [{ value: m.type.id, label: m.type.name, title: m.type.name }],
    });
  }

  const submit = async (v: Values) => {
    setError(undefined);
    const body = {
      name: v.name,
      typeId: v.typeId,
      unitId: v.unitId,
      leadOrganisations: v.leadOrganisations,
      establishedOn: v.establishedOn.format('YYYY-MM-DD'),
      targetCommunities: v.targetCommunities ?? [],
      description: v.description || undefined,
      declaredTeams: v.declaredTeams ?? undefined,
      declaredMembers: v.declaredMembers ?? undefined,
    };
    try {
      if (editing && m) {
        await update.mutateAsync({ id: m.id, etag: editing.etag, body });
        message.success('Đã lưu thay đổi');
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        message.success(`Đã đăng ký mô hình «${created.name}»`);
        onClose(created.id);
      }
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={m ? `Sửa mô hình: ${m.name}` : 'Đăng ký mô hình'}
      okText={m ? 'Lưu' : 'Đăng ký'}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      busy={create.isPending || update.isPending}
      width={760}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          m
            ? {
                name: m.name,
                typeId: m.type.id,
                unitId: m.unit.id,
                leadOrganisations: m.leadOrganisations,
                establishedOn: dayjs(m.establishedOn),
                targetCommunities: m.targetCommunities,
                description: m.description,
                declaredTeams: m.declaredTeams,
                declaredMembers: m.declaredMembers,
              }
            : { leadOrganisations: ['POLICE', 'FRONT'], targetCommunities: ['GENERAL'] }
        }
      >
        <Form.Item
          name="name"
          label="Tên mô hình"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên mô hình' }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Tổ tự quản dòng tộc họ Nguyễn" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="typeId"
              label="Loại mô hình"
              rules={[{ required: true, message: 'Chọn loại mô hình' }]}
            >
              <Select
                aria-label="Loại mô hình"
                showSearch={{
                  // typed without diacritics, as everywhere else
                  filterOption: (input, option) =>
                    plain(String(option?.label ?? '')).includes(plain(input)),
                }}
                options={typeOptions}
                loading={types.isLoading}
                placeholder="Chọn theo lĩnh vực"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label="Đơn vị nơi mô hình hoạt động"
              rules={[{ required: true, message: 'Chọn đơn vị' }]}
            >
              <UnitPicker aria-label="Đơn vị nơi mô hình hoạt động" activeOn={todayIso()} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="leadOrganisations"
          label="Cơ quan, tổ chức chủ trì"
          rules={[{ required: true, message: 'Chọn ít nhất một cơ quan, tổ chức' }]}
        >
          <Checkbox.Group options={options(LEAD_ORG_LABELS)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="establishedOn"
              label="Ngày thành lập"
              rules={[{ required: true, message: 'Chọn ngày thành lập' }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="targetCommunities" label="Đối tượng tham gia">
              <Select
                mode="multiple"
                options={options(TARGET_LABELS)}
                aria-label="Đối tượng tham gia"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="Mô tả, cách thức hoạt động">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="declaredTeams"
              label="Số tổ theo báo cáo"
              extra="Chỉ nhập khi chưa có danh sách tổ; số đếm từ danh sách luôn hiển thị riêng"
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="declaredMembers" label="Số thành viên theo báo cáo">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
