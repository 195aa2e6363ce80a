import type { components } from './api/schema';
import { connectivity } from './connectivity';
import {
  authorizeUrl,
  CALLBACK_PATH,
  completeSignIn,
  forget,
  OidcError,
  refreshTokens,
  type OidcConfig,
} from './oidc';

export type CurrentUser = components['schemas']['CurrentUser'];
export type Role = components['schemas']['Role'];

/**
 * The signed-in session: the access token lives in memory only (never in storage, out of reach
 * of other tabs' scripts). With ANTQ passwords the refresh token is an HttpOnly cookie the server
 * rotates; with an external OpenID Connect provider it is the provider's (see oidc.ts).
 */
export type SessionState =
  | { status: 'checking' }
  /**
   * the officer last signed in on this device, while the session is being resumed: the app's
   * shell shows at once (a repeat visit does not wait for the server); its calls wait until the
   * session is resumed, or the sign-in form replaces it
   */
  | { status: 'resuming'; user: CurrentUser }
  | { status: 'signedOut'; reason?: string }
  | { status: 'signedIn'; user: CurrentUser; token: string }
  /** the token could not be renewed: the page stays as it is while the user signs in again */
  | { status: 'expired'; user: CurrentUser }
  /**
   * opened without a connection by the user last signed in on this device: the app and its queue
   * of records to send open; the session resumes when the connection returns
   */
  | { status: 'offline'; user: CurrentUser };

type TokenResponse = components['schemas']['TokenResponse'];

const listeners = new Set<() => void>();
let waiting: (() => void)[] = [];
let refreshing: Promise<boolean> | null = null;
/** null: ANTQ passwords; otherwise the OpenID Connect provider people sign in at */
let oidc: OidcConfig | null = null;
/** The deployment's map tiles, when it has a tile server. */
let mapTiles: components['schemas']['MapTiles'] | null = null;

type AuthConfig = components['schemas']['AuthConfig'];

/** Who the provider's token belongs to in ANTQ; a problem message when ANTQ refuses them. */
async function currentUser(token: string): Promise<CurrentUser | string> {
  const res = await fetch('/api/auth/me', {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  }).catch(() => null);
  if (!res) return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    return problem?.detail ?? `Không đăng nhập được (mã ${res.status}).`;
  }
  return (await res.json()) as CurrentUser;
}

async function signInWithProviderToken(token: string): Promise<string | null> {
  const user = await currentUser(token);
  if (typeof user === 'string') {
    set({ status: 'signedOut', reason: user });
    return user;
  }
  set({ status: 'signedIn', user, token });
  return null;
}

/** Who last signed in on this device (no credential): lets the app open offline. */
const LAST_USER = 'antq.lastUser';

function lastUser(): CurrentUser | null {
  try {
    const kept = localStorage.getItem(LAST_USER);
    return kept ? (JSON.parse(kept) as CurrentUser) : null;
  } catch {
    return null;
  }
}

/**
 * A repeat visit by the officer last signed in on this device is resuming from the first render:
 * the app's shell is drawn at once instead of a spinner while the server is asked (not on the
 * provider's way back: that page completes the sign-in first).
 */
function initialState(): SessionState {
  const remembered = lastUser();
  return remembered && window.location.pathname !== CALLBACK_PATH
    ? { status: 'resuming', user: remembered }
    : { status: 'checking' };
}

let state: SessionState = initialState();

let settle: () => void = () => {};
/** Resolved once the first start has decided (signed in, out, offline). */
const settled = new Promise<void>((resolve) => {
  settle = resolve;
});

function set(next: SessionState) {
  state = next;
  if (next.status !== 'checking' && next.status !== 'resuming') settle();
  try {
    if (next.status === 'signedIn') localStorage.setItem(LAST_USER, JSON.stringify(next.user));
  } catch {
    // storage refused (private mode, full): the app just cannot open offline
  }
  listeners.forEach((l) => l());
  if (next.status === 'signedIn') {
    const resume = waiting;
    waiting = [];
    resume.forEach((r) => r());
  }
}

/** The service worker's cache of the user's unit tree, programmes, models and periods. */
export const USER_CACHE = 'antq-user-data';

