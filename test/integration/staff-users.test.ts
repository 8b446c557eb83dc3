/**
 * Staff administration over HTTP on the local stack, where the routes manage the local OpenID
 * provider's accounts as they manage Cognito's user pool in AWS: who may call them, bad input,
 * the invitation mail, the audit trail, and what disabling does at the provider.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Mail, mailsTo, staffToken, uniqueEmail } from '../support/api.ts';
import { Browser, claimsOf, openLoginPage, pkce, refresh, signIn, submitLogin } from '../support/oidc.ts';

let admin: string;
let adminSub: string;

beforeAll(async () => {
  const tokens = await signIn('admin@example.gov.vn');
  admin = tokens.id_token;
  adminSub = String(claimsOf(admin).sub);
});

const invite = (body: Record<string, unknown>, token = admin) => api('/api/staff/users', { body, token });

const patch = (
  id: string,
  body: Record<string, unknown>,
  version: number | string | undefined,
  token = admin,
) =>
  api(`/api/staff/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    token,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

const newOfficer = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail('officer'),
  name: 'Trần Thị Bình',
  group: 'hr',
  agency: 'so-y-te',
  ...overrides,
});

function temporaryPasswordIn(mail: Mail): string {
  const match = /Mật khẩu tạm thời: (\S+)/.exec(mail.text);
  if (!match) throw new Error('No temporary password in the invitation');
  return match[1];
}

/** The invited officer's first sign-in: temporary password, then a new one; returns the tokens' answer. */
async function firstSignIn(email: string, temporary: string, chosen: string) {
  const browser = new Browser();
  const { html } = await openLoginPage(browser, pkce().challenge);
  const answer = await submitLogin(browser, html, email, temporary);
  const page = await answer.text();
  const action = /action="([^"]+\/password)"/.exec(page)?.[1];
  if (!action) return { step: answer.status, page, redirect: null };
  const redirect = await browser.follow(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password: chosen, confirm: chosen }).toString(),
  });
  return { step: answer.status, page, redirect };
}

describe('who may manage staff accounts', () => {
  it('refuses an anonymous caller (401) and an HR officer (403) on every route; an administrator lists', async () => {
    const hr = await staffToken({ groups: ['hr'] });

    const anonymous = await Promise.all([
      api('/api/staff/users'),
      invite(newOfficer(), ''),
      patch('someone', { enabled: false }, 1, ''),
    ]);
    const officer = await Promise.all([
      api('/api/staff/users', { token: hr }),
      invite(newOfficer(), hr),
      patch('someone', { enabled: false }, 1, hr),
    ]);
    const list = await api('/api/staff/users?q=example.gov.vn', { token: admin });

    expect(anonymous.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(officer.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['admin@example.gov.vn', 'hr@example.gov.vn']),
    );
  });
});

