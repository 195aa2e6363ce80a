import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, formatNumber } from '@/lib/format';
import type { ListPageState } from '@/lib/useListPage';
import type { Award } from '../api/awards';

/** The decisions' columns, newest first unless sorted otherwise. */
export function awardColumns({ state, sortOrderOf }: ListPageState): ColumnsType<Award> {
  return [
    {
      title: 'Ngày ký',
      dataIndex: 'decidedOn',
      key: 'decidedOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('decidedOn') ?? (state.sort ? null : 'descend'),
      render: formatDate,
    },
    {
      title: 'Số quyết định',
      dataIndex: 'number',
      key: 'number',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf('number'),
      render: (n: string) => <Typography.Link>{n}</Typography.Link>,
    },
    {
      title: 'Cơ quan, người ký',
      key: 'issuer',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.issuerName}</span>
          {a.signer && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.signer}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Hình thức',
      key: 'form',
      width: 190,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.form.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.type.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Tập thể',
      dataIndex: 'collectiveCount',
      key: 'collectives',
      align: 'right',
      width: 90,
      render: (n: number) => formatNumber(n),
    },
    {
      title: 'Cá nhân',
      dataIndex: 'individualCount',
      key: 'individuals',
      align: 'right',
      width: 90,
      render: (n: number) => formatNumber(n),
    },
  ];
}
