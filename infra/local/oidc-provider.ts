/**
 * The local OpenID provider, playing Cognito's part for `npm start` and the tests: oidc-provider
 * (the certified Node implementation) mounted under /oidc on the local server. Authorization code
 * with PKCE (required), refresh tokens, discovery, JWKS, RP-initiated logout, and ID tokens that
 * carry Cognito's claim names (`sub`, `email`, `cognito:groups`, `custom:agency`, `token_use`).
 * The login page is ours (Vietnamese with English beside it); accounts are LocalStaffAccounts.
 * A disabled account cannot sign in, and its refresh token stops working (findAccount refuses it).
 * Never deployed.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { type LocalStaffAccounts, passwordPolicyProblem, type StaffAccount } from './staff-accounts.ts';

/** Where the provider lives on the local server: its issuer is `<base URL>/oidc`. */
export const oidcMountPath = '/oidc';
export const localClientId = 'talent-registry-local';
export const staffScopes = 'openid email profile';

/** Seconds an ID token is valid: what a disabled account or a changed agency can keep, at most. */
export const idTokenTtlSeconds = 15 * 60;

export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey;
  privateJwk: JWK;
}

export async function createSigningKey(): Promise<LocalSigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${randomBytes(4).toString('hex')}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, privateJwk };
}

export interface LocalOidcProviderOptions {
  /** The local server's base URL, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  accounts: LocalStaffAccounts;
  signingKey: LocalSigningKey;
}

export interface LocalOidcProvider {
  issuer: string;
  clientId: string;
  /** Ends every session and refresh token of the account (Cognito's global sign-out). */
  endSessions(sub: string): Promise<void>;
  /** Serves every request under /oidc: the login pages and the provider's own endpoints. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/** Cognito's ID token claims for an account. */
export function cognitoClaims(account: StaffAccount): Record<string, unknown> {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    'cognito:groups': [account.group],
    ...(account.agency ? { 'custom:agency': account.agency } : {}),
    token_use: 'id',
  };
}

