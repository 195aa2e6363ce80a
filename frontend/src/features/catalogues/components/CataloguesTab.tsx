import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { formatDate } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  useCatalogue,
  useSaveCatalogueItem,
  type Catalogue,
  type CatalogueItem,
} from '../api/catalogues';

const CATALOGUES: { value: Catalogue; label: string; parent?: Catalogue; parentLabel?: string }[] =
  [
    { value: 'MODEL_FIELD', label: 'Lĩnh vực mô hình' },
    { value: 'MODEL_TYPE', label: 'Loại mô hình', parent: 'MODEL_FIELD', parentLabel: 'Lĩnh vực' },
    { value: 'EVENT_TYPE', label: 'Loại sự kiện' },
    { value: 'MATERIAL_TYPE', label: 'Tài liệu, vật phẩm' },
    { value: 'AWARD_FORM', label: 'Hình thức khen thưởng' },
    { value: 'AWARD_TYPE', label: 'Loại khen thưởng' },
    { value: 'AWARD_AUTHORITY', label: 'Cấp khen thưởng' },
    { value: 'INDICATOR', label: 'Chỉ tiêu số liệu báo cáo' },
    { value: 'SAFETY_TARGET', label: 'Đối tượng đánh giá an toàn về ANTT' },
    {
      value: 'SAFETY_CRITERION',
      label: 'Tiêu chí an toàn về ANTT',
      parent: 'SAFETY_TARGET',
      parentLabel: 'Đối tượng',
    },
  ];

/** Danh mục: effective-dated lists; an item is ended with a date, never deleted. */
export function CataloguesTab() {
  const [catalogue, setCatalogue] = useState<Catalogue>('MODEL_TYPE');
  const meta = CATALOGUES.find((c) => c.value === catalogue) ?? CATALOGUES[0];
  const items = useCatalogue(catalogue);
  const [editing, setEditing] = useState<{ item?: CatalogueItem } | null>(null);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Segmented<Catalogue>
          value={catalogue}
          onChange={setCatalogue}
          options={CATALOGUES.map((c) => ({ value: c.value, label: c.label }))}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          Thêm mục
        </Button>
      </Space>
      <Table<CatalogueItem>
        rowKey="id"
        size="middle"
        loading={items.isLoading}
        dataSource={items.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Tên', dataIndex: 'name' },
          { title: 'Mã', dataIndex: 'code', width: 200 },
          ...(meta?.parent
            ? [
                {
                  title: meta.parentLabel,
                  key: 'parent',
                  render: (_: unknown, i: CatalogueItem) => i.parent?.name,
                },
              ]
            : []),
          { title: 'Hiệu lực từ', dataIndex: 'validFrom', width: 120, render: formatDate },
          {
            title: 'Trạng thái',
            key: 'active',
            width: 170,
            render: (_, i) =>
              i.active ? (
                <Tag color="green">Đang dùng</Tag>
              ) : (
                <Tag>{i.validTo ? `Hết hiệu lực ${formatDate(i.validTo)}` : 'Chưa hiệu lực'}</Tag>
              ),
          },
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_, i) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ item: i })}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      {editing && meta && (
        <ItemDialog
          catalogue={catalogue}
          label={meta.label}
          parent={meta.parent}
          parentLabel={meta.parentLabel}
          item={editing.item}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

interface Values {
  code: string;
  name: string;
  parentId?: number;
  validFrom: Dayjs;
  validTo?: Dayjs;
}

function ItemDialog({
  catalogue,
  label,
  parent,
  parentLabel,
  item,
  onClose,
}: {
  catalogue: Catalogue;
  label: string;
  parent?: Catalogue;
  parentLabel?: string;
  item?: CatalogueItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveCatalogueItem(catalogue);
  const parents = useCatalogue(parent ?? 'MODEL_FIELD');
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        item,
        body: {
          code: v.code,
          name: v.name,
          parentId: v.parentId,
          validFrom: v.validFrom.format('YYYY-MM-DD'),
          validTo: v.validTo?.format('YYYY-MM-DD'),
        },
      });
      message.success(item ? 'Đã lưu' : `Đã thêm «${v.name}»`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={item ? `Sửa: ${item.name}` : `Thêm mục: ${label}`}
      okText={item ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={600}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          item
            ? {
                code: item.code,
                name: item.name,
                parentId: item.parent?.id,
                validFrom: dayjs(item.validFrom),
                validTo: item.validTo ? dayjs(item.validTo) : undefined,
              }
            : { validFrom: dayjs() }
        }
      >
        <Form.Item
          name="name"
          label="Tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã"
          rules={[
            { required: true, message: 'Nhập mã' },
            { pattern: /^[A-Z0-9_]+$/, message: 'Chữ in hoa không dấu, số và _' },
          ]}
          extra="Mã dùng cho trao đổi dữ liệu giữa các hệ thống, ví dụ CLB_HOAN_LUONG"
        >
          <Input maxLength={40} />
        </Form.Item>
        {parent && (
          <Form.Item
            name="parentId"
            label={parentLabel}
            rules={[{ required: true, message: `Chọn ${parentLabel?.toLowerCase()}` }]}
          >
            <Select
              aria-label={parentLabel}
              options={(parents.data ?? []).map((p) => ({
                value: p.id,
                label: p.name,
                title: p.name,
              }))}
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="validFrom"
              label="Hiệu lực từ ngày"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="validTo"
              label="Hết hiệu lực từ ngày"
              extra="Mục hết hiệu lực không chọn được cho bản ghi mới; bản ghi cũ vẫn giữ"
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
