import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '../session';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** The one API client of the SPA: same origin, JSON, typed from openapi.yaml. */
export const api = createClient<paths>({ baseUrl: '/' });

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
    return fetch(retry);
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
