import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { unitChildrenQuery, useSplitUnit, type UnitDetail } from '../api/units';

interface PartValues {
  successorId?: number;
  childIds?: number[];
  share?: number | null;
}

interface FormValues {
  date?: Dayjs;
  retire: boolean;
  parts: PartValues[];
  note?: string;
}

interface SplitUnitModalProps {
  unit: UnitDetail;
  onClose: () => void;
  onSplit: (unit: UnitDetail) => void;
}

/**
 * Chia tách: the unit's hamlets (or other children) divided among successors created beforehand,
 * and, when it closes, the share of its own figures each successor carries.
 */
export function SplitUnitModal({ unit, onClose, onSplit }: SplitUnitModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const split = useSplitUnit();
  const [error, setError] = useState<string>();
  const retire = Form.useWatch('retire', form) ?? true;
  const parts = Form.useWatch('parts', form) ?? [];
  const children = useQuery(unitChildrenQuery(unit.id, todayIso()));
  const taken = (i: number) =>
    new Set(parts.flatMap((p, j) => (j === i ? [] : (p?.childIds ?? []))));

  const submit = async (v: FormValues) => {
    setError(undefined);
    try {
      const result = await split.mutateAsync({
        id: unit.id,
        body: {
          date: (v.date as Dayjs).format('YYYY-MM-DD'),
          retire: v.retire,
          parts: v.parts.map((p) => ({
            successorId: p.successorId as number,
            childIds: p.childIds ?? [],
            share: v.retire && p.share != null ? p.share : undefined,
          })),
          note: v.note?.trim() || undefined,
        },
      });
      message.success(`Đã chia tách "${result.name}"`);
      onSplit(result);
    } catch (e) {
      applyViolations(form, e);
      setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={`Chia tách "${unit.name}"`}
      okText="Chia tách"
      danger
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={split.isPending}
      error={error}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Tạo trước các đơn vị kế thừa, rồi chia các đơn vị trực thuộc cho từng đơn vị"
        description="Mỗi đơn vị kế thừa được tính lịch sử của các đơn vị trực thuộc nó nhận và phần số liệu theo tỷ lệ; hồ sơ ghi trực tiếp trên đơn vị bị chia tách ở lại trên đó."
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ date: dayjs(), retire: true, parts: [{}, {}] }}
      >
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`Phần ${i + 1}`}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        aria-label={`Bỏ phần ${i + 1}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <Form.Item
                    name={[field.name, 'successorId']}
                    label="Đơn vị kế thừa"
                    rules={[{ required: true, message: 'Chọn đơn vị kế thừa' }]}
                  >
                    <UnitPicker
                      aria-label={`Đơn vị kế thừa phần ${i + 1}`}
                      activeOn={todayIso()}
                      exclude={[unit.id]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'childIds']} label="Đơn vị trực thuộc chuyển sang">
                    <Select
                      mode="multiple"
                      aria-label={`Đơn vị trực thuộc phần ${i + 1}`}
                      loading={children.isLoading}
                      placeholder="Chọn thôn, ấp, tổ dân phố…"
                      optionFilterProp="label"
                      options={(children.data ?? [])
                        .filter((c) => !taken(i).has(c.id))
                        .map((c) => ({ value: c.id, label: c.name }))}
                    />
                  </Form.Item>
                  {retire && (
                    <Form.Item
                      name={[field.name, 'share']}
                      label="Tỷ lệ số liệu kế thừa (%)"
                      tooltip="Phần số liệu định kỳ đã duyệt của chính đơn vị bị chia tách mà đơn vị này nhận"
                    >
                      <InputNumber
                        aria-label={`Tỷ lệ phần ${i + 1}`}
                        min={0}
                        max={100}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  )}
                </Card>
              ))}
              {fields.length < 20 && (
                <Button block icon={<PlusOutlined />} onClick={() => add({})}>
                  Thêm phần
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item
          name="date"
          label="Ngày chia tách có hiệu lực"
          style={{ marginTop: 16 }}
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="retire" valuePropName="checked">
          <Checkbox>"{unit.name}" hết hiệu lực từ ngày chia tách</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="Căn cứ" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
          <Input placeholder="Ví dụ: Nghị quyết 869/NQ-UBTVQH14" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
