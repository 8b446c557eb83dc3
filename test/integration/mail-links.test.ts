/**
 * Sign-in links that land where they should (#13, item 2): a mail about an offer or a call carries
 * a single-use sign-in link (7 days) to that page, the page it opens is bound to the token on the
 * server and comes from an allow-list of shapes, and an expired link can be renewed to the same
 * address for the same page. A login link asked for from a page returns to that page.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '#shared/domain/secret-token';
import { api, type Mail, mailsTo, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

type Expert = Awaited<ReturnType<typeof registeredExpert>>;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The link of the mail that carries a #login= token: its path and its token. */
function signInLinkIn(mail: Mail | undefined): { path: string; token: string } {
  const match = /(https?:\/\/\S+?)#login=(\S+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`No sign-in link in the mail: ${mail?.subject}`);
  return { path: new URL(match[1]).pathname, token: decodeURIComponent(match[2]) };
}

async function mailWithSubject(email: string, prefix: string, count = 1): Promise<Mail> {
  const started = Date.now();
  for (;;) {
    const mails = (await mailsTo(email, count)).filter((m) => m.subject.startsWith(prefix));
    if (mails.length >= count) return mails[0];
    if (Date.now() - started > 20_000) throw new Error(`no mail "${prefix}" to the expert`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function expireLoginToken(token: string): Promise<void> {
  const [expertId, secret] = token.split('.');
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { PK: `EXPERT#${expertId}`, SK: `LOGIN#${sha256(secret)}` },
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
    }),
  );
}

describe('sign-in links in mails about an offer', () => {
  let hr: string;
  let expert: Expert;
  let offerId: string;
  let offerMail: Mail;

  beforeAll(async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    hr = await staffToken({ groups: ['hr'], agency: 'bql-kkt-dung-quat' });
    const policy = await api('/api/policies', {
      token: admin,
      body: {
        code: `LINK-${randomUUID().slice(0, 6)}`,
        title: 'Chính sách liên kết',
        legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)',
        validFrom: '2026-01-01',
        benefits: [{ kind: 'one_time_allowance', amountVnd: 100_000_000 }],
        eligibility: { minDegree: 'master' },
      },
    });
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Kỹ sư cho liên kết thư',
        fieldCodes: ['2.3'],
        minDegree: 'master',
        zone: 'dung-quat-ez',
        engagement: 'full_time',
        status: 'open',
      },
    });
    expert = await registeredExpert({ fullName: 'Trần Liên Kết' });
    const draft = await api('/api/offers', {
      token: hr,
      body: {
        expertId: expert.expert.id,
        demandId: demand.body.id,
        policyIds: [policy.body.id],
        terms: 'Kỹ sư trưởng / Chief engineer',
        expiresAt: inDays(14),
      },
    });
    expect(draft.status).toBe(201);
    offerId = draft.body.id;
    const sent = await api(`/api/offers/${offerId}/transitions`, { token: hr, body: { to: 'sent' } });
    expect(sent.status).toBe(200);
    offerMail = await mailWithSubject(expert.email, 'Đề nghị');
  });

  it('links to the offer itself, and the session it opens says so', async () => {
    const link = signInLinkIn(offerMail);
    expect(link.path).toBe(`/me/offers/${offerId}`);
    expect(offerMail.text).toContain('7 ngày');

    const session = await api('/api/me/session', { body: { token: link.token } });

    expect(session.status).toBe(200);
    expect(session.body.returnTo).toBe(`/me/offers/${offerId}`);
    expect(session.body.expert.id).toBe(expert.expert.id);
  });

  it('is single use', async () => {
    const again = await api('/api/me/session', { body: { token: signInLinkIn(offerMail).token } });

    expect(again.status).toBe(401);
    expect(again.body.error.details ?? []).not.toContainEqual({ path: 'token', message: 'link_expired' });
  });

  it('stores only the hash of its token, for 7 days', async () => {
    const other = await registeredExpert();
    const { body: demands } = await api('/api/demands?status=open', { token: hr });
    const draft = await api('/api/offers', {
      token: hr,
      body: {
        expertId: other.expert.id,
        demandId: demands.items[0].id,
        policyIds: [],
        terms: 'Tư vấn / Advice',
        expiresAt: inDays(30),
      },
    });
    await api(`/api/offers/${draft.body.id}/transitions`, { token: hr, body: { to: 'sent' } });
    const { token } = signInLinkIn(await mailWithSubject(other.email, 'Đề nghị'));
    const [expertId, secret] = token.split('.');

    const item = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `EXPERT#${expertId}`, SK: `LOGIN#${sha256(secret)}` },
    });

    expect(JSON.stringify(item.Item)).not.toContain(secret);
    expect(item.Item?.returnTo).toBe(`/me/offers/${draft.body.id}`);
    const days = (Date.parse(item.Item?.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });
});

