/**
 * An expert changes the profile's e-mail address (#13, item 5b): a confirmation link goes to the
 * new address, a notice to the old one; the change happens when the link is used, atomically with
 * the unique e-mail keys registration uses. The request answers the same whether or not the new
 * address has a profile (as registration does); the owner of that address is told by mail.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { rosterEntryIdOfEmail } from '#shared/domain/roster';
import { sha256 } from '#shared/domain/secret-token';
import { api, type Mail, mailsTo, registeredExpert, staffToken, uniqueEmail } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';
import { commitImport, csvBytes, dryRun, templateHeader, uploadRoster } from '../support/imports.ts';

async function mailWithSubject(email: string, prefix: string): Promise<Mail> {
  const started = Date.now();
  for (;;) {
    const mail = (await mailsTo(email, 1)).find((m) => m.subject.startsWith(prefix));
    if (mail) return mail;
    if (Date.now() - started > 15_000) throw new Error(`no mail "${prefix}"`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function confirmTokenIn(mail: Mail): string {
  const match = /\/me\/email-change#token=(\S+)/.exec(mail.text);
  if (!match) throw new Error('no confirmation link');
  return decodeURIComponent(match[1]);
}

const ask = (sessionToken: string, email: string) =>
  api('/api/me/email-change', { token: sessionToken, body: { email } });
const confirm = (token: string) => api('/api/me/email-change/confirm', { body: { token } });

describe('changing the e-mail address', () => {
  it('mails a link to the new address and a notice without a link to the old one; the link changes it', async () => {
    const expert = await registeredExpert({ fullName: 'Phạm Đổi Thư' });
    const newEmail = uniqueEmail('moved');

    const asked = await ask(expert.sessionToken, newEmail);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'check_email' });

    const confirmation = await mailWithSubject(newEmail, 'Xác nhận địa chỉ e-mail mới');
    // Nothing of the profile goes to an address nobody has confirmed yet.
    expect(confirmation.text).not.toContain('Phạm Đổi Thư');
    const notice = await mailWithSubject(expert.email, 'Yêu cầu đổi địa chỉ e-mail');
    expect(notice.text).not.toMatch(/#login=|#token=|\/me\/email-change/);
    expect(notice.text).toContain(`m***@example.org`);
    // Still the old address until the link is used.
    expect((await api('/api/me', { token: expert.sessionToken })).body.email).toBe(expert.email);

    const confirmed = await confirm(confirmTokenIn(confirmation));

    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ status: 'changed', email: newEmail });
    const me = await api('/api/me', { token: expert.sessionToken });
    expect(me.body.email).toBe(newEmail);
    const changed = await mailWithSubject(expert.email, 'Địa chỉ e-mail đã được đổi');
    expect(changed.text).not.toMatch(/#login=|#token=/);
    // The staff view (the contact an officer reads) has the new address.
    const hr = await staffToken();
    const staffView = await api(`/api/experts/${expert.expert.id}`, { token: hr });
    expect(staffView.body.email).toBe(newEmail);
    // The search listing still finds the profile (its read models were rewritten with it).
    const found = await api(`/api/experts?q=${encodeURIComponent('Phạm Đổi Thư')}&limit=100`, { token: hr });
    expect(found.body.items.map((e: { id: string }) => e.id)).toContain(expert.expert.id);
    // The new address logs in; the old one is nobody's now.
    await api('/api/me/login-link', { body: { email: newEmail } });
    await mailWithSubject(newEmail, 'Liên kết đăng nhập');
    await api('/api/me/login-link', { body: { email: expert.email } });
    await api('/dev/stream/drain', { method: 'POST' });
    const toOld = (await mailsTo(expert.email, 1)).filter((m) => m.subject.startsWith('Liên kết đăng nhập'));
    expect(toOld).toHaveLength(0);
    // The old address is free again: it can register a new profile.
    expect(
      await documentClient().get({
        TableName: tableName(),
        Key: { PK: `EMAIL#${sha256(expert.email)}`, SK: 'EMAIL' },
      }),
    ).not.toHaveProperty('Item');
  });

  it('audits the request and the change, without the addresses', async () => {
    const expert = await registeredExpert();
    const newEmail = uniqueEmail('audited');
    await ask(expert.sessionToken, newEmail);
    await confirm(confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận')));
    const admin = await staffToken({ groups: ['admin'], agency: '' });

    const audit = await api(`/api/audit?target=${encodeURIComponent(`expert:${expert.expert.id}`)}`, {
      token: admin,
    });

    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('email.change_requested');
    expect(actions).toContain('email.changed');
    expect(JSON.stringify(audit.body)).not.toContain(newEmail);
    expect(JSON.stringify(audit.body)).not.toContain(expert.email);
  });

  it('answers the same for an address that has a profile, and tells its owner instead', async () => {
    const [expert, other] = await Promise.all([
      registeredExpert(),
      registeredExpert({ fullName: 'Võ Chủ Cũ' }),
    ]);

    const asked = await ask(expert.sessionToken, other.email);

    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'check_email' });
    const told = await mailWithSubject(other.email, 'Địa chỉ này đã có hồ sơ');
    expect(told.text).not.toMatch(/#token=|#login=/);
    expect((await api('/api/me', { token: expert.sessionToken })).body.email).toBe(expert.email);
  });

  it('refuses with 409 when the address was taken between the request and the confirmation', async () => {
    const [expert, late] = await Promise.all([registeredExpert(), registeredExpert()]);
    const newEmail = uniqueEmail('raced');
    await ask(expert.sessionToken, newEmail);
    const token = confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận'));
    // Another profile moves to the same address first.
    await ask(late.sessionToken, newEmail);
    const lateMails = (await mailsTo(newEmail, 2)).filter((m) => m.subject.startsWith('Xác nhận'));
    const lateToken = lateMails.map(confirmTokenIn).find((t) => t !== token) as string;
    expect((await confirm(lateToken)).status).toBe(200);

    const res = await confirm(token);

    expect(res.status).toBe(409);
    expect((await api('/api/me', { token: expert.sessionToken })).body.email).toBe(expert.email);
  });

  it('accepts a confirmation link once only', async () => {
    const expert = await registeredExpert();
    const newEmail = uniqueEmail('once');
    await ask(expert.sessionToken, newEmail);
    const token = confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận'));
    expect((await confirm(token)).status).toBe(200);

    const again = await confirm(token);

    expect(again.status).toBe(404);
  });

  it('refuses an expired confirmation link', async () => {
    const expert = await registeredExpert();
    const newEmail = uniqueEmail('late');
    await ask(expert.sessionToken, newEmail);
    const token = confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận'));
    const [expertId, secret] = token.split('.');
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: `EXPERT#${expertId}`, SK: `EMAILCHANGE#${sha256(secret)}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );

    const res = await confirm(token);

    expect(res.status).toBe(404);
    expect((await api('/api/me', { token: expert.sessionToken })).body.email).toBe(expert.email);
  });

  it('makes the login links mailed to the old address stop working', async () => {
    const expert = await registeredExpert();
    await api('/api/me/login-link', { body: { email: expert.email } });
    const oldLink =
      /#login=(\S+)/.exec((await mailWithSubject(expert.email, 'Liên kết đăng nhập')).text)?.[1] ?? '';
    const newEmail = uniqueEmail('relinked');
    await ask(expert.sessionToken, newEmail);
    await confirm(confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận')));

    const res = await api('/api/me/session', { body: { token: decodeURIComponent(oldLink) } });

    expect(res.status).toBe(401);
  });

  it('keeps only the hash of the confirmation token', async () => {
    const expert = await registeredExpert();
    const newEmail = uniqueEmail('hashed');
    await ask(expert.sessionToken, newEmail);
    const token = confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận'));
    const [expertId, secret] = token.split('.');

    const item = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `EXPERT#${expertId}`, SK: `EMAILCHANGE#${sha256(secret)}` },
    });

    expect(item.Item).toBeDefined();
    expect(JSON.stringify(item.Item)).not.toContain(secret);
  });

  it('needs a session to ask, and refuses the current address', async () => {
    const expert = await registeredExpert();

    expect((await api('/api/me/email-change', { body: { email: uniqueEmail() } })).status).toBe(401);
    const same = await ask(expert.sessionToken, expert.email.toUpperCase());
    expect(same.status).toBe(400);
    expect(same.body.error.details).toContainEqual({ path: 'email', message: 'same_as_current' });
    expect((await confirm('garbage')).status).toBe(404);
  });

  it('claims the roster entry of the confirmed address, as a verified registration does', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    const newEmail = uniqueEmail('roster');
    const id = await uploadRoster(
      admin,
      csvBytes([templateHeader, `Lý Văn Danh Sách,${newEmail},,1975,,Tiến sĩ,,2.3,,,,,,,,`]),
    );
    await dryRun(admin, id);
    await commitImport(admin, id);
    const expert = await registeredExpert();
    await ask(expert.sessionToken, newEmail);

    await confirm(confirmTokenIn(await mailWithSubject(newEmail, 'Xác nhận')));

    const entry = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `ROSTER#${rosterEntryIdOfEmail(newEmail)}`, SK: 'ENTRY' },
    });
    expect(entry.Item).toMatchObject({ status: 'claimed', claimedBy: expert.expert.id });
  });
});
