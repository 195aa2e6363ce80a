import { EventFormDialog } from '@/features/events';
import { MemberDialog } from '@/features/models';
import { OutboxPage } from '@/features/outbox';

/** The queue, with the events' and the roster's dialogs to correct what waits in it. */
export function OutboxRoute() {
  return (
    <OutboxPage
      editors={{
        event: (item, close) => <EventFormDialog queued={item} onClose={close} />,
        member: (item, close) => (
          <MemberDialog
            modelId={Number(item.context?.modelId)}
            teamId={Number(item.context?.teamId)}
            queued={item}
            onClose={close}
          />
        ),
      }}
    />
  );
}
