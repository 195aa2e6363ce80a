import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Space, Timeline } from 'antd';
import { formatDate, formatNumber, formatTimeDate } from '@/lib/format';
import { useRights } from '@/lib/useSession';
import { PROGRAMME_STATUS_LABELS, useEvents, useProgramme, type Programme } from '../api/events';

export function ProgrammeDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number;
  onClose: () => void;
  onEdit: (p: Programme) => void;
}) {
  const programme = useProgramme(id);
  const events = useEvents({ programmeId: id, sort: 'startsAt,asc', size: 200 });
  const rights = useRights();
  const p = programme.data;
  return (
    <Drawer
      open
      width={680}
      title={p ? `${p.number} — ${p.title}` : 'Chương trình'}
      onClose={onClose}
      extra={
        // a national programme (no scope) is the administrators' to change
        p && rights.write && (p.scope || rights.admin) ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
            Sửa
          </Button>
        ) : null
      }
    >
      {p && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Ngày ký">{formatDate(p.signedOn)}</Descriptions.Item>
            <Descriptions.Item label="Các bên ký kết">
              {p.parties.map((u) => u.name).join(', ')}
            </Descriptions.Item>
            <Descriptions.Item label="Phạm vi">{p.scope?.name ?? 'Toàn quốc'}</Descriptions.Item>
            <Descriptions.Item label="Thời gian thực hiện">
              {formatDate(p.periodFrom)} – {p.periodTo ? formatDate(p.periodTo) : 'chưa xác định'}
            </Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              {PROGRAMME_STATUS_LABELS[p.status]}
              {p.renewedBy && ` bằng ${p.renewedBy.number}`}
            </Descriptions.Item>
          </Descriptions>
          {events.data?.content.length ? (
            <Timeline
              items={events.data.content.map((e) => ({
                key: e.id,
                title: formatTimeDate(e.startsAt),
                content: (
                  <div>
                    <b>{e.title}</b> — {e.type.name}
                    <div>
                      {e.unit.name}
                      {e.attendance !== undefined && ` · ${formatNumber(e.attendance)} lượt người`}
                    </div>
                  </div>
                ),
              }))}
            />
          ) : (
            <Empty description="Chưa có sự kiện nào thuộc chương trình" />
          )}
        </Space>
      )}
    </Drawer>
  );
}
