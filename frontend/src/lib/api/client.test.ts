import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

const tokens = (token: string) => ({
  accessToken: token,
  tokenType: 'Bearer',
  expiresIn: 900,
  user: { username: 'camau', fullName: 'Cán bộ', role: 'PROVINCE_OFFICER' },
});

const emptyPage = () => json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });

/** Answers every fetch the client makes with `answer(request, path)`. */
function stubFetch(answer: (req: Request, path: string) => Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const req =
        input instanceof Request ? input : new Request(new URL(String(input), 'http://x'));
      return answer(req, new URL(req.url).pathname);
    }),
  );
}

it('renews an expired token through the refresh cookie and retries the call once', async () => {
  const seen: string[] = [];
  stubFetch(async (req, path) => {
    seen.push(`${path} ${req.headers.get('Authorization') ?? '-'}`);
    if (path === '/api/auth/login') return json(tokens('old'));
    if (path === '/api/auth/refresh') return json(tokens('new'));
    return req.headers.get('Authorization') === 'Bearer new'
      ? emptyPage()
      : json({ type: 'urn:antq:problem:unauthorized', title: 'x', status: 401 }, 401);
  });
  const { api } = await import('./client');
  const { session } = await import('../session');
  expect(await session.login('camau', 'p')).toBeNull();
  const { data, response } = await api.GET('/api/units', { baseUrl: 'http://x' });
  expect(response.status).toBe(200);
  expect(data?.totalElements).toBe(0);
  expect(seen.filter((s) => s.startsWith('/api/units'))).toEqual([
    '/api/units Bearer old',
    '/api/units Bearer new',
  ]);
  expect(session.get().status).toBe('signedIn');
});

it('asks the user to sign in again when the session cannot be renewed, then retries', async () => {
  let signedInAgain = false;
  stubFetch(async (req, path) => {
    if (path === '/api/auth/login') {
      const first = !signedInAgain;
      signedInAgain = true;
      return json(tokens(first ? 'old' : 'again'));
    }
    if (path === '/api/auth/refresh') return json({ title: 'x', status: 401 }, 401);
    return req.headers.get('Authorization') === 'Bearer again'
      ? emptyPage()
      : json({ type: 'urn:antq:problem:unauthorized', title: 'x', status: 401 }, 401);
  });
  const { api } = await import('./client');
  const { session } = await import('../session');
  await session.login('camau', 'p');
  const pending = api.GET('/api/units', { baseUrl: 'http://x' });
  await vi.waitFor(() => expect(session.get().status).toBe('expired'));
  await session.login('camau', 'p'); // the re-authentication dialog
  const { response } = await pending;
  expect(response.status).toBe(200);
});

it('a repeat visit shows the remembered officer at once; calls wait for the session', async () => {
  localStorage.setItem(
    'antq.lastUser',
    JSON.stringify({ username: 'camau', fullName: 'Cán bộ', role: 'PROVINCE_OFFICER' }),
  );
  let answerConfig: () => void = () => {};
  const configAsked = new Promise<void>((resolve) => {
    answerConfig = resolve;
  });
  const seen: string[] = [];
  stubFetch(async (req, path) => {
    seen.push(`${path} ${req.headers.get('Authorization') ?? '-'}`);
    if (path === '/api/auth/config') {
      await configAsked;
      return json({ mode: 'LOCAL' });
    }
    if (path === '/api/auth/refresh') return json(tokens('resumed'));
    return emptyPage();
  });
  const { api } = await import('./client');
  const { session } = await import('../session');
  // from the first render, before anything is asked of the server: the shell shows who it is
  expect(session.get().status).toBe('resuming');
  const started = session.start();
  expect(session.get().status).toBe('resuming');
  const call = api.GET('/api/units', { baseUrl: 'http://x' });
  await new Promise((r) => setTimeout(r, 20));
  expect(seen).toEqual(['/api/auth/config -']);
  answerConfig();
  await started;
  const { response } = await call;
  expect(response.status).toBe(200);
  expect(session.get().status).toBe('signedIn');
  expect(seen).toContain('/api/units Bearer resumed');
  localStorage.clear();
});

it('a call with no answer takes the server out of reach; a write answered brings it back', async () => {
  let down = true;
  stubFetch(async (_req, path) => {
    if (path === '/api/auth/login') return json(tokens('t'));
    if (down) throw new TypeError('Failed to fetch');
    return json({ id: 1 }, 201);
  });
  const { api, unwrap } = await import('./client');
  const { session } = await import('../session');
  const { connectivity } = await import('../connectivity');
  expect(await session.login('camau', 'p')).toBeNull();
  await expect(unwrap(api.GET('/api/units', { baseUrl: 'http://x' }))).rejects.toThrow(
    'Kiểm tra kết nối mạng rồi thử lại.',
  );
  expect(connectivity.online()).toBe(false);
  down = false;
  await unwrap(api.POST('/api/events', { baseUrl: 'http://x', body: {} as never }));
  expect(connectivity.online()).toBe(true);
});
