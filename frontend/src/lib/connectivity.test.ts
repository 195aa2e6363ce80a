import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { connectivity } from './connectivity';

let calls: string[] = [];
let answer: (url: string, init: RequestInit) => Promise<Response>;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      return answer(url, init);
    }),
  );
});

afterEach(() => {
  connectivity.reached();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const ok = () => Promise.resolve(new Response('{}', { status: 200 }));
const fails = () => Promise.reject(new TypeError('Failed to fetch'));

it('a request without an answer takes the server out of reach until a probe is answered', async () => {
  const changes: boolean[] = [];
  const stop = connectivity.subscribe(() => changes.push(connectivity.online()));
  answer = fails;
  expect(await connectivity.fetch('/api/events')).toBeNull();
  expect(connectivity.online()).toBe(false);

  // the first probe after 2 s meets no answer either; the next comes 4 s later
  await vi.advanceTimersByTimeAsync(2_000);
  expect(calls).toEqual(['GET /api/events', 'GET /api/auth/config']);
  expect(connectivity.online()).toBe(false);
  answer = ok;
  await vi.advanceTimersByTimeAsync(3_900);
  expect(calls).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(100);
  expect(calls).toEqual(['GET /api/events', 'GET /api/auth/config', 'GET /api/auth/config']);
  expect(connectivity.online()).toBe(true);
  expect(changes).toEqual([false, true]);

  // within reach: no more probes
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls).toHaveLength(3);
  stop();
});

it('a read answered (perhaps by the service worker’s cache) does not bring the server back; a write does', async () => {
  answer = fails;
  await connectivity.fetch('/api/units');
  answer = ok;
  expect(await connectivity.fetch('/api/units')).not.toBeNull();
  expect(connectivity.online()).toBe(false);
  expect(await connectivity.fetch('/api/events', { method: 'POST', body: '{}' })).not.toBeNull();
  expect(connectivity.online()).toBe(true);
});

it('a request with no answer in its time counts as no connection', async () => {
  answer = (_url, init) =>
    new Promise((_resolve, reject) =>
      init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
    );
  const pending = connectivity.fetch('/api/events', { method: 'POST' }, 20_000);
  await vi.advanceTimersByTimeAsync(19_999);
  expect(connectivity.online()).toBe(true);
  await vi.advanceTimersByTimeAsync(1);
  expect(await pending).toBeNull();
  expect(connectivity.online()).toBe(false);
});

it('a request its caller gave up is not a sign of the network', async () => {
  answer = (_url, init) =>
    new Promise((_resolve, reject) =>
      init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
    );
  const caller = new AbortController();
  const pending = connectivity.fetch('/api/units', { signal: caller.signal });
  caller.abort();
  expect(await pending).toBeNull();
  expect(connectivity.online()).toBe(true);
});

it('the device’s network back: the server is probed at once', async () => {
  answer = fails;
  await connectivity.fetch('/api/events');
  answer = ok;
  window.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  expect(calls).toEqual(['GET /api/events', 'GET /api/auth/config']);
  expect(connectivity.online()).toBe(true);
});
