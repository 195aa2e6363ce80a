import { useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DraftNotice } from '@/components/DraftNotice';
import { FormDialog } from '@/components/FormDialog';
import { ApiError } from '@/lib/api/client';
import { useFormDraft } from '@/lib/formDrafts';
import { newOutboxId, StorageFullError, type OutboxItem, type OutboxPhoto } from '@/lib/outbox';
import { submit as submitThroughOutbox } from '@/lib/outboxSync';
import { applyViolations, problemMessage, violationFields } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { eventKeys, useSaveEvent, type EventInput, type EventItem } from '../api/events';
import { EventFields } from './EventFields';
import {
  eventInput,
  fromDraft,
  initialValues,
  toDraft,
  type EventDraft,
  type EventValues,
} from './eventForm';
import { EventPhotosField } from './EventPhotosField';

export const QUEUED_MESSAGE =
  'Chưa có kết nối: đã lưu trên máy (mục «Chờ gửi») và sẽ tự gửi khi có mạng.';

/**
 * Ghi nhận / sửa sự kiện. A new event (with its photos) goes through the device's queue: kept
 * there first, sent at once when there is a connection, later when there is none. `queued` edits
 * a record still in the queue, with the server's problem on its fields.
 */
export function EventFormDialog({
  editing,
  queued,
  initialDay,
  onClose,
}: {
  editing?: { event: EventItem; etag: string };
  queued?: OutboxItem;
  initialDay?: Dayjs;
  onClose: (savedId?: number) => void;
}) {
  const [form] = Form.useForm<EventValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const user = useCurrentUser();
  const [error, setError] = useState<string | undefined>(() =>
    queued?.problem ? problemMessage(new ApiError(queued.problem)) : undefined,
  );
  const [photos, setPhotos] = useState<OutboxPhoto[]>(queued?.photos ?? []);
  const [busy, setBusy] = useState(false);
  const save = useSaveEvent();
  const e = editing?.event;
  // what is typed into a new event survives a reload or a crash of the tab
  const draft = useFormDraft<EventValues, EventDraft>({
    user: user?.username,
    form: 'event',
    enabled: !e && !queued,
    toStored: toDraft,
    fromStored: fromDraft,
    instance: form,
    defaults: initialValues(undefined, undefined, initialDay ?? dayjs()),
  });

  // the server's problems with a queued record, on its fields when the form opens
  const [refusedFields] = useState(() => violationFields(queued?.problem));

  const send = async (body: EventInput) => {
    const item: OutboxItem = queued
      ? { ...queued, label: body.title, request: { ...queued.request, body }, photos }
      : {
          id: newOutboxId(),
          user: user?.username ?? '',
          kind: 'event',
          label: body.title,
          createdAt: new Date().toISOString(),
          request: { method: 'POST', url: '/api/events', body },
          photos,
          state: 'waiting',
        };
    const data = (await submitThroughOutbox(
      { ...item, state: 'waiting', problem: undefined },
      { keepRefused: queued !== undefined },
    )) as EventItem | null;
    void client.invalidateQueries({ queryKey: eventKeys.all });
    draft.drop();
    if (!data) {
      message.info(QUEUED_MESSAGE);
      onClose();
      return;
    }
    message.success(`Đã ghi nhận «${body.title}»`);
    onClose(data.id);
  };

  const submit = async (v: EventValues) => {
    setError(undefined);
    setBusy(true);
    try {
      if (e) {
        await save.mutateAsync({ id: e.id, etag: editing?.etag, body: eventInput(v) });
        message.success('Đã lưu sự kiện');
        onClose(e.id);
      } else {
        await send(eventInput(v));
      }
    } catch (err) {
      if (err instanceof StorageFullError) setError(err.message);
      else if (!applyViolations(form, err)) setError(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={e ? `Sửa sự kiện: ${e.title}` : queued ? 'Sửa sự kiện chờ gửi' : 'Ghi nhận sự kiện'}
      okText={e ? 'Lưu' : queued ? 'Gửi lại' : 'Ghi nhận'}
      onOk={() => form.submit()}
      onCancel={() => {
        draft.drop();
        onClose();
      }}
      busy={busy}
      width={820}
      error={error}
    >
      <DraftNotice restored={draft.restored} onDrop={draft.discard} />
      <Form<EventValues>
        form={form}
        onValuesChange={(_, all) => draft.keep(all)}
        layout="vertical"
        fields={refusedFields}
        onFinish={submit}
        initialValues={
          draft.restored?.values ??
          initialValues(e, queued?.request.body as EventInput | undefined, initialDay ?? dayjs())
        }
      >
        <EventFields form={form} />
        {!e && <EventPhotosField photos={photos} onChange={setPhotos} />}
      </Form>
    </FormDialog>
  );
}
