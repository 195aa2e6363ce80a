import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { useMarkAllRead, useNotifications } from '../api/notifications';
import { NotificationList } from './NotificationList';

/** "Thông báo": everything the person was told, newest first, read or not. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const items = list.data?.pages.flatMap((p) => p.content) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Thông báo"
        actions={
          <>
            <Button
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate(items[0]?.id)}
            >
              Đánh dấu tất cả đã đọc
            </Button>
            <Button
              icon={<SettingOutlined />}
              onClick={() => void navigate('/thong-bao/thiet-lap')}
            >
              Thiết lập nhận thông báo
            </Button>
          </>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'unread', label: `Chưa đọc (${unread})` },
            ]}
          />
          <Typography.Text type="secondary">Bấm vào một thông báo để mở nội dung</Typography.Text>
        </Flex>
        <NotificationList items={items} loading={list.isLoading} />
        {list.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Xem thêm
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
