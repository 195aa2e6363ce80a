import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import { type AwardRecipient } from '../api/awards';

export function RecipientTable({ title, rows }: { title: string; rows: AwardRecipient[] }) {
  if (!rows.length) return null;
  const individuals = rows[0]?.kind === 'INDIVIDUAL';
  return (
    <Table<AwardRecipient>
      rowKey="id"
      size="small"
      title={() => (
        <b>
          {title} ({formatNumber(rows.length)})
        </b>
      )}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      columns={[
        { title: 'TT', key: 'no', width: 56, render: (_, __, i) => i + 1 },
        {
          title: individuals ? 'Họ và tên' : 'Tên tập thể',
          key: 'name',
          render: (_, r) =>
            r.model ? (
              <Link to={`/mo-hinh/${r.model.id}`}>{r.name}</Link>
            ) : (
              <span>
                {r.name}
                {!individuals && r.unit.name !== r.name && (
                  <Typography.Text type="secondary"> (nay là {r.unit.name})</Typography.Text>
                )}
              </span>
            ),
        },
        ...(individuals
          ? [
              { title: 'Chức vụ', dataIndex: 'position', key: 'position' },
              { title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName' },
            ]
          : !rows.some((r) => r.model)
            ? []
            : [
                {
                  title: 'Thuộc đơn vị',
                  key: 'unit',
                  render: (_: unknown, r: AwardRecipient) => (r.model ? r.unitName : ''),
                },
              ]),
      ]}
    />
  );
}
