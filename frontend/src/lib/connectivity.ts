/**
 * Whether the server can be reached now. The device's own flag (`navigator.onLine`) only says
 * that a network is there: a phone on a hamlet's Wi-Fi without internet, or holding one bar of
 * signal, has one and still reaches nothing. So a request that gets no answer — a network error,
 * or nothing within its time — marks the server out of reach, and the app behaves as offline
 * (records go to the queue, pickers search the units kept on the device, the header says so)
 * until the server answers again: a small probe goes out after 2 s, then less and less often
 * (up to every 15 s), and at once when the device reports its network back.
 *
 * Only the probe and writes bring the server back within reach: a read may be answered by the
 * service worker from its cache while the network still fails.
 */

const PROBE_URL = '/api/auth/config';
const PROBE_TIMEOUT_MS = 10_000;
const FIRST_PROBE_MS = 2_000;
const LAST_PROBE_MS = 15_000;

let unreachable = false;
let probeDelay = 0;
let probeTimer: number | undefined;
let probing = false;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of [...listeners]) listener();
}

function schedule() {
  if (probeTimer !== undefined || !unreachable) return;
  probeDelay = probeDelay === 0 ? FIRST_PROBE_MS : Math.min(probeDelay * 2, LAST_PROBE_MS);
  probeTimer = window.setTimeout(() => {
    probeTimer = undefined;
    void probe();
  }, probeDelay);
}

async function probe() {
  // without a network at all the device tells when it is back ("online")
  if (probing || !unreachable || !navigator.onLine) return;
  probing = true;
  try {
    const res = await connectivity.fetch(
      PROBE_URL,
      { cache: 'no-store', headers: { Accept: 'application/json' } },
      PROBE_TIMEOUT_MS,
    );
    if (res) connectivity.reached();
  } finally {
    probing = false;
  }
  schedule();
}

function lost() {
  if (unreachable) return;
  unreachable = true;
  probeDelay = 0;
  schedule();
  notify();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (probeTimer !== undefined) window.clearTimeout(probeTimer);
    probeTimer = undefined;
    probeDelay = 0;
    void probe();
    notify();
  });
  window.addEventListener('offline', notify);
}

/** Aborted after `ms` (no answer on a weak signal would otherwise keep the user waiting). */
function deadline(ms: number | undefined, signal: AbortSignal | null | undefined) {
  if (ms === undefined) return { signal: signal ?? undefined, done: () => undefined };
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), ms);
  signal?.addEventListener('abort', () => controller.abort());
  return { signal: controller.signal, done: () => window.clearTimeout(timer) };
}

export const connectivity = {
  /** The device has a network and the last request that went out was answered. */
  online(): boolean {
    return navigator.onLine && !unreachable;
  },

  /** Called on every change of {@link online}; answers the function that stops it. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** The server answered (whatever the status): within reach again. */
  reached(): void {
    if (!unreachable) return;
    unreachable = false;
    if (probeTimer !== undefined) window.clearTimeout(probeTimer);
    probeTimer = undefined;
    probeDelay = 0;
    notify();
  },

  /** A request went out and got no answer: the server is out of reach until one comes. */
  lost,

  /**
   * `fetch` that notes what it met: null when no answer came (a network error, or none within
   * `timeoutMs`), the answer otherwise. A write's answer brings the server back within reach.
   */
  async fetch(input: string, init: RequestInit = {}, timeoutMs?: number): Promise<Response | null> {
    const limit = deadline(timeoutMs, init.signal);
    try {
      const res = await fetch(input, { ...init, signal: limit.signal });
      if ((init.method ?? 'GET').toUpperCase() !== 'GET') connectivity.reached();
      return res;
    } catch {
      // aborted by its caller: not a sign of the network
      if (!init.signal?.aborted) lost();
      return null;
    } finally {
      limit.done();
    }
  },
};
