/**
 * One-click unsubscribe from collaboration calls (RFC 8058; issue #13, item 9): every call mail
 * carries its own token, in `List-Unsubscribe` (with `List-Unsubscribe-Post`) and in a link to a
 * page that asks first. Using it withdraws the collaboration-calls consent and nothing else, with a
 * consent record and an audit event; only the token's hash is kept, and it goes with the profile.
 */
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, type Mail, mailsTo, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

/** Experts of this suite share a name no other suite searches for. */
const registered = (overrides: Partial<Registration> = {}) =>
  registeredExpert({ fullName: 'Hồ Thị Thư', fields: [{ code: '6.3' }], ...overrides });

let hr: string;
beforeAll(async () => {
  hr = await staffToken({ agency: 'so-khoa-hoc-cong-nghe' });
});

async function openCall(): Promise<string> {
  const created = await api('/api/calls', {
    token: hr,
    body: {
      title: `Lời mời ${randomUUID().slice(0, 6)}`,
      description: 'Sưu tầm tư liệu địa phương / Collecting local records',
      fieldCodes: ['6.3'],
      engagement: 'remote_advisory',
      audience: 'all',
      openUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  expect(created.status).toBe(201);
  const opened = await api(`/api/calls/${created.body.id}/transitions`, { token: hr, body: { to: 'open' } });
  expect(opened.status).toBe(200);
  const started = Date.now();
  for (;;) {
    const { body } = await api(`/api/calls/${created.body.id}`, { token: hr });
    if (body.notification?.done) return created.body.id;
    if (Date.now() - started > 20_000) throw new Error('notification job not done');
    await new Promise((r) => setTimeout(r, 200));
  }
}

type MailWithHeaders = Mail & { headers?: { name: string; value: string }[] };

async function callMailTo(email: string, callId: string): Promise<MailWithHeaders | undefined> {
  const started = Date.now();
  for (;;) {
    const mail = (await mailsTo(email, 1)).find((m) => m.id.startsWith(`call-${callId}-`));
    if (mail || Date.now() - started > 15_000) return mail as MailWithHeaders | undefined;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const header = (mail: MailWithHeaders, name: string) => mail.headers?.find((h) => h.name === name)?.value;

/** The token of the one-click URL in the mail's List-Unsubscribe header. */
function oneClickToken(mail: MailWithHeaders): string {
  const match = /<([^>]+)>/.exec(header(mail, 'List-Unsubscribe') ?? '');
  if (!match) throw new Error('no List-Unsubscribe header');
  return new URL(match[1]).searchParams.get('token') as string;
}

const oneClick = (token: string) =>
  api(`/api/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    rawBody: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('unsubscribing from collaboration calls', () => {
  it('puts a one-click header, a link to the page and the privacy notice in every call mail', async () => {
    const expert = await registered();
    const callId = await openCall();

    const mail = await callMailTo(expert.email, callId);

    expect(mail).toBeDefined();
    const m = mail as MailWithHeaders;
    expect(header(m, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(m, 'List-Unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\?token=[^>]+>$/);
    const pageLink = /\/unsubscribe#token=(\S+)/.exec(m.text);
    expect(decodeURIComponent(pageLink?.[1] ?? '')).toBe(oneClickToken(m));
    expect(m.text).toMatch(/\/privacy\b/);
  });

  it('withdraws only the calls consent, with a record and an audit event, and answers a second click', async () => {
    const expert = await registered();
    const callId = await openCall();
    const token = oneClickToken((await callMailTo(expert.email, callId)) as MailWithHeaders);

    const first = await oneClick(token);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ collaborationCalls: false, changed: true });
    const me = await api('/api/me', { token: expert.sessionToken });
    expect(me.body.consent).toMatchObject({ collaborationCalls: false, shareWithAgencies: true });
    const audit = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#expert:${expert.expert.id}` },
    });
    expect(audit.Items?.find((i) => i.action === 'consent.changed')?.detail).toMatchObject({
      collaborationCalls: false,
      via: 'unsubscribe-link',
    });
    // A mail client's retry, or the page after the header: nothing more changes.
    const second = await api(`/api/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ collaborationCalls: false, changed: false });
    // The next call does not reach the expert.
    const nextCall = await openCall();
    const queued = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `OUTBOX#call-${nextCall}-${expert.expert.id}`, SK: 'MAIL' },
      ConsistentRead: true,
    });
    expect(queued.Item).toBeUndefined();
  });

  it('keeps only the hash of the token, in the expert partition, and forgets it with the profile', async () => {
    const expert = await registered();
    const callId = await openCall();
    const token = oneClickToken((await callMailTo(expert.email, callId)) as MailWithHeaders);
    const secret = token.split('.')[1];
    const hash = createHash('sha256').update(secret).digest('hex');

    const partition = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `EXPERT#${expert.expert.id}`, ':sk': 'UNSUB#' },
    });
    expect(partition.Items?.map((i) => i.SK)).toEqual([`UNSUB#${hash}`]);
    expect(JSON.stringify(partition.Items)).not.toContain(secret);

    expect((await api('/api/me', { method: 'DELETE', token: expert.sessionToken })).status).toBe(204);
    expect((await oneClick(token)).status).toBe(404);
  });

  it('refuses a forged, malformed or missing token, and any body but the one-click form', async () => {
    const expert = await registered();
    const callId = await openCall();
    const token = oneClickToken((await callMailTo(expert.email, callId)) as MailWithHeaders);
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;

    expect((await oneClick(forged)).status).toBe(404);
    expect((await oneClick('not-a-token')).status).toBe(404);
    expect((await api('/api/unsubscribe', { method: 'POST' })).status).toBe(400);
    const json = await api(`/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      body: { unsubscribe: true },
    });
    expect(json.status).toBe(415);
    const wrongForm = await api(`/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      rawBody: 'unsubscribe=yes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongForm.status).toBe(400);
    // None of these changed anything.
    const me = await api('/api/me', { token: expert.sessionToken });
    expect(me.body.consent.collaborationCalls).toBe(true);
  });
});