export const session = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  token: () => (state.status === 'signedIn' ? state.token : null),
  /** Resolves once the session is resumed or known to be gone (at once if not resuming). */
  settled: () => (state.status === 'resuming' ? settled : Promise.resolve()),
  /** The OpenID Connect provider, when people sign in there instead of with ANTQ passwords. */
  provider: () => oidc,
  /** The tile server maps draw on (null: points on a plain background). */
  mapTiles: () => mapTiles,

  /**
   * First call of the app: learns how people sign in, completes a return from the provider, or
   * resumes the session (refresh cookie or the provider's refresh token).
   */
  async start(): Promise<void> {
    const remembered = lastUser();
    // (not on the provider's way back: that page completes the sign-in first)
    if (remembered && state.status === 'checking' && window.location.pathname !== CALLBACK_PATH) {
      set({ status: 'resuming', user: remembered });
    }
    // (no answer within 10 s on a weak signal: opened as without a connection)
    const res = await connectivity.fetch(
      '/api/auth/config',
      { headers: { Accept: 'application/json' } },
      10_000,
    );
    const config = res?.ok ? ((await res.json()) as AuthConfig) : null;
    if (!res && remembered) {
      set({ status: 'offline', user: remembered });
      // resumed once the server answers again (perhaps already, to a probe meanwhile)
      const resume = () => {
        if (!connectivity.online()) return;
        stop();
        if (state.status === 'offline') void session.start();
      };
      const stop = connectivity.subscribe(resume);
      resume();
      return;
    }
    if (!config) {
      set({ status: 'signedOut', reason: 'Không kết nối được máy chủ. Vui lòng tải lại trang.' });
      return;
    }
    oidc = config.mode === 'OIDC' && config.oidc ? config.oidc : null;
    mapTiles = config.mapTiles ?? null;
    if (!oidc) {
      await session.refresh();
      return;
    }
    if (window.location.pathname === CALLBACK_PATH) {
      if (window.opener && window.opener !== window) {
        // signing in again in a pop-up over a page with unsaved work: hand the code back
        (window.opener as Window).postMessage(
          { type: 'antq-oidc', search: window.location.search },
          window.location.origin,
        );
        window.close();
        return;
      }
      await session.completeProviderSignIn(window.location.search, (returnTo) =>
        window.history.replaceState(null, '', returnTo),
      );
      return;
    }
    await session.refresh();
  },

  /** Goes to the provider's sign-in page; `returnTo` is where to land afterwards. */
  async signInAtProvider(returnTo: string, prompt?: 'login') {
    if (!oidc) return;
    window.location.assign(await authorizeUrl(oidc, returnTo, { prompt }));
  },

  /** Signs in again in a pop-up window, so the page and what was typed in it stay. */
  async reauthenticateInPopup(): Promise<string | null> {
    if (!oidc) return null;
    const popup = window.open('', 'antq-oidc', 'width=520,height=680');
    if (!popup) return 'Trình duyệt đã chặn cửa sổ đăng nhập. Hãy cho phép cửa sổ bật lên.';
    popup.location.href = await authorizeUrl(oidc, window.location.pathname);
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { type?: string; search?: string } | null;
        if (event.origin !== window.location.origin || data?.type !== 'antq-oidc') return;
        window.removeEventListener('message', onMessage);
        void session.completeProviderSignIn(data.search ?? '', () => {}).then(resolve);
      };
      window.addEventListener('message', onMessage);
    });
  },

  /** Exchanges the provider's code; answers a problem message on failure. */
  async completeProviderSignIn(
    search: string,
    navigate: (returnTo: string) => void,
  ): Promise<string | null> {
    if (!oidc) return null;
    try {
      const { tokens, returnTo } = await completeSignIn(oidc, search);
      navigate(returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
      return await signInWithProviderToken(tokens.accessToken);
    } catch (e) {
      navigate('/');
      const reason = e instanceof OidcError ? e.message : 'Đăng nhập không thành công.';
      if (state.status !== 'expired') set({ status: 'signedOut', reason });
      return reason;
    }
  },

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
        if (oidc) {
          const tokens = await refreshTokens(oidc);
          if (tokens && state.status === 'signedIn') {
            set({ status: 'signedIn', user: state.user, token: tokens.accessToken });
            return true;
          }
          if (tokens && (state.status === 'checking' || state.status === 'resuming')) {
            return (await signInWithProviderToken(tokens.accessToken)) === null;
          }
          if (state.status === 'offline' && !connectivity.online()) return false;
          if (
            state.status === 'signedIn' ||
            state.status === 'expired' ||
            state.status === 'offline'
          ) {
            set({ status: 'expired', user: state.user });
          } else {
            set({ status: 'signedOut' });
          }
          return false;
        }
        const res = await fetch('/api/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
        }).catch(() => null);
        // still without a connection: not an expiry, nothing to ask yet
        if (!res && state.status === 'offline') return false;
        if (res?.ok) {
          const body = (await res.json()) as TokenResponse;
          set({ status: 'signedIn', user: body.user, token: body.accessToken });
          return true;
        }
        if (
          state.status === 'signedIn' ||
          state.status === 'expired' ||
          state.status === 'offline'
        ) {
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
    const providerSignOut = oidc ? forget(oidc) : null;
    try {
      localStorage.removeItem(LAST_USER);
    } catch {
      // nothing kept
    }
    // what was cached for this user's territory goes with them
    if ('caches' in window) void caches.delete(USER_CACHE).catch(() => undefined);
    set({ status: 'signedOut', reason: 'Bạn đã đăng xuất.' });
    // the provider's own session ends too, or the next sign-in would be silent
    if (providerSignOut) window.location.assign(providerSignOut);
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
