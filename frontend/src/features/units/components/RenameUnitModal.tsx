import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRenameUnit, type UnitDetail } from '../api/units';

interface FormValues {
  name: string;
  date?: Dayjs;
  note?: string;
}

interface RenameUnitModalProps {
  unit: UnitDetail;
  etag: string;
  onClose: () => void;
  onRenamed: (unit: UnitDetail) => void;
}

/** Đổi tên: the same unit from a date on, its former name kept in its history. */
export function RenameUnitModal({ unit, etag, onClose, onRenamed }: RenameUnitModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const rename = useRenameUnit();
  const [error, setError] = useState<string>();

  const submit = async (v: FormValues) => {
    setError(undefined);
    try {
      const renamed = await rename.mutateAsync({
        id: unit.id,
        etag,
        body: {
          name: v.name.trim(),
          date: (v.date as Dayjs).format('YYYY-MM-DD'),
          note: v.note?.trim() || undefined,
        },
      });
      message.success(`Đã đổi tên thành "${renamed.name}"`);
      onRenamed(renamed);
    } catch (e) {
      applyViolations(form, e);
      setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={`Đổi tên «${unit.name}»`}
      okText="Đổi tên"
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={rename.isPending}
      error={error}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Đổi tên không tạo đơn vị mới"
        description="Mô hình, sự kiện, số liệu vẫn thuộc đơn vị này; tên cũ được lưu cùng ngày đổi. Sửa lỗi chính tả thì dùng nút Sửa."
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ date: dayjs() }}
      >
        <Form.Item
          name="name"
          label="Tên mới"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên mới' },
            { max: 200, message: 'Tối đa 200 ký tự' },
          ]}
        >
          <Input placeholder="Ví dụ: Phường Hiệp Thành" />
        </Form.Item>
        <Form.Item
          name="date"
          label="Dùng tên mới từ ngày"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label="Căn cứ" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
          <Input placeholder="Ví dụ: Nghị quyết 1655/NQ-UBTVQH15" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
