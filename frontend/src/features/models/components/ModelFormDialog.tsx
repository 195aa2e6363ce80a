import { App, Checkbox, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import {
  DateField,
  FieldRow,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  UnitField,
} from '@/components/FormFields';
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
import { ModelCommunityFields } from './ModelCommunityFields';
import { useModelTypeOptions } from './modelTypeOptions';
import { PositionField, type GeoPoint } from '@/components/PositionField';

interface Values {
  name: string;
  typeId: number;
  unitId: number;
  leadOrganisations: LeadOrganisation[];
  establishedOn: Dayjs;
  targetCommunities?: TargetCommunity[];
  description?: string;
  position?: GeoPoint;
  declaredTeams?: number | null;
  declaredMembers?: number | null;
  ethnicGroupId?: number | null;
  religionId?: number | null;
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
  const m = editing?.model;

  const { typeOptions, loading } = useModelTypeOptions(m?.type);

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
      ethnicGroupId: v.ethnicGroupId ?? undefined,
      religionId: v.religionId ?? undefined,
      position: v.position ?? undefined,
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
                ethnicGroupId: m.ethnicGroup?.id,
                religionId: m.religion?.id,
                position: m.position,
              }
            : { leadOrganisations: ['POLICE', 'FRONT'], targetCommunities: ['GENERAL'] }
        }
      >
        <TextField
          name="name"
          label="Tên mô hình"
          required="Nhập tên mô hình"
          maxLength={300}
          placeholder="Ví dụ: Tổ tự quản dòng tộc họ Nguyễn"
        />
        <FieldRow spans={[12, 12]}>
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
              loading={loading}
              placeholder="Chọn theo lĩnh vực"
            />
          </Form.Item>
          <UnitField
            name="unitId"
            label="Đơn vị nơi mô hình hoạt động"
            required="Chọn đơn vị"
            activeOn={todayIso()}
          />
        </FieldRow>
        <Form.Item
          name="leadOrganisations"
          label="Cơ quan, tổ chức chủ trì"
          rules={[{ required: true, message: 'Chọn ít nhất một cơ quan, tổ chức' }]}
        >
          <Checkbox.Group options={options(LEAD_ORG_LABELS)} />
        </Form.Item>
        <FieldRow spans={[8, 16]}>
          <DateField
            name="establishedOn"
            label="Ngày thành lập"
            required="Chọn ngày thành lập"
            pastOnly
          />
          <SelectField
            name="targetCommunities"
            label="Đối tượng tham gia"
            multiple
            options={options(TARGET_LABELS)}
          />
        </FieldRow>
        <TextAreaField
          name="description"
          label="Mô tả, cách thức hoạt động"
          rows={3}
          maxLength={4000}
        />
        <FieldRow spans={[12, 12]}>
          <NumberField
            name="declaredTeams"
            label="Số tổ theo báo cáo"
            extra="Chỉ nhập khi chưa có danh sách tổ; số đếm từ danh sách luôn hiển thị riêng"
            min={0}
          />
          <NumberField name="declaredMembers" label="Số thành viên theo báo cáo" min={0} />
        </FieldRow>
        <ModelCommunityFields />
        <PositionField label="Vị trí (nơi mô hình hoạt động)" />
      </Form>
    </FormDialog>
  );
}
