import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** The one API client of the SPA: same origin, JSON, typed from openapi.yaml. */
export const api = createClient<paths>({ baseUrl: '/' });

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
