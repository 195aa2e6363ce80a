import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import { FormDialog } from '@/components/FormDialog';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError } from '@/lib/api/client';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  useCreateUnit,
  useUnitDetail,
  useUpdateUnit,
  type UnitDetail,
  type UnitInput,
  type UnitKind,
} from '../api/units';
import { UnitPicker } from '@/components/UnitPicker';
import { ROOT_KINDS, UNIT_KIND_LABELS } from '@/lib/unitKinds';

interface FormValues {
  name: string;
  code?: string;
  kind?: UnitKind;
  parentId?: number;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
}

/** Mounted while open, so each opening starts from fresh state. */
interface UnitFormModalProps {
  /** Edit this unit (with the ETag read when it was opened); create when absent. */
  editing?: { unit: UnitDetail; etag: string };
  /** Preselected parent when creating. */
  parentId?: number;
  onClose: () => void;
  onSaved: (unit: UnitDetail) => void;
}

const DATE_FORMAT = 'DD/MM/YYYY';

export function UnitFormModal({ editing, parentId, onClose, onSaved }: UnitFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState(false);
  const chosenParent = Form.useWatch('parentId', form);
  const parent = useUnitDetail(chosenParent);
  // the server says which kinds fit under the chosen parent
  const allowedKinds = useMemo(
    () => (chosenParent ? (parent.data?.unit.allowedChildKinds ?? []) : ROOT_KINDS),
    [chosenParent, parent.data],
  );

  const initialValues: Partial<FormValues> = editing
    ? {
        name: editing.unit.name,
        code: editing.unit.code,
        kind: editing.unit.kind,
        parentId: editing.unit.parentId,
        validFrom: dayjs(editing.unit.validFrom),
        validTo: editing.unit.validTo ? dayjs(editing.unit.validTo) : null,
      }
    : { parentId, validFrom: dayjs() };

  const submit = async (values: FormValues) => {
    setError(undefined);
    const body: UnitInput = {
      name: values.name,
      code: values.code?.trim() ? values.code.trim() : undefined,
      kind: values.kind as UnitKind,
      parentId: values.parentId,
      validFrom: (values.validFrom as Dayjs).format('YYYY-MM-DD'),
      validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : undefined,
    };
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.unit.id, etag: editing.etag, body })
        : await create.mutateAsync(body);
      message.success(editing ? 'Đã lưu thay đổi' : `Đã thêm "${saved.name}"`);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setStale(true);
        return;
      }
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={editing ? `Sửa đơn vị: ${editing.unit.name}` : 'Thêm đơn vị'}
      okText={editing ? 'Lưu' : 'Thêm'}
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={create.isPending || update.isPending}
      error={error}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đơn vị đã được người khác sửa sau khi bạn mở"
          description="Thay đổi của bạn chưa được lưu. Hãy đóng hộp thoại, mở lại để xem dữ liệu mới nhất rồi sửa lại."
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={initialValues}
      >
        <Form.Item
          name="name"
          label="Tên đơn vị"
          rules={[
            { required: true, whitespace: true, message: 'Bắt buộc nhập' },
            { max: 200, message: 'Tối đa 200 ký tự' },
          ]}
        >
          <Input placeholder="Ví dụ: Phường Bạc Liêu" autoFocus />
        </Form.Item>
        <Form.Item name="parentId" label="Đơn vị cấp trên">
          <UnitPicker
            aria-label="Đơn vị cấp trên"
            placeholder="Để trống nếu là tỉnh/thành phố"
            exclude={editing ? [editing.unit.id] : undefined}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label="Loại đơn vị"
          rules={[{ required: true, message: 'Chọn loại đơn vị' }]}
          extra="Chỉ hiện các loại được phép trực thuộc đơn vị cấp trên đã chọn"
        >
          <Select
            placeholder="Chọn loại"
            loading={parent.isFetching}
            disabled={chosenParent !== undefined && !parent.data}
            options={allowedKinds.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã đơn vị"
          rules={[
            { max: 20, message: 'Tối đa 20 ký tự' },
            { pattern: /^[A-Za-z0-9._-]*$/, message: 'Chỉ gồm chữ không dấu, số, dấu . _ -' },
          ]}
          extra="Mã chính thức nếu có (2 chữ số cho tỉnh, 5 chữ số cho xã)"
        >
          <Input placeholder="Ví dụ: 32248" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="validFrom"
            label="Hiệu lực từ ngày"
            rules={[{ required: true, message: 'Chọn ngày' }]}
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label="Hết hiệu lực từ ngày" style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Còn hiệu lực" />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}
