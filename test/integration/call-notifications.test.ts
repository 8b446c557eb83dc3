/**
 * Opening a call mails every active expert who opted in to collaboration calls, fits the audience
 * and shares a field group with the call: exactly once each, through the outbox, even when the
 * open request is retried or the stream handler runs twice or resumes after a crash.
 *
 * Other suites' calls may reach the same experts, so mails are told apart by their deterministic
 * id, `call-<callId>-<expertId>`. Calls here name groups 1, 3 and 6, which the other suites'
 * experts do not work in.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import {
  api,
  type Mail,
  mailsTo,
  registeredExpert,
  registration,
  staffToken,
  streamSettled,
} from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

/** Experts of this suite share a name no other suite searches for. */
const registered = (overrides: Partial<Registration> = {}) =>
  registeredExpert({ fullName: 'Võ Thị Mai', ...overrides });

type StreamHandler = (
  event: DynamoDBStreamEvent,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

let notifyCallAudience: StreamHandler;
let verifiedExpertItems: (r: Registration, now: Date) => Record<string, unknown>[];
let batchPut: (items: Record<string, unknown>[]) => Promise<void>;
let runCallNotificationJob: (
  callId: string,
  now: Date,
  options?: { shouldStop?: () => boolean; pageSize?: number },
) => Promise<{ queued: number; done: boolean } | undefined>;
let hr: string;

beforeAll(async () => {
  process.env.TABLE_NAME = tableName();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.MAIL_TRANSPORT = 'dev';
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  ({ handler: notifyCallAudience } = await import('../../functions/calls/notify-call-audience.ts'));
  ({ verifiedExpertItems } = await import('../../shared/db/experts.ts'));
  ({ batchPut } = await import('../../shared/db/bulk-load.ts'));
  ({ runCallNotificationJob } = await import('../../shared/app/call-notifications.ts'));
  hr = await staffToken({ agency: 'so-khoa-hoc-cong-nghe' });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function createCall(overrides: Record<string, unknown> = {}) {
  const res = await api('/api/calls', {
    token: hr,
    body: {
      title: `Lời mời ${randomUUID().slice(0, 6)}`,
      description: 'Nghiên cứu lịch sử địa phương / Local history research',
      fieldCodes: ['6.1'],
      engagement: 'remote_advisory',
      audience: 'all',
      openUntil: inDays(30),
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; title: string };
}

const open = (id: string) => api(`/api/calls/${id}/transitions`, { token: hr, body: { to: 'open' } });

/** Waits for the stream handler to finish the call's notification job; returns its progress. */
async function notified(callId: string): Promise<{ queued: number; done: boolean }> {
  const started = Date.now();
  for (;;) {
    const { body } = await api(`/api/calls/${callId}`, { token: hr });
    if (body.notification?.done) return body.notification;
    if (Date.now() - started > 20_000) throw new Error(`notification job of ${callId} not done`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const mailId = (callId: string, expertId: string) => `call-${callId}-${expertId}`;

async function queuedMail(callId: string, expertId: string) {
  const { Item } = await documentClient().get({
    TableName: tableName(),
    Key: { PK: `OUTBOX#${mailId(callId, expertId)}`, SK: 'MAIL' },
    ConsistentRead: true,
  });
  return Item;
}

/** Every outbox item of one call (a scan: fine for a test table). */
async function outboxOfCall(callId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().scan({
      TableName: tableName(),
      FilterExpression: 'begins_with(PK, :prefix)',
      ExpressionAttributeValues: { ':prefix': `OUTBOX#call-${callId}-` },
      ExclusiveStartKey: startKey,
      ConsistentRead: true,
    });
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

const callMails = (mails: Mail[], callId: string) => mails.filter((m) => m.id.startsWith(`call-${callId}-`));

/** The delivered mails of one call to one address, once at least one has arrived. */
async function mailsOfCall(email: string, callId: string): Promise<Mail[]> {
  const started = Date.now();
  for (;;) {
    const mails = callMails(await mailsTo(email, 1), callId);
    if (mails.length > 0 || Date.now() - started > 15_000) return mails;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const jobRecord = (callId: string, sequence: string) =>
  ({
    eventID: randomUUID(),
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { PK: { S: `CALLJOB#${callId}` }, SK: { S: 'JOB' } }, SequenceNumber: sequence },
  }) as DynamoDBStreamEvent['Records'][number];

const overseasNative = {
  location: { kind: 'overseas' as const, country: 'DE', city: 'Berlin' },
  nativeOfProvince: true,
};
const inProvince = { location: { kind: 'in_province' as const, country: 'VN' }, nativeOfProvince: false };
const consent = (collaborationCalls: boolean) => ({
  registry: true as const,
  shareWithAgencies: true,
  collaborationCalls,
  publicDirectory: false,
  textVersion: '2026-01-01',
});

describe('who is mailed when a call opens', () => {
  it('mails opted-in experts with a shared field group, whatever the sub-field, and nobody else', async () => {
    const [local, abroad, noConsent, withdrawn, otherGroup] = await Promise.all([
      registered({ ...inProvince, fields: [{ code: '6.1' }] }),
      registered({ ...overseasNative, fields: [{ code: '6.4' }, { code: '2.3' }] }),
      registered({ fields: [{ code: '6.1' }], consent: consent(false) }),
      registered({ fields: [{ code: '6.1' }] }),
      registered({ fields: [{ code: '5.1' }] }),
    ]);
    const pending = registration({ fullName: 'Võ Thị Mai', fields: [{ code: '6.1' }] });
    await api('/api/experts', { body: pending });
    const withdrawal = await api('/api/me/consent', {
      method: 'PUT',
      token: withdrawn.sessionToken,
      body: { shareWithAgencies: true, collaborationCalls: false, publicDirectory: false },
    });
    expect(withdrawal.status).toBe(200);
    const call = await createCall({ fieldCodes: ['6.1'] });

    expect((await open(call.id)).status).toBe(200);
    const progress = await notified(call.id);

    expect(progress.queued).toBeGreaterThanOrEqual(2);
    expect(await queuedMail(call.id, local.expert.id)).toBeDefined();
    expect(await queuedMail(call.id, abroad.expert.id)).toBeDefined();
    for (const excluded of [noConsent, withdrawn, otherGroup]) {
      expect(await queuedMail(call.id, excluded.expert.id)).toBeUndefined();
    }
    const [mail] = await mailsOfCall(abroad.email, call.id);
    expect(mail.subject).toContain(call.title);
    expect(mail.text).toContain('Kính gửi');
    expect(mail.text).toContain('Dear');
    expect(mail.text).toContain(`/calls/${call.id}`);
    const pendingMails = await mailsTo(pending.email, 1);
    expect(callMails(pendingMails, call.id)).toEqual([]);
  });

  it('mails only experts living abroad who are natives of the province for an overseas_natives call', async () => {
    const [native, nonNative, homeNative] = await Promise.all([
      registered({ ...overseasNative, fields: [{ code: '6.2' }] }),
      registered({ ...overseasNative, nativeOfProvince: false, fields: [{ code: '6.2' }] }),
      registered({
        location: { kind: 'in_country', country: 'VN', city: 'Hà Nội' },
        nativeOfProvince: true,
        fields: [{ code: '6.2' }],
      }),
    ]);
    const call = await createCall({ fieldCodes: ['6'], audience: 'overseas_natives' });

    await open(call.id);
    await notified(call.id);

    expect(await queuedMail(call.id, native.expert.id)).toBeDefined();
    expect(await queuedMail(call.id, nonNative.expert.id)).toBeUndefined();
    expect(await queuedMail(call.id, homeNative.expert.id)).toBeUndefined();
    const queued = await outboxOfCall(call.id);
    expect(queued.length).toBeGreaterThanOrEqual(1);
  });

  it('mails an erased expert nothing', async () => {
    const gone = await registered({ fields: [{ code: '6.3' }] });
    expect((await api('/api/me', { method: 'DELETE', token: gone.sessionToken })).status).toBe(204);
    const call = await createCall({ fieldCodes: ['6.3'] });

    await open(call.id);
    await notified(call.id);

    expect(await queuedMail(call.id, gone.expert.id)).toBeUndefined();
  });
});

describe('exactly once', () => {
  it('adds no job and no mail when the open request is retried (409)', async () => {
    const expert = await registered({ fields: [{ code: '6.5' }] });
    const call = await createCall({ fieldCodes: ['6.5'] });
    await open(call.id);
    const first = await notified(call.id);

    const retried = await open(call.id);
    await streamSettled(); // give the stream poller a chance to misbehave

    expect(retried.status).toBe(409);
    expect((await notified(call.id)).queued).toBe(first.queued);
    expect(await outboxOfCall(call.id)).toHaveLength(first.queued);
    expect(await mailsOfCall(expert.email, call.id)).toHaveLength(1);
  });

  it('sends nothing more when the stream record is delivered twice, at once and later', async () => {
    const expert = await registered({ fields: [{ code: '6.5' }] });
    const call = await createCall({ fieldCodes: ['6.5'] });
    await open(call.id);
    const first = await notified(call.id);

    const results = await Promise.all([
      notifyCallAudience({ Records: [jobRecord(call.id, '1')] }),
      notifyCallAudience({ Records: [jobRecord(call.id, '2')] }),
    ]);
    const later = await notifyCallAudience({ Records: [jobRecord(call.id, '3')] });
    await streamSettled();

    expect([...results, later].flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect((await notified(call.id)).queued).toBe(first.queued);
    expect(await outboxOfCall(call.id)).toHaveLength(first.queued);
    expect(await mailsOfCall(expert.email, call.id)).toHaveLength(1);
  });

  it('resumes a run that stopped after its first page without mailing anyone twice', async () => {
    const experts = await Promise.all([1, 2, 3].map(() => registered({ fields: [{ code: '6.5' }] })));
    const call = await createCall({ fieldCodes: ['6.5'] });
    await open(call.id);
    const first = await notified(call.id);
    // As if the first run had crashed: the job back at its start (a MODIFY, which starts nothing).
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: `CALLJOB#${call.id}`, SK: 'JOB' },
      UpdateExpression: 'SET #cursor = :start, queued = :zero, done = :no',
      ExpressionAttributeNames: { '#cursor': 'cursor' },
      ExpressionAttributeValues: {
        ':start': JSON.stringify({ group: 0, key: null }),
        ':zero': 0,
        ':no': false,
      },
    });

    let pages = 0;
    const interrupted = await runCallNotificationJob(call.id, new Date(), {
      pageSize: 1,
      shouldStop: () => pages++ >= 1,
    });
    const resumed = await notifyCallAudience({ Records: [jobRecord(call.id, '4')] });
    await streamSettled();

    expect(first.queued).toBeGreaterThanOrEqual(3);
    expect(interrupted).toEqual({ queued: 1, done: false });
    expect(resumed.batchItemFailures).toEqual([]);
    // Experts of other suites may have joined group 6 meanwhile; the count still matches the outbox.
    expect((await notified(call.id)).queued).toBe((await outboxOfCall(call.id)).length);
    for (const expert of experts) {
      expect(await mailsOfCall(expert.email, call.id)).toHaveLength(1);
    }
  });
});

describe('an audience of 60 (the 5,000 benchmark in small)', () => {
  it('queues exactly one mail per matching expert, to distinct addresses, and a second open adds none', async () => {
    const now = new Date();
    const tag = randomUUID().slice(0, 8);
    const expert = (i: number, overrides: Partial<Registration>) =>
      registration({ fullName: 'Võ Thị Mai', email: `fanout.${tag}.${i}@example.org`, ...overrides });
    // 60 in the audience: 20 in group 1 only, 20 in group 3 only, 20 in both (mailed once).
    const audience = Array.from({ length: 60 }, (_, i) =>
      expert(i, {
        fields: i < 20 ? [{ code: '1.1' }] : i < 40 ? [{ code: '3.1' }] : [{ code: '1.2' }, { code: '3.3' }],
      }),
    );
    const outsiders = [
      ...Array.from({ length: 10 }, (_, i) =>
        expert(100 + i, { fields: [{ code: '1.1' }], consent: consent(false) }),
      ),
      ...Array.from({ length: 10 }, (_, i) => expert(200 + i, { fields: [{ code: '5.2' }] })),
    ];
    const items = [...audience, ...outsiders].flatMap((r) => verifiedExpertItems(r, now));
    const emailOf = new Map(items.filter((i) => i.type === 'expert').map((i) => [i.id, i.email as string]));
    await batchPut(items);
    const call = await createCall({ fieldCodes: ['1.1', '3'] });

    await open(call.id);
    const progress = await notified(call.id);
    const secondOpen = await open(call.id);
    await streamSettled();

    const queued = await outboxOfCall(call.id);
    // A delivered mail keeps no address; its id names the expert.
    const mailed = queued.map((m) => (m.PK as string).slice(`OUTBOX#${mailId(call.id, '')}`.length));
    const ours = mailed.flatMap((id) => emailOf.get(id) ?? []);
    expect(ours).toHaveLength(60);
    expect(new Set(ours)).toEqual(new Set(audience.map((r) => r.email)));
    expect(new Set(mailed).size).toBe(mailed.length);
    expect(progress.queued).toBe(queued.length);
    expect(secondOpen.status).toBe(409);
    expect(await outboxOfCall(call.id)).toHaveLength(queued.length);
    expect(await mailsOfCall(audience[59].email, call.id)).toHaveLength(1);
  });
});

describe('the stream handler', () => {
  it('ignores records that are not new notification jobs, and a job that does not exist', async () => {
    const result = await notifyCallAudience({
      Records: [
        { ...jobRecord('x', '9'), eventName: 'MODIFY' },
        { ...jobRecord('x', '10'), dynamodb: { Keys: { PK: { S: 'OUTBOX#1' }, SK: { S: 'MAIL' } } } },
        jobRecord(`missing-${randomUUID()}`, '11'),
      ],
    });

    expect(result.batchItemFailures).toEqual([]);
  });
});
