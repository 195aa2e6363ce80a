import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Segmented, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { App } from 'antd';
import { FormDialog } from '@/components/FormDialog';
import { ScrollRegion } from '@/components/ScrollRegion';
import { formatDate, isoDate, todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useCurrentUser, useRights } from '@/lib/useSession';
import {
  useCreateDeadline,
  useDeadlines,
  type PeriodKind,
  type ReportingDeadline,
} from '../api/reporting';

const KIND = { MONTH: 'Tháng', QUARTER: 'Quý' } as const;

/**
 * The deadlines in force and before: the national defaults and the user's province's own. A
 * province officer tightens the province's (never later than the national one); an administrator
 * sets the national defaults.
 */
export function DeadlinesCard() {
  const rights = useRights();
  const user = useCurrentUser();
  const rules = useDeadlines();
  const [adding, setAdding] = useState(false);
  const province = user?.unit?.kind === 'PROVINCE' ? user.unit : undefined;
  const canSet = rights.admin || (rights.reorganise && province !== undefined);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title="Hạn báo cáo"
      extra={
        canSet && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {rights.admin ? 'Đặt hạn toàn quốc' : 'Đặt hạn của tỉnh'}
          </Button>
        )
      }
    >
      <ScrollRegion label="Các mức hạn báo cáo">
        <Table<ReportingDeadline>
          size="small"
          rowKey="id"
          loading={rules.isLoading}
          dataSource={rules.data ?? []}
          pagination={false}
          columns={[
            {
              title: 'Phạm vi',
              key: 'scope',
              render: (_, r) => r.province?.name ?? 'Toàn quốc',
            },
            { title: 'Kỳ', key: 'kind', render: (_, r) => KIND[r.periodKind] },
            {
              title: 'Hạn',
              key: 'days',
              render: (_, r) => `${r.daysAfter} ngày sau khi hết kỳ`,
            },
            {
              title: 'Hiệu lực',
              key: 'valid',
              render: (_, r) => {
                const today = todayIso();
                const inForce = r.validFrom <= today && (!r.validTo || r.validTo >= today);
                return (
                  <>
                    {r.validTo
                      ? `${formatDate(r.validFrom)} – ${formatDate(r.validTo)}`
                      : `Từ ${formatDate(r.validFrom)}`}{' '}
                    {inForce && <Tag color="green">Đang áp dụng</Tag>}
                    {r.validFrom > today && <Tag color="blue">Sắp áp dụng</Tag>}
                  </>
                );
              },
            },
          ]}
        />
      </ScrollRegion>
      {adding && <DeadlineDialog provinceId={province?.id} onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface DeadlineForm {
  periodKind: PeriodKind;
  daysAfter: number;
  validFrom: dayjs.Dayjs;
  note?: string;
}

function DeadlineDialog({ provinceId, onClose }: { provinceId?: number; onClose: () => void }) {
  const [form] = Form.useForm<DeadlineForm>();
  const create = useCreateDeadline();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        periodKind: v.periodKind,
        provinceId,
        daysAfter: v.daysAfter,
        validFrom: isoDate(v.validFrom),
        note: v.note,
      });
      message.success('Đã đặt hạn báo cáo');
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={provinceId ? 'Đặt hạn báo cáo của tỉnh' : 'Đặt hạn báo cáo toàn quốc'}
      okText="Lưu"
      onOk={() => void save()}
      onCancel={onClose}
      busy={create.isPending}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          periodKind: 'MONTH',
          daysAfter: 5,
          validFrom: dayjs().add(1, 'month').startOf('month'),
        }}
      >
        <Form.Item name="periodKind" label="Loại kỳ">
          <Segmented
            options={[
              { value: 'MONTH', label: 'Tháng' },
              { value: 'QUARTER', label: 'Quý' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="daysAfter"
          label="Số ngày sau ngày cuối kỳ"
          rules={[{ required: true, message: 'Hãy nhập số ngày' }]}
          extra={provinceId ? 'Không được muộn hơn hạn toàn quốc' : undefined}
        >
          <InputNumber min={1} max={60} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label="Áp dụng từ ngày"
          rules={[{ required: true, message: 'Hãy chọn ngày' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