describe('an expired link', () => {
  it('is refused as expired, and renewed once to the same address for the same page', async () => {
    const expert = await registeredExpert();
    const callPath = `/calls/${randomUUID()}`;
    expect(
      (await api('/api/me/login-link', { body: { email: expert.email, returnTo: callPath } })).status,
    ).toBe(202);
    const first = signInLinkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập'));
    expect(first.path).toBe(callPath);
    await expireLoginToken(first.token);

    const refused = await api('/api/me/session', { body: { token: first.token } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.details).toContainEqual({ path: 'token', message: 'link_expired' });

    const renewed = await api('/api/me/login-link', { body: { expiredToken: first.token } });
    expect(renewed.status).toBe(202);
    const fresh = signInLinkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập', 2));
    expect(fresh.token).not.toBe(first.token);
    expect(fresh.path).toBe(callPath);
    const session = await api('/api/me/session', { body: { token: fresh.token } });
    expect(session.status).toBe(200);
    expect(session.body.returnTo).toBe(callPath);

    // Once renewed, the expired link renews nothing more.
    await api('/api/me/login-link', { body: { expiredToken: first.token } });
    const { body } = await api(`/dev/outbox?to=${encodeURIComponent(expert.email)}`);
    expect(body.items.filter((m: Mail) => m.subject.startsWith('Liên kết đăng nhập'))).toHaveLength(2);
  });

  it('does not renew a link that has not expired, or a forged one (202 all the same)', async () => {
    const expert = await registeredExpert();
    await api('/api/me/login-link', { body: { email: expert.email } });
    const valid = signInLinkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập'));

    for (const expiredToken of [valid.token, `${expert.expert.id}.${'A'.repeat(43)}`, 'garbage']) {
      expect((await api('/api/me/login-link', { body: { expiredToken } })).status).toBe(202);
    }

    const { body } = await api(`/dev/outbox?to=${encodeURIComponent(expert.email)}`);
    expect(body.items.filter((m: Mail) => m.subject.startsWith('Liên kết đăng nhập'))).toHaveLength(1);
    expect((await api('/api/me/session', { body: { token: valid.token } })).status).toBe(200);
  });
});

describe('the return path', () => {
  it.each([
    ['another site', 'https://evil.example/me'],
    ['a protocol-relative URL', '//evil.example/me'],
    ['a staff page', '/staff/search'],
    ['a path that climbs', '/me/offers/../../staff'],
    ['a backslash', '/calls/\\evil.example'],
    ['a query string', '/me?next=https://evil.example'],
    ['a fragment', '/me#login=x'],
    ['an encoded slash', '/calls/%2F%2Fevil.example'],
  ])('refuses %s', async (_label, returnTo) => {
    const res = await api('/api/me/login-link', { body: { email: 'someone@example.org', returnTo } });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('accepts the pages of the allow-list', async () => {
    for (const returnTo of ['/me', `/me/offers/${randomUUID()}`, `/calls/${randomUUID()}`]) {
      const res = await api('/api/me/login-link', {
        body: { email: `nobody.${randomUUID()}@example.org`, returnTo },
      });
      expect(res.status).toBe(202);
    }
  });

  it('is the one stored with the token: a link whose path was changed still opens the mailed page', async () => {
    const expert = await registeredExpert();
    const callPath = `/calls/${randomUUID()}`;
    await api('/api/me/login-link', { body: { email: expert.email, returnTo: callPath } });
    const link = signInLinkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập'));

    // Whatever path the link is opened at, the session answers with the page it was mailed for.
    const session = await api('/api/me/session', { body: { token: link.token } });

    expect(session.body.returnTo).toBe(callPath);
  });

  it('is absent for a plain login link, which lands on the home page', async () => {
    const expert = await registeredExpert();
    await api('/api/me/login-link', { body: { email: expert.email } });
    const link = signInLinkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập'));
    expect(link.path).toBe('/');

    const session = await api('/api/me/session', { body: { token: link.token } });

    expect(session.status).toBe(200);
    expect(session.body.returnTo).toBeUndefined();
  });
});
