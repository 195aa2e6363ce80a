import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  ExclamationCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { formatTimeDate } from '@/lib/format';
import { useMarkRead, type Notification, type NotificationKind } from '../api/notifications';

/** Each kind's icon, in colours with AA contrast on white. */
const ICONS: Record<NotificationKind, ReactNode> = {
  FIGURES_SUBMITTED: <SendOutlined style={{ color: '#0958d9' }} />,
  FIGURES_RETURNED: <RollbackOutlined style={{ color: '#ad4e00' }} />,
  FIGURES_APPROVED: <CheckCircleOutlined style={{ color: '#237804' }} />,
  DEADLINE_SOON: <ClockCircleOutlined style={{ color: '#ad4e00' }} />,
  DEADLINE_OVERDUE: <AlertOutlined style={{ color: '#cf1322' }} />,
  AWARD_DECIDED: <TrophyOutlined style={{ color: '#874d00' }} />,
  MODEL_STATUS_CHANGED: <SwapOutlined style={{ color: '#0958d9' }} />,
  IMPORT_FINISHED: <CloudUploadOutlined style={{ color: '#237804' }} />,
  IMPORT_FAILED: <ExclamationCircleOutlined style={{ color: '#cf1322' }} />,
};

/**
 * Notifications as a list: unread ones in bold with a dot; a click marks it read and opens the
 * object it is about.
 */
export function NotificationList({
  items,
  loading,
  compact,
  onOpen,
}: {
  items: Notification[];
  loading?: boolean;
  compact?: boolean;
  onOpen?: () => void;
}) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    onOpen?.();
    if (n.link) void navigate(n.link);
  };
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: 'Chưa có thông báo nào' }}
      className="notification-list"
      renderItem={(n) => (
        <List.Item
          key={n.id}
          className={n.read ? 'notification-item' : 'notification-item notification-unread'}
          data-testid="notification"
          data-kind={n.kind}
          data-read={n.read}
        >
          <button type="button" className="notification-open" onClick={() => open(n)}>
            <Flex gap={10} align="flex-start">
              <span className="notification-icon" aria-hidden>
                {ICONS[n.kind]}
              </span>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong={!n.read} className="notification-title">
                  {!n.read && <span className="notification-dot" aria-label="Chưa đọc" />}
                  {n.title}
                </Typography.Text>
                {!compact && n.body && (
                  <Typography.Text type="secondary" className="notification-body">
                    {n.body}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTimeDate(n.createdAt)}
                </Typography.Text>
              </Flex>
            </Flex>
          </button>
        </List.Item>
      )}
    />
  );
}
