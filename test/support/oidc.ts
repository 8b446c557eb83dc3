/**
 * Signing in at the local OpenID provider as the web app does (authorization code + PKCE), with
 * plain fetch and a cookie jar: the provider's login page, the code at the callback, the tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { baseUrl } from './api.ts';

export interface Tokens {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

export const issuer = () => `${baseUrl()}/oidc`;
export const clientId = 'talent-registry-local';
export const redirectUri = () => `${baseUrl()}/staff/callback`;

class CookieJar {
  readonly #cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      this.#cookies.set(name.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export class Browser {
  readonly jar = new CookieJar();
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(new URL(url, baseUrl()), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.jar.header() },
    });
    this.jar.store(response);
    return response;
  }
  /** Follows redirects until one leaves the provider (the callback) or a page answers. */
  async follow(url: string, init: RequestInit = {}): Promise<Response> {
    let response = await this.request(url, init);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', response.url || url);
      if (next.pathname === '/staff/callback') return response;
      response = await this.request(next.href);
    }
    return response;
  }
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizeUrl(challenge: string, state: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${issuer()}/auth?${params}`;
}

/** Opens the login page: the response of the provider's interaction page. */
export async function openLoginPage(browser: Browser, challenge: string, state = 'state-1') {
  const page = await browser.follow(authorizeUrl(challenge, state));
  return { page, html: await page.text(), action: new URL(page.url || '', baseUrl()) };
}

/** Submits the login form; returns the redirect to the callback (or the page answered instead). */
export async function submitLogin(browser: Browser, html: string, email: string, password: string) {
  const action = /action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('No login form on the page');
  return browser.follow(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

async function tokenRequest(grant: Record<string, string>) {
  const response = await fetch(`${issuer()}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...grant }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Tokens & { error?: string } };
}

export const exchangeCode = (code: string, verifier: string) =>
  tokenRequest({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri(),
  });

export const refresh = (refreshToken: string) =>
  tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });

/** The whole sign-in: login page, credentials, code, tokens. */
export async function signIn(email: string, password = 'demo-password'): Promise<Tokens> {
  const browser = new Browser();
  const { verifier, challenge } = pkce();
  const { html } = await openLoginPage(browser, challenge);
  const redirect = await submitLogin(browser, html, email, password);
  const location = new URL(redirect.headers.get('location') ?? '', baseUrl());
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`No code at the callback: ${redirect.status} ${location}`);
  const { status, body } = await exchangeCode(code, verifier);
  if (status !== 200) throw new Error(`Token exchange failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** The claims of a JWT, unverified (the API verifies). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
