import type { components } from './api/schema';

/**
 * Sign-in at an external OpenID Connect provider: authorization code flow with PKCE (RFC 7636)
 * for a public client. The provider's refresh token is kept in this tab's sessionStorage so that
 * a reload does not send the user back to the provider; the access token stays in memory.
 */
export type OidcConfig = components['schemas']['OidcClientConfig'];

export interface OidcTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
}

interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
}

export const CALLBACK_PATH = '/dang-nhap/oidc';
const PENDING_KEY = 'antq.oidc.pending';
const REFRESH_KEY = 'antq.oidc.refresh';
const ID_TOKEN_KEY = 'antq.oidc.id';

export function base64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier. */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function redirectUri(): string {
  return window.location.origin + CALLBACK_PATH;
}

/** The provider's sign-in address; remembers state and verifier for the way back. */
export async function authorizeUrl(
  config: OidcConfig,
  returnTo: string,
  options: { prompt?: 'login' } = {},
): Promise<string> {
  const pending: Pending = { state: randomString(16), verifier: randomString(32), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('code_challenge', await challengeOf(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('ui_locales', 'vi');
  if (options.prompt) url.searchParams.set('prompt', options.prompt);
  return url.toString();
}

export class OidcError extends Error {}

async function tokenRequest(config: OidcConfig, form: Record<string, string>) {
  const res = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }).toString(),
  }).catch(() => null);
  if (!res) throw new OidcError(`Không kết nối được ${config.providerName}.`);
  const body = (await res.json().catch(() => ({}))) as Record<string, string | undefined>;
  if (!res.ok || !body.access_token) {
    throw new OidcError(
      `${config.providerName} từ chối đăng nhập${body.error_description ? `: ${body.error_description}` : '.'}`,
    );
  }
  const tokens: OidcTokens = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    idToken: body.id_token,
  };
  if (tokens.refreshToken) sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  if (tokens.idToken) sessionStorage.setItem(ID_TOKEN_KEY, tokens.idToken);
  return tokens;
}

/**
 * Completes the sign-in from the callback's query string: checks the state against the one
 * this tab sent, then exchanges the code with the verifier. Answers the tokens and where to go.
 */
export async function completeSignIn(
  config: OidcConfig,
  search: string,
): Promise<{ tokens: OidcTokens; returnTo: string }> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (params.get('error')) {
    throw new OidcError(
      `${config.providerName} báo lỗi: ${params.get('error_description') ?? params.get('error')}`,
    );
  }
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new OidcError('Phiên đăng nhập không hợp lệ hoặc đã dùng. Vui lòng đăng nhập lại.');
  }
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return { tokens, returnTo: pending.returnTo };
}

/** A new access token from the stored refresh token; null when there is none or it is refused. */
export async function refreshTokens(config: OidcConfig): Promise<OidcTokens | null> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return null;
  try {
    return await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken });
  } catch {
    sessionStorage.removeItem(REFRESH_KEY);
    return null;
  }
}

/** Forgets this tab's tokens; answers the provider's sign-out address, if it has one. */
export function forget(config: OidcConfig): string | null {
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
  if (!config.endSessionEndpoint) return null;
  const url = new URL(config.endSessionEndpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', window.location.origin + '/');
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.toString();
}
