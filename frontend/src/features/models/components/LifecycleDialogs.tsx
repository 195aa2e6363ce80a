import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDate, todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useTransitionModel, type ModelDetail, type ModelStatus } from '../api/models';
import { STATUS_LABELS, TRANSITION_ACTIONS } from '../labels';

interface TransitionValues {
  date: Dayjs;
  note?: string;
  reason?: string;
  siteUnitIds?: number[];
}

/** A dated step of the life cycle: sơ kết, tổng kết, nhân rộng (with sites), thanh loại (with reason). */
export function TransitionDialog({
  model,
  etag,
  to,
  onClose,
}: {
  model: ModelDetail;
  etag: string;
  to: ModelStatus;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TransitionValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const transition = useTransitionModel();
  const since = dayjs(model.statusSince);

  const submit = async (v: TransitionValues) => {
    setError(undefined);
    try {
      await transition.mutateAsync({
        id: model.id,
        etag,
        body: {
          toStatus: to,
          date: v.date.format('YYYY-MM-DD'),
          note: v.note || undefined,
          reason: v.reason || undefined,
          siteUnitIds: v.siteUnitIds,
        },
      });
      message.success(`Mô hình đã chuyển sang «${STATUS_LABELS[to]}»`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={`${TRANSITION_ACTIONS[to]}: ${model.name}`}
      okText={TRANSITION_ACTIONS[to]}
      danger={to === 'RETIRED'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={transition.isPending}
      width={560}
      error={error}
    >
      <Typography.Paragraph type="secondary">
        Trạng thái hiện tại: <b>{STATUS_LABELS[model.status]}</b> từ {formatDate(model.statusSince)}
        .
      </Typography.Paragraph>
      <Form<TransitionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ date: dayjs().isBefore(since) ? since : dayjs() }}
      >
        <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(since, 'day')}
          />
        </Form.Item>
        {to === 'REPLICATED' && (
          <Form.Item
            name="siteUnitIds"
            label="Đơn vị nhân rộng"
            rules={[{ required: true, message: 'Chọn ít nhất một đơn vị' }]}
          >
            <UnitPicker
              multiple
              aria-label="Đơn vị nhân rộng"
              activeOn={todayIso()}
              exclude={[model.unit.id]}
            />
          </Form.Item>
        )}
        {to === 'RETIRED' ? (
          <Form.Item
            name="reason"
            label="Lý do thanh loại"
            rules={[{ required: true, whitespace: true, message: 'Ghi lý do thanh loại' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={to === 'REVIEWED' || to === 'FINAL_REVIEWED' ? 'Kết quả, căn cứ' : 'Ghi chú'}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
