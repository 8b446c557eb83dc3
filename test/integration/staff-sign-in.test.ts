/**
 * The local OpenID provider plays Cognito's part, and the local authorizer verifies its tokens
 * through discovery and JWKS as API Gateway does: the code + PKCE flow end to end over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { api, baseUrl } from '../support/api.ts';
import {
  Browser,
  claimsOf,
  clientId,
  exchangeCode,
  issuer,
  openLoginPage,
  pkce,
  refresh,
  signIn,
  submitLogin,
} from '../support/oidc.ts';

describe('the local OpenID provider', () => {
  it('publishes discovery and JWKS for the code flow with PKCE', async () => {
    const discovery = await api(`/oidc/.well-known/openid-configuration`);
    const jwks = await fetch(discovery.body.jwks_uri).then((r) => r.json());

    expect(discovery.status).toBe(200);
    expect(discovery.body).toMatchObject({
      issuer: issuer(),
      authorization_endpoint: `${issuer()}/auth`,
      token_endpoint: `${issuer()}/token`,
      end_session_endpoint: `${issuer()}/session/end`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.body.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'email', 'cognito:groups', 'custom:agency']),
    );
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('names the issuer, client and scopes in GET /api/meta for the web app', async () => {
    const meta = await api('/api/meta');

    expect(meta.body.staffSignIn).toEqual({
      issuer: issuer(),
      clientId,
      scopes: 'openid email profile',
      signOutUrl: null,
    });
  });

  it('shows a login page in Vietnamese and English', async () => {
    const { html, page } = await openLoginPage(new Browser(), pkce().challenge);

    expect(page.status).toBe(200);
    expect(html).toContain('Đăng nhập cán bộ');
    expect(html).toContain('Staff sign-in');
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
  });

  it('signs the demo officer in with Cognito’s claims, and the API accepts the ID token', async () => {
    const tokens = await signIn('hr@example.gov.vn');
    const claims = claimsOf(tokens.id_token);

    const search = await api('/api/experts?q=nguyen', { token: tokens.id_token });

    expect(claims).toMatchObject({
      iss: issuer(),
      aud: clientId,
      email: 'hr@example.gov.vn',
      'cognito:groups': ['hr'],
      'custom:agency': 'so-noi-vu',
      token_use: 'id',
    });
    expect(claims.sub).toEqual(expect.any(String));
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(search.status).toBe(200);
  });

  it('signs the demo administrator in with the admin group and no agency', async () => {
    const tokens = await signIn('admin@example.gov.vn');
    const claims = claimsOf(tokens.id_token);

    expect(claims['cognito:groups']).toEqual(['admin']);
    expect(claims['custom:agency']).toBeUndefined();
    expect((await api('/api/experts', { token: tokens.id_token })).status).toBe(200);
  });

  it('renews the ID token with the refresh token', async () => {
    const tokens = await signIn('hr@example.gov.vn');

    const renewed = await refresh(tokens.refresh_token as string);

    expect(renewed.status).toBe(200);
    expect(claimsOf(renewed.body.id_token)['cognito:groups']).toEqual(['hr']);
    expect((await api('/api/experts', { token: renewed.body.id_token })).status).toBe(200);
  });

  it('refuses a wrong password on its page, with no code', async () => {
    const browser = new Browser();
    const { html } = await openLoginPage(browser, pkce().challenge);

    const answer = await submitLogin(browser, html, 'hr@example.gov.vn', 'wrong-password');

    expect(answer.status).toBe(401);
    const page = await answer.text();
    expect(page).toContain('E-mail hoặc mật khẩu không đúng');
    expect(page).toContain('Wrong e-mail or password');
  });

  it('refuses the code without the right code verifier (PKCE)', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const { html } = await openLoginPage(browser, challenge);
    const redirect = await submitLogin(browser, html, 'hr@example.gov.vn', 'demo-password');
    const code = new URL(redirect.headers.get('location') ?? '', baseUrl()).searchParams.get('code') ?? '';

    const wrong = await exchangeCode(code, `${verifier}x`);

    expect(code).not.toBe('');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
  });

  it('refuses an authorization request without PKCE', async () => {
    const params = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${baseUrl()}/staff/callback`,
      state: 's',
    });

    const res = await new Browser().request(`${issuer()}/auth?${params}`);

    const location = new URL(res.headers.get('location') ?? '', baseUrl());
    expect(location.pathname).toBe('/staff/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('refuses a redirect URI that is not the app’s callback', async () => {
    const params = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://evil.example/callback',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });

    const res = await new Browser().request(`${issuer()}/auth?${params}`);

    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('the local JWT authorizer', () => {
  it('refuses an ID token issued for another client', async () => {
    const tokens = await signIn('hr@example.gov.vn');
    const [header, , signature] = tokens.id_token.split('.');
    const claims = { ...claimsOf(tokens.id_token), aud: 'another-client' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

    expect((await api('/api/experts', { token: tampered })).status).toBe(401);
  });

  it('accepts /dev/token tokens only because they carry the provider’s issuer, client and key', async () => {
    const { token } = (
      await api('/dev/token', {
        body: { sub: 's-1', email: 'a@example.org', groups: ['hr'], agency: 'so-y-te' },
      })
    ).body;
    const claims = claimsOf(token);
    const [header] = token.split('.');
    const jwks = await fetch(`${issuer()}/jwks`).then((r) => r.json());

    expect(claims).toMatchObject({ iss: issuer(), aud: clientId, 'cognito:groups': ['hr'] });
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).kid).toBe(jwks.keys[0].kid);
  });
});
