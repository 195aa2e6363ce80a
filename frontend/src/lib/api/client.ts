import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { connectivity } from '../connectivity';
import { session } from '../session';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** A read with no answer in this time counts as no connection (a weak signal may never answer). */
const READ_TIMEOUT_MS = 30_000;

/**
 * Sends one call and tells {@link connectivity} what it met: no answer marks the server out of
 * reach (the app then behaves as offline), a write's answer brings it back.
 */
async function send(request: Request): Promise<Response> {
  const read = request.method === 'GET';
  const timeout = new AbortController();
  const timer = read ? window.setTimeout(() => timeout.abort(), READ_TIMEOUT_MS) : undefined;
  const caller = request.signal;
  caller.addEventListener('abort', () => timeout.abort());
  try {
    const res = await fetch(read ? new Request(request, { signal: timeout.signal }) : request);
    if (!read) connectivity.reached();
    return res;
  } catch (error) {
    if (!caller.aborted) connectivity.lost();
    throw error;
  } finally {
    window.clearTimeout(timer);
  }
}

/** The one API client of the SPA: same origin, JSON, typed from openapi.yaml. */
export const api = createClient<paths>({ baseUrl: '/', fetch: send });

const retries = new WeakMap<Request, Request>();

/**
 * Every call carries the access token. A 401 renews the token once and retries; when the
 * session cannot be renewed, the call waits until the user signs in again (the page, and what
 * was typed in it, stays as it was) and is then retried.
 */
api.use({
  async onRequest({ request }) {
    // a repeat visit shows the shell at once: its calls wait for the session to be resumed
    await session.settled();
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    retries.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || new URL(request.url).pathname.startsWith('/api/auth/')) {
      return response;
    }
    const copy = retries.get(request);
    if (!copy) return response;
    if (!(await session.refresh())) {
      await session.waitForSignIn();
    }
    const retry = copy.clone();
    retry.headers.set('Authorization', `Bearer ${session.token() ?? ''}`);
    return send(retry);
  },
});

/** A failed call: the problem+json the server sent, or one made up for network failures. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'title' in value &&
    'status' in value &&
    typeof (value as Problem).status === 'number'
  );
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError carrying the server's problem.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError({
      type: 'urn:antq:problem:network',
      title: 'Không kết nối được máy chủ',
      status: 0,
      detail: 'Kiểm tra kết nối mạng rồi thử lại.',
    });
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok) {
    throw new ApiError(
      isProblem(error)
        ? error
        : {
            type: 'urn:antq:problem:unknown',
            title: 'Lỗi không xác định',
            status: response.status,
            detail: `Máy chủ trả về mã ${response.status}.`,
          },
    );
  }
  return { data: data as T, response };
}
