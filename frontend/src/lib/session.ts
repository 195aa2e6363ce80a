import type { components } from './api/schema';

export type CurrentUser = components['schemas']['CurrentUser'];
export type Role = components['schemas']['Role'];

/**
 * The signed-in session: the access token lives in memory only (never in storage, out of reach
 * of other tabs' scripts); the refresh token is an HttpOnly cookie the server rotates.
 */
export type SessionState =
  | { status: 'checking' }
  | { status: 'signedOut'; reason?: string }
  | { status: 'signedIn'; user: CurrentUser; token: string }
  /** the token could not be renewed: the page stays as it is while the user signs in again */
  | { status: 'expired'; user: CurrentUser };

type TokenResponse = components['schemas']['TokenResponse'];

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();
let waiting: (() => void)[] = [];
let refreshing: Promise<boolean> | null = null;

function set(next: SessionState) {
  state = next;
  listeners.forEach((l) => l());
  if (next.status === 'signedIn') {
    const resume = waiting;
    waiting = [];
    resume.forEach((r) => r());
  }
}

export const session = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  token: () => (state.status === 'signedIn' ? state.token : null),

  /** Signs in; answers the server's problem message on failure. */
  async login(username: string, password: string): Promise<string | null> {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    }).catch(() => null);
    if (!res) return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      return problem?.detail ?? `Đăng nhập không thành công (mã ${res.status}).`;
    }
    const body = (await res.json()) as TokenResponse;
    set({ status: 'signedIn', user: body.user, token: body.accessToken });
    return null;
  },

  /** Renews the access token with the refresh cookie; one request at a time. */
  refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = (async () => {
        const res = await fetch('/api/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
        }).catch(() => null);
        if (res?.ok) {
          const body = (await res.json()) as TokenResponse;
          set({ status: 'signedIn', user: body.user, token: body.accessToken });
          return true;
        }
        if (state.status === 'signedIn' || state.status === 'expired') {
          set({ status: 'expired', user: state.user });
        } else {
          set({ status: 'signedOut' });
        }
        return false;
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  },

  /** Resolves once the user is signed in again (after an expiry). */
  waitForSignIn(): Promise<void> {
    if (state.status === 'signedIn') return Promise.resolve();
    return new Promise((resolve) => waiting.push(resolve));
  },

  async logout() {
    const token = session.token();
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).catch(() => null);
    set({ status: 'signedOut', reason: 'Bạn đã đăng xuất.' });
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Quản trị hệ thống',
  PROVINCE_OFFICER: 'Cán bộ cấp tỉnh',
  COMMUNE_OFFICER: 'Cán bộ cấp xã',
  VIEWER: 'Chỉ xem',
  INTEGRATION: 'Hệ thống tích hợp',
};

/** What the user's role allows; the server checks again on every call. */
export function rightsOf(role: Role | undefined) {
  return {
    write: role === 'ADMIN' || role === 'PROVINCE_OFFICER' || role === 'COMMUNE_OFFICER',
    reorganise: role === 'ADMIN' || role === 'PROVINCE_OFFICER',
    audit: role === 'ADMIN' || role === 'PROVINCE_OFFICER',
    admin: role === 'ADMIN',
    createRoot: role === 'ADMIN',
  };
}
