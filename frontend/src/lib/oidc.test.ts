import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  authorizeUrl,
  challengeOf,
  completeSignIn,
  forget,
  OidcError,
  refreshTokens,
  type OidcConfig,
} from './oidc';

const config: OidcConfig = {
  issuer: 'https://sso.example/realms/antq',
  clientId: 'antq-spa',
  authorizationEndpoint: 'https://sso.example/realms/antq/auth',
  tokenEndpoint: 'https://sso.example/realms/antq/token',
  endSessionEndpoint: 'https://sso.example/realms/antq/logout',
  scope: 'openid profile',
  providerName: 'Cổng đăng nhập tỉnh',
};

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

it('makes the S256 challenge of a verifier', async () => {
  // the same verifier hashed by Node's crypto: sha256 → base64url without padding
  expect(await challengeOf('dBjftJeZ4CVP-mJ92K1rLxP1sH5P2c3c4mhd9a8lm5A')).toBe(
    'Ay4UYDIHFnAvpkxSRONlOI4qWq-80AjHXRomNRv9NYs',
  );
});

it('sends the person to the provider with PKCE and exchanges the code it gets back once', async () => {
  const url = new URL(await authorizeUrl(config, '/don-vi?q=ca'));
  expect(url.origin + url.pathname).toBe(config.authorizationEndpoint);
  const p = url.searchParams;
  expect(p.get('response_type')).toBe('code');
  expect(p.get('client_id')).toBe('antq-spa');
  expect(p.get('redirect_uri')).toBe(`${window.location.origin}/dang-nhap/oidc`);
  expect(p.get('code_challenge_method')).toBe('S256');
  const state = p.get('state') ?? '';
  const challenge = p.get('code_challenge') ?? '';

  const sent: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(new URLSearchParams(String(init.body)));
      return new Response(
        JSON.stringify({ access_token: 'at', refresh_token: 'rt', id_token: 'it' }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    }),
  );
  const done = await completeSignIn(config, `?code=abc&state=${state}`);
  expect(done).toEqual({
    tokens: { accessToken: 'at', refreshToken: 'rt', idToken: 'it' },
    returnTo: '/don-vi?q=ca',
  });
  const form = sent[0] ?? new URLSearchParams();
  expect(form.get('grant_type')).toBe('authorization_code');
  expect(form.get('code')).toBe('abc');
  // the verifier sent is the one whose challenge went to the provider
  expect(await challengeOf(form.get('code_verifier') ?? '')).toBe(challenge);

  // a replayed callback (or one from another tab) is refused
  await expect(completeSignIn(config, `?code=abc&state=${state}`)).rejects.toBeInstanceOf(
    OidcError,
  );
});

it('refuses a callback whose state is not the one sent', async () => {
  await authorizeUrl(config, '/');
  const fetch = vi.fn();
  vi.stubGlobal('fetch', fetch);
  await expect(completeSignIn(config, '?code=abc&state=forged')).rejects.toThrow(
    'Phiên đăng nhập không hợp lệ',
  );
  expect(fetch).not.toHaveBeenCalled();
});

it("shows the provider's own error", async () => {
  await authorizeUrl(config, '/');
  await expect(
    completeSignIn(config, '?error=access_denied&error_description=Người+dùng+hủy'),
  ).rejects.toThrow('Cổng đăng nhập tỉnh báo lỗi: Người dùng hủy');
});

it('renews with the stored refresh token, forgets a refused one, and signs out at the provider', async () => {
  expect(await refreshTokens(config)).toBeNull();
  sessionStorage.setItem('antq.oidc.refresh', 'rt1');
  sessionStorage.setItem('antq.oidc.id', 'id1');
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ access_token: 'at2', refresh_token: 'rt2' }))),
  );
  expect((await refreshTokens(config))?.accessToken).toBe('at2');
  expect(sessionStorage.getItem('antq.oidc.refresh')).toBe('rt2');

  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 })),
  );
  expect(await refreshTokens(config)).toBeNull();
  expect(sessionStorage.getItem('antq.oidc.refresh')).toBeNull();

  const out = new URL(forget(config) ?? '');
  expect(out.searchParams.get('id_token_hint')).toBe('id1');
  expect(out.searchParams.get('post_logout_redirect_uri')).toBe(`${window.location.origin}/`);
  expect(sessionStorage.getItem('antq.oidc.id')).toBeNull();
});
