import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '@/lib/format';
import { useCatalogue, type Catalogue, type CatalogueItem } from '../api/catalogues';
import { ItemDialog } from './CatalogueItemDialog';

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
