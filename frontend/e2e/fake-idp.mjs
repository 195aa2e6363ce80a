// A small OpenID Connect provider for the end-to-end run (scripts/e2e.sh): discovery, JWKS,
// an authorization endpoint with a sign-in form, a token endpoint (authorization code with PKCE,
// refresh token) and end-session. Access tokens are RS256 JWTs like Keycloak's, and carry
// groups ["ADMIN"] on purpose: ANTQ must ignore them.
//   node e2e/fake-idp.mjs  → prints "fake-idp listening on <port>"
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';

const REALM = '/realms/antq';
const lifetime = Number(process.env.FAKE_IDP_TOKEN_SECONDS ?? 300);
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-1', use: 'sig', alg: 'RS256' };
const codes = new Map(); // code → { username, challenge, redirectUri, clientId }
const refreshTokens = new Map(); // refresh token → username
let issuer = '';

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(claims) {
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: jwk.kid });
  const body = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), privateKey);
  return `${head}.${body}.${signature.toString('base64url')}`;
}

function tokensFor(username, clientId) {
  const now = Math.floor(Date.now() / 1000);
  const common = { iss: issuer, sub: `sub-${username}`, iat: now, exp: now + lifetime };
  const refresh = randomUUID();
  refreshTokens.set(refresh, { username, clientId });
  return {
    access_token: jwt({
      ...common,
      jti: randomUUID(),
      typ: 'Bearer',
      azp: clientId,
      preferred_username: username,
      groups: ['ADMIN'],
    }),
    id_token: jwt({ ...common, aud: clientId, preferred_username: username }),
    refresh_token: refresh,
    token_type: 'Bearer',
    expires_in: lifetime,
  };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type, Accept',
    ...headers,
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInForm(params) {
  const hidden = [...params]
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Cổng đăng nhập thử nghiệm</title></head>
<body style="font-family:sans-serif;max-width:360px;margin:80px auto">
<h1 style="font-size:20px">Cổng đăng nhập thử nghiệm</h1>
<form method="get" action="${REALM}/auth/login">${hidden}
<label>Tên đăng nhập <input name="username" autofocus></label>
<button type="submit">Đăng nhập</button></form></body></html>`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, issuer);
  const path = url.pathname;
  if (req.method === 'OPTIONS') return send(res, 204, '');
  if (path === `${REALM}/.well-known/openid-configuration`) {
    return send(res, 200, {
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      end_session_endpoint: `${issuer}/logout`,
      jwks_uri: `${issuer}/jwks`,
      code_challenge_methods_supported: ['S256'],
    });
  }
  if (path === `${REALM}/jwks`) return send(res, 200, { keys: [jwk] });
  if (path === `${REALM}/auth`) {
    if (url.searchParams.get('code_challenge_method') !== 'S256') {
      return send(res, 400, 'PKCE S256 is required');
    }
    return send(res, 200, signInForm(url.searchParams));
  }
  if (path === `${REALM}/auth/login`) {
    const p = url.searchParams;
    const code = randomUUID();
    codes.set(code, {
      username: p.get('username'),
      challenge: p.get('code_challenge'),
      redirectUri: p.get('redirect_uri'),
      clientId: p.get('client_id'),
    });
    const back = new URL(p.get('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', p.get('state'));
    return send(res, 302, '', { Location: back.toString() });
  }
  if (path === `${REALM}/token` && req.method === 'POST') {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      if (form.get('grant_type') === 'authorization_code') {
        const grant = codes.get(form.get('code'));
        codes.delete(form.get('code'));
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !grant ||
          grant.challenge !== challenge ||
          grant.redirectUri !== form.get('redirect_uri') ||
          grant.clientId !== form.get('client_id')
        ) {
          return send(res, 400, { error: 'invalid_grant', error_description: 'Mã không hợp lệ' });
        }
        return send(res, 200, tokensFor(grant.username, grant.clientId));
      }
      if (form.get('grant_type') === 'refresh_token') {
        const known = refreshTokens.get(form.get('refresh_token'));
        refreshTokens.delete(form.get('refresh_token'));
        if (!known) return send(res, 400, { error: 'invalid_grant' });
        return send(res, 200, tokensFor(known.username, known.clientId));
      }
      return send(res, 400, { error: 'unsupported_grant_type' });
    });
    return;
  }
  if (path === `${REALM}/test/end-sessions` && req.method === 'POST') {
    // for the tests: every session at the provider ends, so no refresh token works any more
    refreshTokens.clear();
    return send(res, 204, '');
  }
  if (path === `${REALM}/logout`) {
    const to = url.searchParams.get('post_logout_redirect_uri') ?? '/';
    return send(res, 302, '', { Location: to });
  }
  return send(res, 404, { error: 'not_found' });
});

server.listen(Number(process.env.FAKE_IDP_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  issuer = `http://127.0.0.1:${port}${REALM}`;
  console.log(`fake-idp listening on ${port}`);
});
