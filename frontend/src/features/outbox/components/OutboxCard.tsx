import {
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  FormOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import type { OutboxItem, OutboxKind, OutboxState } from '@/lib/outbox';

export const KIND_LABELS: Record<OutboxKind, string> = {
  event: 'Sự kiện',
  member: 'Thành viên tổ',
  figures: 'Số liệu (bản nháp)',
};

const KIND_ICONS: Record<OutboxKind, React.ReactNode> = {
  event: <CalendarOutlined />,
  member: <TeamOutlined />,
  figures: <FormOutlined />,
};

const STATES: Record<OutboxState, { label: string; color: string }> = {
  waiting: { label: 'Chờ gửi', color: 'blue' },
  refused: { label: 'Bị từ chối — cần sửa', color: 'red' },
  conflict: { label: 'Dữ liệu gốc đã thay đổi', color: 'orange' },
};

/** One record of the queue: what it is, its state, the server's problem, and what can be done. */
export function OutboxCard({
  item,
  canEdit,
  onEdit,
  onResend,
  onRemove,
}: {
  item: OutboxItem;
  canEdit: boolean;
  onEdit: () => void;
  onResend: () => void;
  onRemove: () => void;
}) {
  const state = STATES[item.state];
  const photos = item.photos.length;
  const sentPhotos = item.photos.filter((p) => p.sent).length;
  return (
    <Card size="small" className="outbox-card" data-testid="outbox-item">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={6}>
          {KIND_ICONS[item.kind]}
          <Typography.Text strong>{item.label}</Typography.Text>
          <Tag color={state.color}>{state.label}</Tag>
        </Space>
        <Typography.Text>
          {KIND_LABELS[item.kind]}
          {item.place ? ` · ${item.place}` : ''} · ghi lúc {formatDateTime(item.createdAt)}
          {photos > 0 ? ` · ${photos} ảnh${sentPhotos ? ` (đã gửi ${sentPhotos})` : ''}` : ''}
        </Typography.Text>
        {item.problem && item.state !== 'waiting' && (
          <Alert
            type={item.state === 'refused' ? 'error' : 'warning'}
            showIcon
            title={
              item.problem.violations?.length
                ? item.problem.title
                : (item.problem.detail ?? item.problem.title)
            }
            description={
              item.problem.violations?.length ? (
                <ul className="outbox-violations">
                  {item.problem.violations.map((v) => (
                    <li key={v.field}>{v.message}</li>
                  ))}
                </ul>
              ) : item.state === 'conflict' ? (
                'Sửa lại theo dữ liệu mới hoặc bỏ bản ghi này.'
              ) : undefined
            }
          />
        )}
        <Space wrap>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              Sửa
            </Button>
          )}
          <Button icon={<SendOutlined />} onClick={onResend}>
            Gửi lại
          </Button>
          {item.link && (
            <Link to={item.link}>Mở {item.kind === 'figures' ? 'kỳ báo cáo' : 'mô hình'}</Link>
          )}
          <Popconfirm
            title="Bỏ bản ghi này?"
            description="Bản ghi chưa gửi sẽ bị xóa khỏi máy."
            okText="Bỏ"
            cancelText="Giữ lại"
            onConfirm={onRemove}
          >
            <Button danger icon={<DeleteOutlined />}>
              Bỏ
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Card>
  );
}
