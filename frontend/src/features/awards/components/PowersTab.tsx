import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { useCatalogue } from '@/lib/catalogues';
import { formatDate, isoDate } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useAwardPowers, useSaveAwardPower, type AwardPower } from '../api/awards';

/**
 * Thẩm quyền khen thưởng: which authority may grant which form and over which days. A decision
 * is checked against the row in force on its date; a power that ends gets an end date, never
 * deleted, so older decisions stay valid.
 */
export function PowersTab() {
  const powers = useAwardPowers();
  const [editing, setEditing] = useState<{ power?: AwardPower } | null>(null);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Quyết định khen thưởng chỉ được ghi khi cấp khen có thẩm quyền tặng hình thức đó vào ngày
          ký (ví dụ cấp huyện hết thẩm quyền từ 01/07/2025).
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          Thêm thẩm quyền
        </Button>
      </Space>
      <Table<AwardPower>
        rowKey="id"
        size="middle"
        loading={powers.isLoading}
        dataSource={powers.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Cấp khen thưởng', key: 'authority', render: (_, p) => p.authority.name },
          { title: 'Hình thức', key: 'form', render: (_, p) => p.form.name },
          {
            title: 'Hiệu lực',
            key: 'range',
            width: 230,
            render: (_, p) =>
              `từ ${formatDate(p.validFrom)}${p.validTo ? ` đến hết ${formatDate(isoDate(dayjs(p.validTo).subtract(1, 'day')))}` : ''}`,
          },
          {
            title: 'Trạng thái',
            key: 'active',
            width: 130,
            render: (_, p) =>
              p.active ? <Tag color="green">Đang áp dụng</Tag> : <Tag>Không áp dụng</Tag>,
          },
          { title: 'Căn cứ', dataIndex: 'legalBasis', key: 'basis' },
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_, p) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ power: p })}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      {editing && <PowerDialog power={editing.power} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  authorityId: number;
  formId: number;
  validFrom: Dayjs;
  validTo?: Dayjs;
  legalBasis?: string;
}

function PowerDialog({ power, onClose }: { power?: AwardPower; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveAwardPower();
  const authorities = useCatalogue('AWARD_AUTHORITY');
  const forms = useCatalogue('AWARD_FORM');
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        power,
        body: {
          authorityId: v.authorityId,
          formId: v.formId,
          validFrom: v.validFrom.format('YYYY-MM-DD'),
          validTo: v.validTo?.format('YYYY-MM-DD'),
          legalBasis: v.legalBasis?.trim() || undefined,
        },
      });
      message.success('Đã lưu thẩm quyền');
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  const options = (items?: { id: number; name: string }[]) =>
    (items ?? []).map((i) => ({ value: i.id, label: i.name, title: i.name }));
  return (
    <FormDialog
      title={power ? 'Sửa thẩm quyền khen thưởng' : 'Thêm thẩm quyền khen thưởng'}
      okText={power ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          power
            ? {
                authorityId: power.authority.id,
                formId: power.form.id,
                validFrom: dayjs(power.validFrom),
                validTo: power.validTo ? dayjs(power.validTo) : undefined,
                legalBasis: power.legalBasis,
              }
            : { validFrom: dayjs() }
        }
      >
        <Form.Item
          name="authorityId"
          label="Cấp khen thưởng"
          rules={[{ required: true, message: 'Chọn cấp khen thưởng' }]}
        >
          <Select aria-label="Cấp khen thưởng" options={options(authorities.data)} />
        </Form.Item>
        <Form.Item
          name="formId"
          label="Hình thức"
          rules={[{ required: true, message: 'Chọn hình thức' }]}
        >
          <Select aria-label="Hình thức" options={options(forms.data)} />
        </Form.Item>
        <Space>
          <Form.Item
            name="validFrom"
            label="Áp dụng từ ngày"
            rules={[{ required: true, message: 'Chọn ngày' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label="Hết thẩm quyền từ ngày"
            extra="Ngày đầu tiên không còn thẩm quyền"
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="legalBasis" label="Căn cứ pháp lý">
          <Input maxLength={300} placeholder="Luật Thi đua, khen thưởng 2022; NĐ 152/2025/NĐ-CP" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
