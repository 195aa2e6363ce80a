import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { connectivity } from './connectivity';
import { outbox, type OutboxItem } from './outbox';
import { flush, submit } from './outboxSync';
import { session } from './session';

/** What the fake server saw: method, path, Idempotency-Key, If-Match. */
let seen: string[] = [];
let answer: (path: string, n: number) => Response | Promise<Response>;

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

beforeEach(async () => {
  seen = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const h = new Headers(init.headers);
      if (url === '/api/auth/login') {
        return json(
          {
            accessToken: 't',
            tokenType: 'Bearer',
            expiresIn: 900,
            user: { username: 'xa', fullName: 'Cán bộ xã', role: 'COMMUNE_OFFICER' },
          },
          200,
        );
      }
      seen.push(
        `${init.method} ${url} ${h.get('Idempotency-Key') ?? '-'} ${h.get('If-Match') ?? '-'}`,
      );
      return answer(url, seen.length);
    }),
  );
  await session.login('xa', 'p');
  for (const i of await outbox.list('xa')) await outbox.remove(i.id);
  for (const i of await outbox.list('khac')) await outbox.remove(i.id);
});

afterEach(() => {
  // (the server within reach again, its probe stopped)
  connectivity.reached();
  vi.unstubAllGlobals();
});

const event = (id: string, user = 'xa', photos = 0): OutboxItem => ({
  id,
  user,
  kind: 'event',
  label: `Sự kiện ${id}`,
  createdAt: new Date().toISOString(),
  request: { method: 'POST', url: '/api/events', body: { title: id } },
  photos: Array.from({ length: photos }, (_, i) => ({
    name: `anh-${i}.jpg`,
    blob: new Blob(['x']),
  })),
  state: 'waiting',
});

it('sends each record with its own key, oldest first, and only the user’s own', async () => {
  answer = () => json({ id: 7 }, 201);
  await outbox.put(event('a'));
  await outbox.put({ ...event('b'), createdAt: new Date(Date.now() + 1000).toISOString() });
  await outbox.put(event('c', 'khac'));
  expect(await flush('xa')).toBe(2);
  expect(seen).toEqual(['POST /api/events a -', 'POST /api/events b -']);
  expect(await outbox.list('xa')).toEqual([]);
  expect((await outbox.list('khac')).map((i) => i.id)).toEqual(['c']);
});

it('keeps a record when the network fails and sends it again with the same key', async () => {
  answer = () => Promise.reject(new TypeError('Failed to fetch'));
  expect(await submit(event('mat-mang'))).toBeNull();
  expect((await outbox.list('xa')).map((i) => i.state)).toEqual(['waiting']);
  // no answer: out of reach, so nothing more is tried (a phone on Wi-Fi without internet)…
  expect(connectivity.online()).toBe(false);
  answer = () => json({ id: 9 }, 201);
  expect(await submit(event('cung-mat-mang'))).toBeNull();
  expect(await flush('xa')).toBe(0);
  expect(seen).toEqual(['POST /api/events mat-mang -']);
  // …until the server answers again
  connectivity.reached();
  expect(await flush('xa')).toBe(2);
  expect(seen).toEqual([
    'POST /api/events mat-mang -',
    'POST /api/events mat-mang -',
    'POST /api/events cung-mat-mang -',
  ]);
});

it('sends the photos after the event, each once, even when one fails half way', async () => {
  answer = (path, n) =>
    path === '/api/events'
      ? json({ id: 42 }, 201)
      : n === 3
        ? Promise.reject(new TypeError('Failed to fetch'))
        : json({ id: n }, 201);
  await outbox.put(event('co-anh', 'xa', 2));
  expect(await flush('xa')).toBe(0);
  const kept = await outbox.get('co-anh');
  expect(kept?.createdId).toBe(42);
  expect(kept?.photos.map((p) => Boolean(p.sent))).toEqual([true, false]);
  connectivity.reached();
  answer = () => json({ id: 1 }, 201);
  expect(await flush('xa')).toBe(1);
  expect(seen).toEqual([
    'POST /api/events co-anh -',
    'POST /api/events/42/attachments co-anh-anh-0 -',
    'POST /api/events/42/attachments co-anh-anh-1 -',
    'POST /api/events/42/attachments co-anh-anh-1 -',
  ]);
});

it('keeps what the server refuses or what changed meanwhile, with the server’s problem', async () => {
  const invalid = {
    type: 'urn:antq:problem:validation',
    title: 'Dữ liệu không hợp lệ',
    status: 400,
    violations: [{ field: 'title', message: 'Không được để trống' }],
  };
  const changed = { type: 'urn:antq:problem:precondition', title: 'Đã bị sửa', status: 412 };
  answer = (path) => (path === '/api/events' ? json(invalid, 400) : json(changed, 412));
  await outbox.put(event('sai'));
  await outbox.put({
    ...event('nhap'),
    kind: 'figures',
    createdAt: new Date(Date.now() + 1000).toISOString(),
    request: { method: 'PUT', url: '/api/indicator-reports/5', body: {}, etag: '"3"' },
  });
  expect(await flush('xa')).toBe(0);
  expect(seen[1]).toBe('PUT /api/indicator-reports/5 nhap "3"');
  const [refused, conflict] = await outbox.list('xa');
  expect(refused?.state).toBe('refused');
  expect(refused?.problem?.violations?.[0]?.field).toBe('title');
  expect(conflict?.state).toBe('conflict');
  // neither is sent again by itself
  expect(await flush('xa')).toBe(0);
  expect(seen).toHaveLength(2);
});

it('a record refused at once in a form is taken back out for the form to show', async () => {
  answer = () =>
    json({ type: 'urn:antq:problem:validation', title: 'Dữ liệu không hợp lệ', status: 422 }, 422);
  await expect(submit(event('ngay'))).rejects.toThrow('Dữ liệu không hợp lệ');
  expect(await outbox.list('xa')).toEqual([]);
});
