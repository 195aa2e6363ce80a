import {
  DeleteOutlined,
  SnippetsOutlined,
  TeamOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '@/components/UnitPicker';
import { formatNumber } from '@/lib/format';
import { PasteDialog } from './RecipientPaste';
import { ModelPicker } from './ModelPicker';
import { newRow, type RecipientRow } from './recipientRows';

/**
 * The decision's list: collectives (a unit from the tree or a model) and individuals (name,
 * position, their unit), typed one by one or pasted from Excel.
 */
export function RecipientsGrid({
  rows,
  onChange,
  defaultUnitId,
}: {
  rows: RecipientRow[];
  onChange: (rows: RecipientRow[]) => void;
  defaultUnitId?: number;
}) {
  const [pasting, setPasting] = useState(false);
  const update = (key: string, patch: Partial<RecipientRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch, error: undefined } : r)));
  const collectives = rows.filter((r) => r.kind !== 'PERSON').length;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<TeamOutlined />} onClick={() => onChange([...rows, newRow('UNIT')])}>
          Thêm tập thể (đơn vị)
        </Button>
        <Button
          icon={<UsergroupAddOutlined />}
          onClick={() => onChange([...rows, newRow('MODEL')])}
        >
          Thêm tập thể (mô hình)
        </Button>
        <Button
          icon={<UserAddOutlined />}
          onClick={() => onChange([...rows, newRow('PERSON', { unitId: defaultUnitId })])}
        >
          Thêm cá nhân
        </Button>
        <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
          Dán danh sách cá nhân
        </Button>
        <Typography.Text type="secondary">
          {formatNumber(collectives)} tập thể, {formatNumber(rows.length - collectives)} cá nhân
        </Typography.Text>
      </Space>
      <Table<RecipientRow>
        rowKey="key"
        size="small"
        aria-label="Danh sách được khen"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 340 }}
        locale={{ emptyText: 'Chưa có tập thể, cá nhân nào' }}
        columns={[
          { title: 'TT', key: 'no', width: 48, render: (_, __, i) => i + 1 },
          {
            title: 'Tập thể / Họ và tên',
            key: 'name',
            render: (_, r) => (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                {r.kind === 'UNIT' && (
                  <UnitPicker
                    aria-label="Đơn vị được khen"
                    placeholder="Đơn vị được khen"
                    value={r.unitId}
                    onChange={(v) =>
                      update(r.key, { unitId: typeof v === 'number' ? v : undefined })
                    }
                  />
                )}
                {r.kind === 'MODEL' && (
                  <ModelPicker
                    value={r.modelId}
                    label={r.modelName}
                    onChange={(id, name) => update(r.key, { modelId: id, modelName: name })}
                  />
                )}
                {r.kind === 'PERSON' && (
                  <Input
                    aria-label="Họ và tên"
                    placeholder="Họ và tên"
                    maxLength={200}
                    value={r.fullName}
                    onChange={(e) => update(r.key, { fullName: e.target.value })}
                  />
                )}
                {r.error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
                    {r.error}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: 'Chức vụ',
            key: 'position',
            width: 190,
            render: (_, r) =>
              r.kind === 'PERSON' ? (
                <Input
                  aria-label="Chức vụ"
                  placeholder="Chức vụ"
                  maxLength={200}
                  value={r.position}
                  onChange={(e) => update(r.key, { position: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">
                  {r.kind === 'UNIT' ? 'Tập thể' : 'Tập thể (mô hình)'}
                </Typography.Text>
              ),
          },
          {
            title: 'Đơn vị công tác / nơi ở',
            key: 'unit',
            width: 250,
            render: (_, r) =>
              r.kind === 'PERSON' ? (
                <UnitPicker
                  aria-label="Đơn vị của cá nhân"
                  placeholder="Đơn vị"
                  value={r.unitId}
                  onChange={(v) => update(r.key, { unitId: typeof v === 'number' ? v : undefined })}
                />
              ) : null,
          },
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_, r) => (
              <Button
                type="text"
                danger
                aria-label="Bỏ dòng này"
                icon={<DeleteOutlined />}
                onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      {pasting && (
        <PasteDialog
          defaultUnitId={defaultUnitId}
          onClose={(added) => {
            setPasting(false);
            if (added.length) onChange([...rows, ...added]);
          }}
        />
      )}
    </>
  );
}