describe('inviting an officer', () => {
  it('creates the account in its group and agency, mails a temporary password and audits it without the e-mail', async () => {
    const body = newOfficer();

    const created = await invite(body);
    const [mail] = await mailsTo(body.email);
    const audit = await api(`/api/audit?target=${encodeURIComponent(`staff:${created.body.id}`)}`, {
      token: admin,
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(`"${created.body.version}"`);
    expect(created.body).toMatchObject({
      email: body.email,
      name: body.name,
      group: 'hr',
      agency: 'so-y-te',
      enabled: true,
      status: 'invited',
    });
    expect(mail.text).toContain('Mật khẩu tạm thời');
    expect(mail.text).toContain('Temporary password');
    expect(mail.text.indexOf('Mật khẩu tạm thời')).toBeLessThan(mail.text.indexOf('Temporary password'));
    expect(temporaryPasswordIn(mail)).toMatch(/.{12,}/);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'staff.invited',
        actor: expect.objectContaining({ id: adminSub }),
        detail: { afterGroup: 'hr', afterAgency: 'so-y-te', afterEnabled: true },
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(body.email);
  });

  it('refuses an e-mail that already has an account (409), whatever its case', async () => {
    const body = newOfficer();
    await invite(body);

    const again = await invite({ ...body, email: body.email.toUpperCase(), name: 'Người khác' });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it.each([
    ['email', { email: 'not-an-address' }],
    ['name', { name: '' }],
    ['group', { group: 'root' }],
    ['agency', { agency: undefined }],
    ['agency', { agency: 'so-khong-co' }],
    ['agency', { agency: 'Sở Y tế' }],
    ['role', { role: 'admin' }],
  ])('refuses a bad %s with 400 naming the field', async (field, change) => {
    const res = await invite(newOfficer(change));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('invites an administrator without an agency', async () => {
    const res = await invite(newOfficer({ group: 'admin', agency: undefined }));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ group: 'admin', agency: null });
  });
});

describe('listing staff accounts', () => {
  it('filters by group, agency, enabled and text, and pages by e-mail', async () => {
    const tag = `loc${Date.now().toString(36)}`;
    const emails = [`${tag}.a@example.org`, `${tag}.b@example.org`, `${tag}.c@example.org`];
    for (const email of emails) await invite(newOfficer({ email, agency: 'so-y-te' }));

    const first = await api(`/api/staff/users?q=${tag}&group=hr&agency=so-y-te&enabled=true&limit=2`, {
      token: admin,
    });
    const second = await api(
      `/api/staff/users?q=${tag}&group=hr&agency=so-y-te&enabled=true&limit=2&cursor=${first.body.nextCursor}`,
      { token: admin },
    );
    const admins = await api(`/api/staff/users?q=${tag}&group=admin`, { token: admin });
    const badCursor = await api('/api/staff/users?cursor=nonsense', { token: admin });
    const badFilter = await api('/api/staff/users?enabled=maybe', { token: admin });

    expect(first.body.items.map((u: { email: string }) => u.email)).toEqual(emails.slice(0, 2));
    expect(second.body.items.map((u: { email: string }) => u.email)).toEqual(emails.slice(2));
    expect(second.body.nextCursor).toBeNull();
    expect(admins.body.items).toEqual([]);
    expect(badCursor.status).toBe(400);
    expect(badFilter.status).toBe(400);
  });
});

describe('changing an account', () => {
  it('moves an officer to another agency with If-Match, audited before and after', async () => {
    const { body: officer } = await invite(newOfficer());

    const missing = await patch(officer.id, { agency: 'so-noi-vu' }, undefined);
    const stale = await patch(officer.id, { agency: 'so-noi-vu' }, officer.version + 1);
    const moved = await patch(officer.id, { agency: 'so-noi-vu' }, officer.version);
    const audit = await api(`/api/audit?target=staff:${officer.id}&action=staff.changed`, { token: admin });

    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(moved.status).toBe(200);
    expect(moved.body.agency).toBe('so-noi-vu');
    expect(moved.body.version).not.toBe(officer.version);
    expect(audit.body.items[0].detail).toEqual({
      beforeGroup: 'hr',
      beforeAgency: 'so-y-te',
      beforeEnabled: true,
      afterGroup: 'hr',
      afterAgency: 'so-noi-vu',
      afterEnabled: true,
    });
  });

  it('refuses an empty change, an unknown field, and an unknown account', async () => {
    const { body: officer } = await invite(newOfficer());

    const empty = await patch(officer.id, {}, officer.version);
    const unknownField = await patch(officer.id, { email: 'x@example.org' }, officer.version);
    const unknownAccount = await patch('no-such-account', { enabled: false }, 1);

    expect(empty.status).toBe(400);
    expect(unknownField.status).toBe(400);
    expect(unknownAccount.status).toBe(404);
  });

  it('does not let an administrator disable or demote their own account (409 with the reason)', async () => {
    const me = (await api('/api/staff/users?q=admin@example.gov.vn', { token: admin })).body.items[0];

    const disable = await patch(adminSub, { enabled: false }, me.version);
    const demote = await patch(adminSub, { group: 'hr', agency: 'so-y-te' }, me.version);

    expect(me.id).toBe(adminSub);
    expect(disable.status).toBe(409);
    expect(disable.body.error.details[0]).toMatchObject({ path: 'enabled' });
    expect(disable.body.error.details[0].message).toMatch(/^cannot_disable_self/);
    expect(demote.status).toBe(409);
    expect(demote.body.error.details[0].message).toMatch(/^cannot_demote_self/);
  });
});

describe('an invited officer at the local OpenID provider', () => {
  it('must choose a new password at the first sign-in, then signs in with it', async () => {
    const body = newOfficer();
    await invite(body);
    const temporary = temporaryPasswordIn((await mailsTo(body.email))[0]);

    const weak = await firstSignIn(body.email, temporary, 'short');
    const first = await firstSignIn(body.email, temporary, 'Mat-khau-moi-2026');
    const tokens = await signIn(body.email, 'Mat-khau-moi-2026');

    expect(weak.page).toContain('Đặt mật khẩu mới');
    expect(weak.page).toContain('Choose a new password');
    expect(await weak.redirect?.text()).toContain('ít nhất 12 ký tự');
    expect(first.redirect?.headers.get('location')).toContain('code=');
    expect(claimsOf(tokens.id_token)).toMatchObject({ 'cognito:groups': ['hr'], 'custom:agency': 'so-y-te' });
  });

  it('cannot sign in or renew its token once disabled; re-enabled, it signs in again', async () => {
    const body = newOfficer();
    const { body: officer } = await invite(body);
    const temporary = temporaryPasswordIn((await mailsTo(body.email))[0]);
    await firstSignIn(body.email, temporary, 'Mat-khau-moi-2026');
    const tokens = await signIn(body.email, 'Mat-khau-moi-2026');

    const disabled = await patch(officer.id, { enabled: false }, officer.version);
    const browser = new Browser();
    const { html } = await openLoginPage(browser, pkce().challenge);
    const refused = await submitLogin(browser, html, body.email, 'Mat-khau-moi-2026');
    const refusedPage = await refused.text();
    const renewal = await refresh(tokens.refresh_token as string);
    const enabled = await patch(officer.id, { enabled: true }, disabled.body.version);
    const again = await signIn(body.email, 'Mat-khau-moi-2026');

    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect(refused.status).toBe(401);
    expect(refusedPage).toContain('Tài khoản này đã bị vô hiệu hoá');
    expect(refusedPage).toContain('This account is disabled');
    expect(renewal.status).toBe(400);
    expect(renewal.body.error).toBe('invalid_grant');
    expect(enabled.body.enabled).toBe(true);
    expect(again.id_token).toEqual(expect.any(String));
  });

  it('cannot renew a token issued before a move to another agency (global sign-out)', async () => {
    const body = newOfficer();
    const { body: officer } = await invite(body);
    await firstSignIn(body.email, temporaryPasswordIn((await mailsTo(body.email))[0]), 'Mat-khau-moi-2026');
    const tokens = await signIn(body.email, 'Mat-khau-moi-2026');

    await patch(officer.id, { agency: 'so-noi-vu' }, officer.version);
    const renewal = await refresh(tokens.refresh_token as string);
    const fresh = await signIn(body.email, 'Mat-khau-moi-2026');

    expect(renewal.status).toBe(400);
    expect(claimsOf(fresh.id_token)['custom:agency']).toBe('so-noi-vu');
  });
});
