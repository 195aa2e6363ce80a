import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRecognizeModel, type ModelDetail, type RecognitionLevel } from '../api/models';
import { RECOGNITION_LABELS } from '../labels';

export interface RecognitionValues {
  level: RecognitionLevel;
  decisionNumber: string;
  decisionDate: Dayjs;
  authority?: string;
}

/** Công nhận điển hình: the level and the decision that recognised the model. */
export function RecognitionDialog({
  model,
  etag,
  levels,
  onClose,
}: {
  model: ModelDetail;
  etag: string;
  levels: RecognitionLevel[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<RecognitionValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const recognize = useRecognizeModel();

  const submit = async (v: RecognitionValues) => {
    setError(undefined);
    try {
      await recognize.mutateAsync({
        id: model.id,
        etag,
        body: {
          level: v.level,
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate.format('YYYY-MM-DD'),
          authority: v.authority || undefined,
        },
      });
      message.success('Đã ghi nhận công nhận điển hình');
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={`Công nhận điển hình: ${model.name}`}
      okText="Ghi nhận"
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={recognize.isPending}
      width={560}
      error={error}
    >
      <Form<RecognitionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: levels[0] }}
      >
        <Form.Item name="level" label="Cấp công nhận" rules={[{ required: true }]}>
          <Select
            aria-label="Cấp công nhận"
            options={levels.map((l) => ({ value: l, label: RECOGNITION_LABELS[l] }))}
          />
        </Form.Item>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}
        >
          <Input maxLength={60} placeholder="Ví dụ: 1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày quyết định' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(model.establishedOn), 'day')
            }
          />
        </Form.Item>
        <Form.Item name="authority" label="Cấp quyết định">
          <Input maxLength={300} placeholder="Ví dụ: Chủ tịch UBND tỉnh" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
