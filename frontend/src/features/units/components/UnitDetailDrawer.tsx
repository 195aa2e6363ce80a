import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  EditOutlined,
  FontSizeOutlined,
  MergeCellsOutlined,
  SplitCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Descriptions,
  Drawer,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useUnitDetail, type UnitDetail } from '../api/units';
import { UnitHistory } from './UnitHistory';
import { LineageTimeline, type LinkTo } from './unitLineage';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from '@/lib/unitKinds';

interface UnitDetailDrawerProps {
  unitId?: number;
  onClose: () => void;
  /** href and click handler of a link that opens another unit here. */
  linkTo: LinkTo;
  onEdit: (unit: UnitDetail, etag: string) => void;
  onAddChild: (unit: UnitDetail) => void;
  /** The awards of the unit's area, from the awards feature (composed by the app). */
  awardsOf?: (unit: UnitDetail) => ReactNode;
  onMergeInto: (unit: UnitDetail) => void;
  onRename: (unit: UnitDetail, etag: string) => void;
  onSplit: (unit: UnitDetail) => void;
  onShowSubtree: (unit: UnitDetail) => void;
}

export function UnitDetailDrawer({
  unitId,
  onClose,
  linkTo,
  onEdit,
  onAddChild,
  awardsOf,
  onMergeInto,
  onRename,
  onSplit,
  onShowSubtree,
}: UnitDetailDrawerProps) {
  const detail = useUnitDetail(unitId);
  const unit = detail.data?.unit;
  const rights = useRights();

  return (
    <Drawer
      open={unitId !== undefined}
      onClose={onClose}
      size={560}
      title={unit ? unit.name : 'Chi tiết đơn vị'}
      extra={
        unit &&
        rights.write && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => detail.data && onEdit(detail.data.unit, detail.data.etag)}
          >
            Sửa
          </Button>
        )
      }
    >
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={problemMessage(detail.error)} />}
      {unit && (
        <Tabs
          items={[
            {
              key: 'info',
              label: 'Thông tin',
              children: (
                <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                  <Breadcrumb
                    aria-label="Cấp trên"
                    items={[
                      ...unit.ancestors.map((a) => ({
                        key: a.id,
                        title: <Typography.Link {...linkTo(a.id)}>{a.name}</Typography.Link>,
                      })),
                      { key: unit.id, title: unit.name },
                    ]}
                  />
                  <Descriptions
                    column={1}
                    size="small"
                    bordered
                    items={[
                      {
                        key: 'kind',
                        label: 'Loại',
                        children: (
                          <Tag color={UNIT_KIND_COLORS[unit.kind]}>
                            {UNIT_KIND_LABELS[unit.kind]}
                          </Tag>
                        ),
                      },
                      { key: 'code', label: 'Mã', children: unit.code ?? <i>chưa có</i> },
                      { key: 'parent', label: 'Cấp trên', children: unit.parentName ?? '—' },
                      { key: 'from', label: 'Hiệu lực từ', children: formatDate(unit.validFrom) },
                      {
                        key: 'to',
                        label: 'Hết hiệu lực',
                        children: unit.validTo ? formatDate(unit.validTo) : 'Còn hiệu lực',
                      },
                      {
                        key: 'status',
                        label: 'Trạng thái',
                        children: unit.active ? (
                          <Tag color="success">Đang hoạt động</Tag>
                        ) : (
                          <Tag>Không còn hiệu lực</Tag>
                        ),
                      },
                      {
                        key: 'children',
                        label: 'Đơn vị trực thuộc',
                        children: formatNumber(unit.childCount),
                      },
                    ]}
                  />
                  <Space wrap>
                    <Button icon={<ApartmentOutlined />} onClick={() => onShowSubtree(unit)}>
                      Xem đơn vị cấp dưới
                    </Button>
                    {unit.active && rights.write && unit.allowedChildKinds.length > 0 && (
                      <Button icon={<PlusOutlined />} onClick={() => onAddChild(unit)}>
                        Thêm đơn vị trực thuộc
                      </Button>
                    )}
                    {unit.active && rights.reorganise && (
                      <Button icon={<MergeCellsOutlined />} onClick={() => onMergeInto(unit)}>
                        Sáp nhập đơn vị khác vào đây
                      </Button>
                    )}
                    {unit.active && rights.reorganise && (
                      <Button icon={<SplitCellsOutlined />} onClick={() => onSplit(unit)}>
                        Chia tách
                      </Button>
                    )}
                    {rights.reorganise && detail.data && (
                      <Button
                        icon={<FontSizeOutlined />}
                        onClick={() => detail.data && onRename(detail.data.unit, detail.data.etag)}
                      >
                        Đổi tên
                      </Button>
                    )}
                  </Space>
                  <div>
                    <Typography.Title level={5}>Lịch sử sắp xếp</Typography.Title>
                    <LineageTimeline unit={unit} linkTo={linkTo} />
                  </div>
                </Space>
              ),
            },
            ...(awardsOf
              ? [{ key: 'awards', label: 'Khen thưởng', children: awardsOf(unit) }]
              : []),
            ...(rights.audit
              ? [{ key: 'history', label: 'Lịch sử', children: <UnitHistory unitId={unit.id} /> }]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
