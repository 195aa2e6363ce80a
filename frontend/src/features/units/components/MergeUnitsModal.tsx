import { Alert, App, Checkbox, DatePicker, Form, Input } from 'antd';
import { FormDialog } from '@/components/FormDialog';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyViolations, problemMessage } from '@/lib/problem';
import { todayIso } from '@/lib/format';
import { useMergeUnits, type UnitDetail } from '../api/units';
import { UnitPicker } from '@/components/UnitPicker';

interface FormValues {
  predecessorIds: number[];
  successorId?: number;
  date?: Dayjs;
  transferChildren: boolean;
  note?: string;
}

/** Mounted while open, so each opening starts from fresh state. */
interface MergeUnitsModalProps {
  successorId?: number;
  onClose: () => void;
  onMerged: (successor: UnitDetail) => void;
}

/** Retires units into a successor on a date, recording lineage without losing history. */
export function MergeUnitsModal({ successorId, onClose, onMerged }: MergeUnitsModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const merge = useMergeUnits();
  const [error, setError] = useState<string>();
  const successor = Form.useWatch('successorId', form);

  const submit = async (values: FormValues) => {
    setError(undefined);
    try {
      const merged = await merge.mutateAsync({
        predecessorIds: values.predecessorIds,
        successorId: values.successorId as number,
        date: (values.date as Dayjs).format('YYYY-MM-DD'),
        transferChildren: values.transferChildren,
        note: values.note?.trim() || undefined,
      });
      message.success(`Đã sáp nhập vào "${merged.name}"`);
      onMerged(merged);
    } catch (e) {
      applyViolations(form, e);
      setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title="Sáp nhập đơn vị"
      okText="Sáp nhập"
      danger
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={merge.isPending}
      error={error}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Các đơn vị bị sáp nhập sẽ hết hiệu lực từ ngày sáp nhập"
        description="Lịch sử và số liệu của chúng được giữ nguyên và cộng dồn về đơn vị kế thừa."
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ successorId, transferChildren: true, date: dayjs(), predecessorIds: [] }}
      >
        <Form.Item
          name="predecessorIds"
          label="Các đơn vị bị sáp nhập"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đơn vị' }]}
        >
          <UnitPicker
            multiple
            aria-label="Các đơn vị bị sáp nhập"
            activeOn={todayIso()}
            exclude={successor ? [successor] : undefined}
          />
        </Form.Item>
        <Form.Item
          name="successorId"
          label="Đơn vị kế thừa"
          rules={[{ required: true, message: 'Chọn đơn vị kế thừa' }]}
        >
          <UnitPicker aria-label="Đơn vị kế thừa" activeOn={todayIso()} />
        </Form.Item>
        <Form.Item
          name="date"
          label="Ngày sáp nhập có hiệu lực"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="transferChildren" valuePropName="checked">
          <Checkbox>Chuyển các đơn vị trực thuộc đang hiệu lực sang đơn vị kế thừa</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="Căn cứ" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
          <Input placeholder="Ví dụ: Nghị quyết 202/2025/QH15" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
