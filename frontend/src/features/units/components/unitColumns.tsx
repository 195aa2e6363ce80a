import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate } from '@/lib/format';
import type { ListPageState } from '@/lib/useListPage';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from '@/lib/unitKinds';
import type { Unit, UnitKind } from '../api/units';

/** A real link to a unit's detail (it can be opened in a new tab or bookmarked). */
export type UnitLink = (id: number) => { href: string; onClick: (e: React.MouseEvent) => void };

/** The units' columns; the name links to the unit's detail. */
export function unitColumns(
  { state, sortOrderOf }: ListPageState,
  linkTo: UnitLink,
): ColumnsType<Unit> {
  return [
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name') ?? (state.sort ? null : 'ascend'),
      render: (name: string, u) => <Typography.Link {...linkTo(u.id)}>{name}</Typography.Link>,
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: sortOrderOf('kind'),
      render: (kind: UnitKind) => (
        <Tag color={UNIT_KIND_COLORS[kind]}>{UNIT_KIND_LABELS[kind]}</Tag>
      ),
    },
    { title: 'Mã', dataIndex: 'code', key: 'code', sorter: true, sortOrder: sortOrderOf('code') },
    { title: 'Cấp trên', dataIndex: 'parentName', key: 'parentName' },
    {
      title: 'Hiệu lực từ',
      dataIndex: 'validFrom',
      key: 'validFrom',
      sorter: true,
      sortOrder: sortOrderOf('validFrom'),
      render: formatDate,
    },
    {
      title: 'Trạng thái',
      key: 'active',
      render: (_: unknown, u) =>
        u.active ? (
          <Tag color="success">Đang hoạt động</Tag>
        ) : (
          <Tag>Hết hiệu lực {formatDate(u.validTo)}</Tag>
        ),
    },
  ];
}
