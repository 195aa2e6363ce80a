import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../api/notifications';
import { NotificationList } from './NotificationList';

/** The latest few, in the bell's pop-over (desktop). */
function BellPanel({ onClose }: { onClose: () => void }) {
  const list = useNotifications(false, 8);
  const items = list.data?.pages.flatMap((p) => p.content) ?? [];
  const markAll = useMarkAllRead();
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <div className="notification-panel">
      <NotificationList items={items} loading={list.isLoading} compact onOpen={onClose} />
      <Flex justify="space-between" wrap gap={8} style={{ paddingTop: 8 }}>
        <Button
          size="small"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate(items[0]?.id)}
        >
          Đánh dấu tất cả đã đọc
        </Button>
        <Link to="/thong-bao" onClick={onClose}>
          Xem tất cả
        </Link>
      </Flex>
    </div>
  );
}

/**
 * The header's bell with the number of unread notifications, kept up to date by polling with an
 * ETag. On a desktop it opens the latest few; on a phone it opens the notifications page.
 */
export function NotificationBell({ compact }: { compact: boolean }) {
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const label = unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';
  const bell = (
    <Badge count={unread} size="small" offset={[-6, 6]} overflowCount={99}>
      <Button
        className="app-header-button"
        type="text"
        icon={<BellOutlined />}
        aria-label={label}
        data-testid="notification-bell"
        data-count={unread}
        onClick={compact ? () => void navigate('/thong-bao') : undefined}
      />
    </Badge>
  );
  if (compact) return bell;
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title="Thông báo"
      content={open ? <BellPanel onClose={() => setOpen(false)} /> : null}
      destroyOnHidden
    >
      {bell}
    </Popover>
  );
}
