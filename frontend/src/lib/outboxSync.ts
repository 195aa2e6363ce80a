import { ApiError, type Problem } from './api/client';
import { connectivity } from './connectivity';
import { outbox, type OutboxItem } from './outbox';
import { OUTBOX_SENT } from './outboxEvents';
import { session } from './session';

/** What one attempt to send a record came to. */
export type Outcome =
  | { kind: 'sent'; data: unknown }
  /** no connection, or the server could not answer now: it stays queued */
  | { kind: 'later' }
  | { kind: 'refused' | 'conflict'; problem: Problem };

/** A record's answer within this time, a photo's (at 750 kbit/s up, 1.6 MB take ≈ 20 s) within this. */
const RECORD_TIMEOUT_MS = 20_000;
const PHOTO_TIMEOUT_MS = 120_000;

/**
 * One call with the session's token; a 401 renews the session once. When it cannot be renewed the
 * session asks for the password (the sign-in dialog) and the call answers null: the queue does not
 * hold its lock while the user types, and is sent again once they are signed in.
 */
async function call(
  url: string,
  init: RequestInit,
  headers: Record<string, string>,
  timeoutMs: number,
) {
  await session.settled();
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!session.token() && !(await session.refresh())) return null;
    // no answer in time: it stays queued, and its key keeps a second sending from writing twice
    const res = await connectivity.fetch(
      url,
      { ...init, headers: { ...headers, Authorization: `Bearer ${session.token() ?? ''}` } },
      timeoutMs,
    );
    if (!res || res.status !== 401) return res;
    if (!(await session.refresh())) return null;
  }
  return null;
}

async function problemOf(res: Response): Promise<Problem> {
  const body = (await res.json().catch(() => null)) as Problem | null;
  return body && typeof body.status === 'number'
    ? body
    : { type: 'about:blank', title: 'Lỗi', status: res.status, detail: `Mã ${res.status}` };
}

async function failure(res: Response | null): Promise<Outcome> {
  if (!res || res.status >= 500 || res.status === 429 || res.status === 401) {
    return { kind: 'later' };
  }
  const problem = await problemOf(res);
  return [404, 409, 410, 412].includes(res.status)
    ? { kind: 'conflict', problem }
    : { kind: 'refused', problem };
}

/**
 * Sends one record: the record with its key, then each photo not yet sent with a key of its own,
 * so neither is written twice however often this runs; removed from the queue once all is sent.
 */
export async function sendItem(item: OutboxItem): Promise<Outcome> {
  if (!connectivity.online()) return { kind: 'later' };
  let createdId = item.createdId;
  let data: unknown = null;
  if (createdId === undefined) {
    const { method, url, body, etag } = item.request;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': item.id,
    };
    if (etag) headers['If-Match'] = etag;
    const res = await call(url, { method, body: JSON.stringify(body) }, headers, RECORD_TIMEOUT_MS);
    if (!res?.ok) return failure(res);
    data = await res.json().catch(() => null);
    createdId = (data as { id?: number } | null)?.id;
    if (item.photos.length > 0) await outbox.update(item.id, { createdId });
  }
  for (let i = 0; i < item.photos.length; i++) {
    const photo = item.photos[i];
    if (!photo || photo.sent) continue;
    const res = await call(
      `/api/events/${createdId}/attachments`,
      { method: 'POST', body: photo.blob },
      {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(photo.name),
        'Idempotency-Key': `${item.id}-anh-${i}`,
      },
      PHOTO_TIMEOUT_MS,
    );
    if (!res?.ok) return failure(res);
    photo.sent = true;
    await outbox.update(item.id, { photos: item.photos });
  }
  await outbox.remove(item.id);
  return { kind: 'sent', data };
}

/** One sender at a time across the tabs of this device. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  if (navigator.locks) return navigator.locks.request('antq-outbox', work) as Promise<T>;
  return work();
}

async function settle(item: OutboxItem, outcome: Outcome) {
  if (outcome.kind === 'refused' || outcome.kind === 'conflict') {
    await outbox.update(item.id, { state: outcome.kind, problem: outcome.problem });
  }
}

/** Sends the user's waiting records in order; stops at the first that must wait. */
export function flush(user: string): Promise<number> {
  return exclusive(async () => {
    let sent = 0;
    for (const queued of await outbox.list(user)) {
      const item = await outbox.get(queued.id);
      if (!item || item.state !== 'waiting') continue;
      const outcome = await sendItem(item);
      if (outcome.kind === 'later') break;
      if (outcome.kind === 'sent') sent++;
      await settle(item, outcome);
    }
    // the lists on screen show what just arrived
    if (sent > 0) window.dispatchEvent(new Event(OUTBOX_SENT));
    return sent;
  });
}

/**
 * Saves a record through the queue: kept on the device first (a crash or a reload loses
 * nothing), then sent at once when there is a connection. Answers the server's data when sent,
 * null when it stays queued; a record the server refuses straight away is taken back out and
 * its problem thrown, for the form to show on its fields.
 */
export async function submit(
  item: OutboxItem,
  { keepRefused = false }: { keepRefused?: boolean } = {},
): Promise<unknown> {
  await outbox.put(item);
  if (!connectivity.online()) return null;
  const outcome = await exclusive(async () => {
    const current = await outbox.get(item.id);
    // a background send took it meanwhile
    return current ? sendItem(current) : ({ kind: 'sent', data: null } as Outcome);
  });
  if (outcome.kind === 'sent') return outcome.data ?? {};
  if (outcome.kind === 'later') return null;
  const fresh = await outbox.get(item.id);
  if (!keepRefused && fresh?.createdId === undefined) {
    await outbox.remove(item.id);
    throw new ApiError(outcome.problem);
  }
  await settle(item, outcome);
  if (keepRefused) throw new ApiError(outcome.problem);
  return null;
}

/** Sends again a record the user corrected (or just asked to retry). */
export async function resend(item: OutboxItem): Promise<Outcome> {
  await outbox.update(item.id, { state: 'waiting', problem: undefined });
  const outcome = await exclusive(async () => {
    const current = await outbox.get(item.id);
    return current ? sendItem(current) : ({ kind: 'sent', data: null } as Outcome);
  });
  await settle(item, outcome);
  return outcome;
}

/**
 * Keeps sending while the app is open: when the server is within reach again, after a sign-in,
 * and every 20 s while records wait. Answers the function that stops it.
 */
export function startOutboxSync(user: string): () => void {
  const run = () => {
    if (connectivity.online()) void flush(user).catch(() => undefined);
  };
  const stopWatching = connectivity.subscribe(run);
  const unsubscribe = session.subscribe(() => {
    if (session.get().status === 'signedIn') run();
  });
  const timer = window.setInterval(run, 20_000);
  run();
  return () => {
    stopWatching();
    unsubscribe();
    window.clearInterval(timer);
  };
}
