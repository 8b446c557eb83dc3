import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { sha256 } from '#shared/domain/secret-token';
import { api, loginTokenIn, mailsTo, registration, uniqueEmail } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

async function verificationToken() {
  const body = registration();
  await api('/api/experts', { body });
  const [mail] = await mailsTo(body.email);
  return { email: body.email, token: loginTokenIn(mail) };
}

describe('POST /api/me/session and login links', () => {
  it('exchanges a verification token for a session and activates the profile', async () => {
    const { token } = await verificationToken();

    const res = await api('/api/me/session', { body: { token } });

    expect(res.status).toBe(200);
    expect(res.body.sessionToken).toEqual(expect.any(String));
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(res.body.expert.status).toBe('active');
  });

  it('accepts a login token once only', async () => {
    const { token } = await verificationToken();
    await api('/api/me/session', { body: { token } });

    const again = await api('/api/me/session', { body: { token } });

    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('unauthenticated');
  });

  it('refuses an expired login token', async () => {
    const { token } = await verificationToken();
    const [expertId, secret] = token.split('.');
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: `EXPERT#${expertId}`, SK: `LOGIN#${sha256(secret)}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );

    const res = await api('/api/me/session', { body: { token } });

    expect(res.status).toBe(401);
  });

  it.each([
    ['garbage'],
    ['a.b'],
    ['00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses the forged token %s', async (token) => {
    const res = await api('/api/me/session', { body: { token } });

    expect(res.status).toBe(401);
  });

  it('stores only hashes of login tokens', async () => {
    const { token } = await verificationToken();
    const [expertId, secret] = token.split('.');

    const item = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `EXPERT#${expertId}`, SK: `LOGIN#${sha256(secret)}` },
    });

    expect(item.Item).toBeDefined();
    expect(JSON.stringify(item.Item)).not.toContain(secret);
  });

  it('mails a login link to a registered address and says the same for an unknown one', async () => {
    const { email, token } = await verificationToken();
    await api('/api/me/session', { body: { token } });

    const known = await api('/api/me/login-link', { body: { email } });
    const unknown = await api('/api/me/login-link', { body: { email: uniqueEmail('nobody') } });

    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const mails = await mailsTo(email, 2);
    expect(mails[0].subject).toMatch(/đăng nhập.*login link/);
    const session = await api('/api/me/session', { body: { token: loginTokenIn(mails[0]) } });
    expect(session.status).toBe(200);
  });

  it('rate-limits login links per address, registered or not', async () => {
    const email = uniqueEmail('flood');

    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api('/api/me/login-link', { body: { email } })).status);

    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('rejects a malformed login-link request', async () => {
    const res = await api('/api/me/login-link', { body: { email: 'nope' } });

    expect(res.status).toBe(400);
  });
});