export function createLocalOidcProvider(options: LocalOidcProviderOptions): LocalOidcProvider {
  const { baseUrl, accounts } = options;
  const issuer = `${baseUrl}${oidcMountPath}`;
  /** Each account's grants, so that a global sign-out can end them all. */
  const grants = new Map<string, Set<string>>();
  const grantsOf = (sub: string) => {
    const ids = grants.get(sub) ?? new Set<string>();
    grants.set(sub, ids);
    return ids;
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: localClientId,
        client_name: 'Talent Registry',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${baseUrl}/staff/callback`],
        post_logout_redirect_uris: [`${baseUrl}/staff/signed-out`],
      },
    ],
    jwks: { keys: [options.signingKey.privateJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // The claims Cognito puts in its ID token, whatever the scopes: the groups and the agency.
    claims: {
      openid: ['sub', 'cognito:groups', 'custom:agency', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Like Cognito, the ID token carries the claims (the API receives the ID token).
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account?.enabled) return undefined;
      return { accountId: sub, claims: async () => cognitoClaims(account) };
    },
    // Cognito issues a refresh token with every code grant; so does this provider.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(grant: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    // First-party client: no consent screen (Cognito's managed login shows none either).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      // A grant ended by a global sign-out is gone: the next sign-in gets a new one.
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(staffScopes);
      grantsOf(session.accountId).add(await grant.save());
      return grant;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => interactionPath(interaction.uid) },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    ttl: {
      IdToken: idTokenTtlSeconds,
      AccessToken: idTokenTtlSeconds,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      RefreshToken: 8 * 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
    renderError,
  });
  const callback = provider.callback();
  /** Interactions whose officer signed in with a temporary password and must choose a new one. */
  const awaitingNewPassword = new Map<string, string>();

  async function handleInteraction(request: IncomingMessage, response: ServerResponse, path: string) {
    const [, uid, action] = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(path) ?? [];
    if (!uid) return sendPage(response, 404, errorPage(notFoundText));
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      // The interaction expired or its cookie is missing: start again from the app.
      return sendPage(response, 400, errorPage(expiredText));
    }
    if (details.uid !== uid) return sendPage(response, 400, errorPage(expiredText));
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant; anything else has nothing to ask.
      return provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
    }
    if (request.method === 'GET' && !action) return sendPage(response, 200, loginPage(uid));
    if (request.method === 'POST' && action === 'login') {
      const form = new URLSearchParams((await readText(request)).slice(0, 4096));
      const email = form.get('email') ?? '';
      const result = accounts.signIn(email, form.get('password') ?? '');
      if (!result.ok) return sendPage(response, 401, loginPage(uid, email, result.reason));
      if (result.mustChangePassword) {
        // Cognito's managed login asks an invited officer for a new password before anything else.
        awaitingNewPassword.set(uid, result.account.sub);
        return sendPage(response, 200, newPasswordPage(uid));
      }
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: result.account.sub, remember: false } },
        { mergeWithLastSubmission: false },
      );
    }
    if (request.method === 'POST' && action === 'password') {
      const sub = awaitingNewPassword.get(uid);
      if (!sub) return sendPage(response, 400, errorPage(expiredText));
      const form = new URLSearchParams((await readText(request)).slice(0, 4096));
      const password = form.get('password') ?? '';
      const problem = password !== (form.get('confirm') ?? '') ? 'mismatch' : passwordPolicyProblem(password);
      if (problem) return sendPage(response, 400, newPasswordPage(uid, problem));
      const account = accounts.get(sub);
      if (!account?.enabled) return sendPage(response, 401, loginPage(uid, '', 'disabled'));
      accounts.setPassword(sub, password);
      awaitingNewPassword.delete(uid);
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: sub, remember: false } },
        { mergeWithLastSubmission: false },
      );
    }
    if (request.method === 'GET' && action === 'abort') {
      return provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'The officer cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
    }
    return sendPage(response, 404, errorPage(notFoundText));
  }

  return {
    issuer,
    clientId: localClientId,
    async endSessions(sub) {
      // Cognito's AdminUserGlobalSignOut: every refresh (and access) token of the account stops working.
      for (const grantId of grantsOf(sub)) {
        await provider.RefreshToken.revokeByGrantId(grantId);
        await provider.AccessToken.revokeByGrantId(grantId);
        await provider.Grant.adapter.destroy(grantId);
      }
      grants.delete(sub);
    },
    async handle(request, response) {
      const url = request.url ?? '/';
      const inner = url.slice(oidcMountPath.length) || '/';
      const path = inner.split('?')[0];
      if (path.startsWith('/interaction/')) return handleInteraction(request, response, path);
      // Mounted as express mounts it: the provider derives its mount path from originalUrl.
      Object.assign(request, { originalUrl: url, url: inner });
      callback(request, response);
      await new Promise<void>((resolve) => {
        if (response.writableFinished) resolve();
        else response.once('close', resolve);
      });
    },
  };
}

const interactionPath = (uid: string) => `${oidcMountPath}/interaction/${uid}`;

function readText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 16_384) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const style = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px}
.en{color:#555;font-weight:400}.error{background:#fde8e8;border-left:4px solid #b00020;padding:.75rem}
.note{color:#555;font-size:.9rem;margin-top:2rem}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main>${body}</main></body></html>`;
}

const expiredText = {
  vi: 'Phiên đăng nhập này đã hết hạn hoặc không hợp lệ. Hãy mở lại trang quản trị và đăng nhập lại.',
  en: 'This sign-in has expired or is not valid. Open the console again and sign in.',
};
const notFoundText = { vi: 'Không tìm thấy trang.', en: 'Page not found.' };

function errorPage(text: { vi: string; en: string }): string {
  return page(
    'Lỗi đăng nhập · Sign-in error',
    `<h1>Không đăng nhập được <span class="en" lang="en">· Sign-in failed</span></h1>
<p class="error" role="alert">${escapeHtml(text.vi)}<br><span class="en" lang="en">${escapeHtml(text.en)}</span></p>
<p><a href="/staff/search">Về trang cán bộ <span lang="en">· Back to the staff console</span></a></p>`,
  );
}

const signInErrors = {
  wrong_credentials: {
    vi: 'E-mail hoặc mật khẩu không đúng.',
    en: 'Wrong e-mail or password.',
  },
  disabled: {
    vi: 'Tài khoản này đã bị vô hiệu hoá. Hãy liên hệ quản trị viên.',
    en: 'This account is disabled. Ask an administrator.',
  },
};

function loginPage(uid: string, email = '', error?: keyof typeof signInErrors): string {
  const problem = error
    ? `<p class="error" role="alert" id="sign-in-error">${escapeHtml(signInErrors[error].vi)}<br><span class="en" lang="en">${escapeHtml(signInErrors[error].en)}</span></p>`
    : '';
  return page(
    'Đăng nhập cán bộ · Staff sign-in',
    `<h1>Đăng nhập cán bộ <span class="en" lang="en">· Staff sign-in</span></h1>
<p>Cơ sở dữ liệu đội ngũ trí thức <span class="en" lang="en">· Talent Registry</span></p>
${problem}
<form method="post" action="${interactionPath(uid)}/login" autocomplete="on">
<label for="email">E-mail <span class="en" lang="en">· E-mail</span></label>
<input id="email" name="email" type="email" required autocomplete="username" value="${escapeHtml(email)}"${error ? '' : ' autofocus'}>
<label for="password">Mật khẩu <span class="en" lang="en">· Password</span></label>
<input id="password" name="password" type="password" required autocomplete="current-password"${error ? ' autofocus' : ''}>
<button type="submit">Đăng nhập <span lang="en">· Sign in</span></button>
</form>
<p><a href="${interactionPath(uid)}/abort">Huỷ <span lang="en">· Cancel</span></a></p>
<p class="note">Nhà cung cấp OpenID cục bộ, thay cho Cognito khi chạy <code>npm start</code>.<br>
<span class="en" lang="en">The local OpenID provider, standing in for Cognito's managed login under <code>npm start</code>.</span></p>`,
  );
}

const newPasswordErrors = {
  mismatch: { vi: 'Hai mật khẩu không khớp.', en: 'The two passwords differ.' },
  too_short: { vi: 'Mật khẩu cần ít nhất 12 ký tự.', en: 'The password needs at least 12 characters.' },
  too_simple: {
    vi: 'Mật khẩu cần có chữ thường, chữ hoa, chữ số và ký hiệu.',
    en: 'The password needs lower-case and upper-case letters, a digit and a symbol.',
  },
};

/** The first sign-in with a temporary password: choose a new one (Cognito's policy). */
function newPasswordPage(uid: string, error?: keyof typeof newPasswordErrors): string {
  const problem = error
    ? `<p class="error" role="alert" id="password-error">${escapeHtml(newPasswordErrors[error].vi)}<br><span class="en" lang="en">${escapeHtml(newPasswordErrors[error].en)}</span></p>`
    : '';
  return page(
    'Đặt mật khẩu mới · Choose a new password',
    `<h1>Đặt mật khẩu mới <span class="en" lang="en">· Choose a new password</span></h1>
<p>Anh/Chị đang dùng mật khẩu tạm thời; hãy đặt mật khẩu mới (ít nhất 12 ký tự, có chữ thường, chữ hoa, chữ số và ký hiệu).<br>
<span class="en" lang="en">You signed in with a temporary password; choose a new one (at least 12 characters, with lower-case and upper-case letters, a digit and a symbol).</span></p>
${problem}
<form method="post" action="${interactionPath(uid)}/password" autocomplete="off">
<label for="new-password">Mật khẩu mới <span class="en" lang="en">· New password</span></label>
<input id="new-password" name="password" type="password" required minlength="12" autocomplete="new-password" autofocus>
<label for="confirm-password">Nhập lại mật khẩu mới <span class="en" lang="en">· New password again</span></label>
<input id="confirm-password" name="confirm" type="password" required minlength="12" autocomplete="new-password">
<button type="submit">Đặt mật khẩu và đăng nhập <span lang="en">· Set password and sign in</span></button>
</form>`,
  );
}

function sendPage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  response.end(html);
}

/**
 * Cognito's /logout signs out without asking; this submits the provider's confirmation form at
 * once (a button remains for a browser without scripts).
 */
async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Đăng xuất · Sign out',
    `<h1>Đang đăng xuất… <span class="en" lang="en">· Signing out…</span></h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất <span lang="en">· Sign out</span></button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`,
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Đã đăng xuất · Signed out',
    `<h1>Đã đăng xuất <span class="en" lang="en">· Signed out</span></h1>
<p><a href="/">Về trang chủ <span lang="en">· Home</span></a></p>`,
  );
}

async function renderError(ctx: KoaContextWithOIDC, out: Record<string, string>): Promise<void> {
  ctx.type = 'html';
  ctx.body = errorPage({
    vi: `Yêu cầu đăng nhập không hợp lệ (${out.error ?? 'error'}).`,
    en: `The sign-in request is not valid (${out.error ?? 'error'}: ${out.error_description ?? ''}).`,
  });
}
