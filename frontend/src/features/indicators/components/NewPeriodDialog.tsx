import { App, Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { useCreateIndicatorReport, type PeriodKind } from '../api/indicators';

interface Values {
  unitId: number;
  periodKind: PeriodKind;
  year: number;
  number: number;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** Opens a period for a unit (an empty draft); the figures are entered on the period's page. */
export function NewPeriodDialog({ onClose }: { onClose: (id?: number) => void }) {
  const [form] = Form.useForm<Values>();
  const user = useCurrentUser();
  const create = useCreateIndicatorReport();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const kind = Form.useWatch('periodKind', form) ?? 'MONTH';
  const now = dayjs();
  // the last whole period is what is usually reported
  const lastMonth = now.subtract(1, 'month');

  const submit = async (v: Values) => {
    setError(undefined);
    try {
      const created = await create.mutateAsync({ ...v, values: [] });
      message.success(`Đã mở kỳ ${created.periodLabel} của ${created.unit.name}: hãy nhập số liệu`);
      onClose(created.id);
    } catch (err) {
      if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };

  return (
    <FormDialog
      title="Nhập số liệu kỳ mới"
      okText="Mở kỳ báo cáo"
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      busy={create.isPending}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          unitId: user?.unit?.id,
          periodKind: 'MONTH',
          year: lastMonth.year(),
          number: lastMonth.month() + 1,
        }}
      >
        <Form.Item
          name="unitId"
          label="Đơn vị báo cáo (xã, phường, đặc khu)"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <UnitPicker
            aria-label="Đơn vị báo cáo"
            kinds={['COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE', 'DISTRICT', 'PROVINCE']}
          />
        </Form.Item>
        <Form.Item name="periodKind" label="Báo cáo theo">
          <Radio.Group
            onChange={() => form.setFieldValue('number', 1)}
            options={[
              { value: 'MONTH', label: 'Tháng' },
              { value: 'QUARTER', label: 'Quý' },
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="number"
              label={kind === 'MONTH' ? 'Tháng' : 'Quý'}
              rules={[{ required: true, message: 'Chọn kỳ' }]}
            >
              <Select
                aria-label={kind === 'MONTH' ? 'Tháng' : 'Quý'}
                options={
                  kind === 'MONTH'
                    ? Array.from({ length: 12 }, (_, i) => ({
                        value: i + 1,
                        label: `Tháng ${i + 1}`,
                        title: `Tháng ${i + 1}`,
                      }))
                    : QUARTERS.map((q, i) => ({
                        value: i + 1,
                        label: `Quý ${q}`,
                        title: `Quý ${q}`,
                      }))
                }
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
              <InputNumber aria-label="Năm" min={2000} max={now.year()} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
