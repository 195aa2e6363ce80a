import { App, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { isoDate } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useCreateExemplaryPolice } from '../api/safety';

interface PoliceValues {
  unitId: number;
  year: number;
  decisionNumber: string;
  decidedOn: Dayjs;
  authority: string;
  note?: string;
}

/** Records a designation from the decision that grants it. */
export function PoliceDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PoliceValues>();
  const create = useCreateExemplaryPolice();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const submit = async (v: PoliceValues) => {
    setError(undefined);
    try {
      const saved = await create.mutateAsync({
        unitId: v.unitId,
        year: v.year,
        decisionNumber: v.decisionNumber.trim(),
        decidedOn: isoDate(v.decidedOn),
        authority: v.authority.trim(),
        note: v.note?.trim() || undefined,
      });
      message.success(
        `Đã ghi: ${saved.unit.name} — Công an phường điển hình, kiểu mẫu năm ${saved.year}`,
      );
      onClose();
    } catch (err) {
      if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };
  return (
    <FormDialog
      title="Công an phường điển hình, kiểu mẫu"
      okText="Ghi danh hiệu"
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={create.isPending}
      error={error}
    >
      <Form<PoliceValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: dayjs().year(), authority: 'Giám đốc Công an tỉnh' }}
      >
        <Form.Item
          name="unitId"
          label="Đơn vị công an phường"
          rules={[{ required: true, message: 'Chọn đơn vị công an' }]}
        >
          <UnitPicker aria-label="Đơn vị công an phường" kinds={['POLICE']} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber aria-label="Năm" min={2000} max={dayjs().year()} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}
        >
          <Input aria-label="Số quyết định" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker
            aria-label="Ngày quyết định"
            format="DD/MM/YYYY"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="authority"
          label="Cấp công nhận"
          rules={[{ required: true, whitespace: true, message: 'Nhập cấp công nhận' }]}
        >
          <Input aria-label="Cấp công nhận" maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea aria-label="Ghi chú" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
