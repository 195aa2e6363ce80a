import { CloudSyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { outbox, useOutbox, type OutboxItem } from '@/lib/outbox';
import { flush, resend } from '@/lib/outboxSync';
import { useOnline } from '@/lib/useOnline';
import { problemMessage } from '@/lib/problem';
import { ApiError } from '@/lib/api/client';
import { useCurrentUser } from '@/lib/useSession';
import { OutboxCard } from './OutboxCard';

/** The dialogs that edit a queued record, given by the app (they belong to other features). */
export type OutboxEditors = Partial<
  Record<OutboxItem['kind'], (item: OutboxItem, close: () => void) => ReactNode>
>;

/**
 * Chờ gửi: what this user recorded on this device that has not reached the server yet, oldest
 * first; each can be edited, sent again or dropped. Another user of the phone never sees it.
 */
export function OutboxPage({ editors }: { editors: OutboxEditors }) {
  const user = useCurrentUser();
  const items = useOutbox(user?.username);
  const online = useOnline();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<OutboxItem>();
  const [sending, setSending] = useState(false);

  const sendAll = async () => {
    if (!user) return;
    setSending(true);
    try {
      const sent = await flush(user.username);
      message.info(sent > 0 ? `Đã gửi ${sent} bản ghi` : 'Chưa gửi được bản ghi nào');
    } finally {
      setSending(false);
    }
  };
  const retry = async (item: OutboxItem) => {
    const outcome = await resend(item);
    if (outcome.kind === 'sent') message.success(`Đã gửi «${item.label}»`);
    else if (outcome.kind === 'later') message.info('Chưa có kết nối: sẽ tự gửi khi có mạng.');
    else message.error(problemMessage(new ApiError(outcome.problem)));
  };
  const editor = editing && editors[editing.kind];

  return (
    <>
      <PageHeader
        title="Chờ gửi"
        actions={
          <Button
            type="primary"
            icon={<CloudSyncOutlined />}
            disabled={!online || items.length === 0}
            loading={sending}
            onClick={() => void sendAll()}
          >
            Gửi ngay
          </Button>
        }
      />
      <Alert
        type={online ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          online
            ? 'Các bản ghi dưới đây được tự gửi khi có mạng, mỗi bản ghi đúng một lần.'
            : 'Đang không có kết nối. Bản ghi được giữ trên máy này và tự gửi khi có mạng trở lại.'
        }
      />
      {items.length === 0 ? (
        <Empty description="Không có bản ghi nào chờ gửi" />
      ) : (
        <Flex vertical gap={12}>
          {items.map((item) => (
            <OutboxCard
              key={item.id}
              item={item}
              canEdit={item.createdId === undefined && editors[item.kind] !== undefined}
              onEdit={() => setEditing(item)}
              onResend={() => void retry(item)}
              onRemove={() => void outbox.remove(item.id)}
            />
          ))}
        </Flex>
      )}
      {editing && editor?.(editing, () => setEditing(undefined))}
    </>
  );
}
