import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '@/lib/format';
import type { ModelStatus, ModelSummary } from '../api/models';
import { RECOGNITION_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels';

/** The register's columns; `sortOrderOf` tells which one the list is sorted by. */
export function modelColumns(
  sortOrderOf: (key: string) => 'ascend' | 'descend' | null,
): ColumnsType<ModelSummary> {
  return [
    {
      title: 'Tên mô hình',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, m) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/mo-hinh/${m.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.type.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Đơn vị', key: 'unit', render: (_, m) => m.unit.name, width: 200 },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      key: 'status',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf('status'),
      render: (s: ModelStatus, m) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
          {m.recognitionLevel && <Tag color="gold">{RECOGNITION_LABELS[m.recognitionLevel]}</Tag>}
        </Space>
      ),
    },
    {
      title: 'Số tổ',
      key: 'teams',
      align: 'right',
      width: 90,
      render: (_, m) => <Counted counted={m.teamCount} declared={m.declaredTeams} />,
    },
    {
      title: 'Thành viên',
      key: 'members',
      align: 'right',
      width: 110,
      render: (_, m) => <Counted counted={m.memberCount} declared={m.declaredMembers} />,
    },
    {
      title: 'Thành lập',
      dataIndex: 'establishedOn',
      key: 'establishedOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('establishedOn'),
      render: formatDate,
    },
  ];
}

/** A count from the roster, with the declared total beside it when there is one. */
export function Counted({ counted, declared }: { counted: number; declared?: number }) {
  if (declared === undefined || declared === null) return <>{formatNumber(counted)}</>;
  return (
    <Tooltip
      title={`Đếm từ danh sách: ${formatNumber(counted)}; theo báo cáo: ${formatNumber(declared)}`}
    >
      <span>
        {formatNumber(counted)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          (báo cáo {formatNumber(declared)})
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
