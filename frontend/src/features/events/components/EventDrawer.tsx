import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatNumber, formatTimeDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useDeleteEvent, useEvent } from '../api/events';
import { EventAttachments } from './EventAttachments';
import { EventFormDialog } from './EventFormDialog';
import { PositionText } from '@/components/PositionField';

/** One event: what, when, who organised it, what came of it, and its photos and documents. */
export function EventDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const detail = useEvent(id);
  const rights = useRights();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteEvent();

  const e = detail.data?.event;
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={e?.title ?? 'Sự kiện'}
      destroyOnHidden
      extra={
        e && rights.write ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Sửa
            </Button>
            <Popconfirm
              title="Xóa sự kiện ghi nhầm?"
              okText="Xóa"
              cancelText="Không"
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id, etag: detail.data?.etag ?? '' });
                  message.success('Đã xóa sự kiện');
                  onClose();
                } catch (err) {
                  message.error(problemMessage(err));
                }
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                Xóa
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={problemMessage(detail.error)} />}
      {e && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Loại">{e.type.name}</Descriptions.Item>
            <Descriptions.Item label="Thời gian">
              {formatTimeDate(e.startsAt)} – {formatTimeDate(e.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label="Địa điểm">{e.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Vị trí">
              <PositionText position={e.position} />
            </Descriptions.Item>
            <Descriptions.Item label="Địa bàn">{e.unit.name}</Descriptions.Item>
            <Descriptions.Item label="Chủ trì">{e.lead.name}</Descriptions.Item>
            <Descriptions.Item label="Phối hợp">
              {e.coOrganisers.map((u) => u.name).join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Chương trình">
              {e.programme ? `${e.programme.number} — ${e.programme.title}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Mô hình">
              {e.models.length
                ? e.models.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 && ', '}
                      <Link to={`/mo-hinh/${m.id}`}>{m.name}</Link>
                    </span>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Tham dự">
              {e.attendance !== undefined ? `${formatNumber(e.attendance)} lượt người` : '—'}
              {e.sessions > 1 && ` · ${formatNumber(e.sessions)} buổi`}
            </Descriptions.Item>
            <Descriptions.Item label="Tài liệu, vật phẩm">
              {e.materials
                .map((m) => `${m.material.name}: ${formatNumber(m.quantity)}`)
                .join('; ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Kết quả">{e.outcome ?? '—'}</Descriptions.Item>
          </Descriptions>
          <EventAttachments eventId={id} attachments={e.attachments} canWrite={rights.write} />
        </Space>
      )}
      {editing && detail.data && (
        <EventFormDialog editing={detail.data} onClose={() => setEditing(false)} />
      )}
    </Drawer>
  );
}
