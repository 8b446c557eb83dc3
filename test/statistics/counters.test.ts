/**
 * The statistics counters against the real stream (DynamoDB Local, the local stream poller, the
 * real consumer): registering, verifying, editing, withdrawing consent and erasing move them by
 * exactly the change; a stream record delivered twice moves them once; the recount finds and
 * repairs a counter corrupted on purpose. This project has its own server and table, so the
 * counters move only by what these tests do.
 */
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CountablePerson, counterDelta, personContribution } from '#shared/domain/statistics';
import {
  api,
  loginTokenIn,
  mailsTo,
  registeredExpert,
  registration,
  staffToken,
  streamSettled,
} from '../support/api.ts';
import { documentClient, tableName, useSuiteTableInProcess } from '../support/dynamo.ts';
import { commitImport, csvBytes, dryRun, templateHeader, uploadRoster } from '../support/imports.ts';

type Counters = Record<string, number>;
let countChanges: (
  event: DynamoDBStreamEvent,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

beforeAll(async () => {
  useSuiteTableInProcess();
  ({ handler: countChanges } = await import('../../functions/stats/count-changes.ts'));
});

const bookkeeping = new Set(['PK', 'SK', 'type', 'rev', 'asOf', 'recountedAt']);

const peopleCounters = () => counters('experts#registered');

/** Hidden below five, as GET /api/stats shows a count. */
const suppressed = (n: number | undefined) => (n && n > 0 && n < 5 ? null : (n ?? 0));

async function counters(scope: string): Promise<Counters> {
  await streamSettled();
  const { Item } = await documentClient().get({
    TableName: tableName(),
    Key: { PK: 'STATS', SK: scope },
    ConsistentRead: true,
  });
  return Object.fromEntries(
    Object.entries(Item ?? {}).filter(([k, v]) => !bookkeeping.has(k) && typeof v === 'number' && v !== 0),
  ) as Counters;
}

async function storedProfile(expertId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient().get({
    TableName: tableName(),
    Key: { PK: `EXPERT#${expertId}`, SK: 'PROFILE' },
    ConsistentRead: true,
  });
  return Item;
}

const moved = (before: Counters, after: Counters) => counterDelta(before, after);

/** Adds to the registered people's counters behind the stream's back (drift for the recount). */
async function corrupt(by: Record<string, number>) {
  const entries = Object.entries(by);
  await documentClient().update({
    TableName: tableName(),
    Key: { PK: 'STATS', SK: 'experts#registered' },
    UpdateExpression: `ADD ${entries.map((_, i) => `#n${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#n${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:v${i}`, n])),
  });
}

/** Polls a recount job until it is over (it runs in the local server's background). */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
async function finishedJob(admin: string, id: string): Promise<any> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const res = await api(`/api/stats/recount/${id}`, { token: admin });
    expect(res.status).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`recount ${id} did not finish`);
}
const contribution = (item: Record<string, unknown> | undefined) =>
  personContribution(item as CountablePerson | undefined);

describe('statistics counters kept from the stream', () => {
  it('count a registration only once verified, then move exactly with edits, consent and erasure', async () => {
    const start = await peopleCounters();

    const body = registration({ location: { kind: 'overseas', country: 'DE', city: 'Berlin' } });
    await api('/api/experts', { body });
    const [mail] = await mailsTo(body.email);
    expect(moved(start, await peopleCounters())).toEqual({}); // pending: not counted

    const session = await api('/api/me/session', { body: { token: loginTokenIn(mail) } });
    const expertId = session.body.expert.id as string;
    const token = session.body.sessionToken as string;
    const verified = await peopleCounters();
    const profile = await storedProfile(expertId);
    expect(moved(start, verified)).toEqual(contribution(profile));
    expect(moved(start, verified)).toMatchObject({ total: 1, 'country:DE': 1, 'degree:doctorate': 1 });

    const patched = await api('/api/me', {
      method: 'PATCH',
      token,
      headers: { 'if-match': `"${session.body.expert.version}"` },
      body: { highestDegree: 'master', leadershipPost: 'provincial', abroadSixMonths: true },
    });
    expect(patched.status).toBe(200);
    const edited = await peopleCounters();
    expect(moved(verified, edited)).toEqual(
      counterDelta(contribution(profile), contribution(await storedProfile(expertId))),
    );
    expect(moved(verified, edited)).toMatchObject({
      'degree:doctorate': -1,
      'degree:master': 1,
      'leadership:unknown': -1,
      'leadership:provincial': 1,
      'provincialLeaderAbroad:yes': 1,
    });

    const consent = await api('/api/me/consent', {
      method: 'PUT',
      token,
      body: { shareWithAgencies: false, collaborationCalls: true, publicDirectory: false },
    });
    expect(consent.status).toBe(200);
    const withdrawn = await peopleCounters();
    expect(moved(edited, withdrawn)).toEqual({ 'consent:shareWithAgencies': -1 });

    expect((await api('/api/me', { method: 'DELETE', token })).status).toBe(204);
    expect(await peopleCounters()).toEqual(start);
  });

  it('applies a stream record delivered twice (in one batch and in two) exactly once', async () => {
    const before = await peopleCounters();
    const expertId = `synthetic-${randomUUID()}`;
    const image = {
      PK: `EXPERT#${expertId}`,
      SK: 'PROFILE',
      status: 'active',
      highestDegree: 'bachelor',
      fields: [{ code: '4.3' }],
      location: { kind: 'in_province', country: 'VN' },
      nativeOfProvince: true,
      engagement: ['full_time'],
      createdAt: '2026-02-02T00:00:00.000Z',
    };
    const record = {
      eventID: randomUUID(),
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: marshall({ PK: image.PK, SK: 'PROFILE' }),
        NewImage: marshall(image),
        SequenceNumber: '1',
      },
    } as DynamoDBStreamEvent['Records'][number];

    const results = [
      await countChanges({
        Records: [record, { ...record, dynamodb: { ...record.dynamodb, SequenceNumber: '2' } }],
      }),
      await countChanges({ Records: [{ ...record, dynamodb: { ...record.dynamodb, SequenceNumber: '3' } }] }),
    ];

    expect(results.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(moved(before, await peopleCounters())).toEqual(personContribution(image as CountablePerson));

    // The same change told by another record (a new event id) is a new change: the consumer is
    // exact per record, and the recount below repairs what no item in the table backs.
    const removal = {
      ...record,
      eventID: randomUUID(),
      eventName: 'REMOVE',
      dynamodb: { Keys: record.dynamodb?.Keys, OldImage: marshall(image), SequenceNumber: '4' },
    } as DynamoDBStreamEvent['Records'][number];
    await countChanges({ Records: [removal, removal] });
    expect(await peopleCounters()).toEqual(before);
  });

  it('recounts in the background from the table, repairs a counter corrupted on purpose and reports the difference', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    await registeredExpert({ location: { kind: 'overseas', country: 'FR', city: 'Lyon' } });
    const correct = await peopleCounters();
    await corrupt({ 'country:FR': 7, 'country:ZZ': 2 });

    const started = await api('/api/stats/recount', { method: 'POST', token: admin });

    expect(started.status).toBe(202);
    expect(started.body).toEqual({
      id: expect.any(String),
      status: expect.stringMatching(/queued|running|done/),
    });
    const job = await finishedJob(admin, started.body.id);
    expect(job).toMatchObject({ status: 'done', trigger: 'admin', resumed: 0 });
    expect(job.progress.counted).toBeGreaterThan(0);
    expect(job.progress.counted).toBe(job.progress.expected);
    expect(job.differences).toEqual(
      expect.arrayContaining([
        {
          scope: 'experts#registered',
          name: 'country:FR',
          counted: correct['country:FR'] + 7,
          actual: correct['country:FR'],
        },
        { scope: 'experts#registered', name: 'country:ZZ', counted: 2, actual: 0 },
      ]),
    );
    expect(job.repaired).toContain('experts#registered');
    expect(await peopleCounters()).toEqual(correct);
    const again = await api('/api/stats/recount', { method: 'POST', token: admin });
    expect((await finishedJob(admin, again.body.id)).differences).toEqual([]);
    const audit = await api('/api/audit?action=stats.recounted&target=stats', { token: admin });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
    expect((await api('/api/stats/recount/no-such-job', { token: admin })).status).toBe(404);
  });

  it('runs one recount at a time: a second request while one runs is a 409 with the running job', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    const running = {
      jobId: `running-${randomUUID()}`,
      runId: randomUUID(),
      heartbeatAt: new Date().toISOString(),
    };
    await documentClient().put({ TableName: tableName(), Item: { PK: 'STATS', SK: 'RECOUNT', ...running } });
    try {
      const refused = await api('/api/stats/recount', { method: 'POST', token: admin });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'conflict',
        details: [{ path: 'id', message: running.jobId }],
      });
    } finally {
      await documentClient().delete({ TableName: tableName(), Key: { PK: 'STATS', SK: 'RECOUNT' } });
    }
  });

  it('survives a run that dies mid-scan: the next request resumes it from its checkpoint and finishes', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    await registeredExpert({ location: { kind: 'overseas', country: 'CA', city: 'Toronto' } });
    const correct = await peopleCounters();
    await corrupt({ 'country:CA': 3 });
    const { runRecountJob } = await import('#shared/app/recount');

    // A run in this process stops after two small pages (as one would with its time running out)…
    let pages = 0;
    const stopped = await runRecountJob(undefined, () => (pages++ < 2 ? 15 * 60_000 : 0), { pageLimit: 5 });
    expect(stopped.outcome).toBe('paused');
    const jobId = (stopped as { job: string }).job;
    const paused = (await api(`/api/stats/recount/${jobId}`, { token: admin })).body;
    expect(paused).toMatchObject({ status: 'paused', trigger: 'schedule' });
    expect(paused.progress.counted).toBeGreaterThanOrEqual(0);
    // …and is then made to look like one that crashed: still "running", its heartbeat three minutes
    // old. A person only its checkpoint knows (country QQ) shows that the next run goes on from it.
    const jobKey = { PK: `RECOUNT#${jobId}`, SK: 'JOB' };
    const { Item: stored } = await documentClient().get({ TableName: tableName(), Key: jobKey });
    const checkpoint = stored?.checkpoint;
    expect(checkpoint?.startKey).toBeDefined();
    checkpoint.totals['experts#registered'] = { ...checkpoint.totals['experts#registered'], 'country:QQ': 1 };
    await documentClient().put({
      TableName: tableName(),
      Item: { ...stored, status: 'running', checkpoint },
    });
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: 'STATS', SK: 'RECOUNT' },
      UpdateExpression: 'SET runId = :dead, heartbeatAt = :old',
      ExpressionAttributeValues: {
        ':dead': randomUUID(),
        ':old': new Date(Date.now() - 180_000).toISOString(),
      },
    });

    const resumed = await api('/api/stats/recount', { method: 'POST', token: admin });

    expect(resumed.status).toBe(202);
    expect(resumed.body.id).toBe(jobId);
    const job = await finishedJob(admin, jobId);
    expect(job).toMatchObject({ status: 'done', resumed: 1 });
    expect(job.progress.counted).toBeGreaterThan(paused.progress.counted);
    expect(job.differences).toContainEqual({
      scope: 'experts#registered',
      name: 'country:CA',
      counted: correct['country:CA'] + 3,
      actual: correct['country:CA'],
    });
    expect(job.differences).toContainEqual({
      scope: 'experts#registered',
      name: 'country:QQ',
      counted: 0,
      actual: 1,
    });
    // The next recount, from scratch, takes the checkpoint's invention out again.
    const next = await api('/api/stats/recount', { method: 'POST', token: admin });
    const repaired = await finishedJob(admin, next.body.id);
    expect(repaired.differences).toEqual([
      { scope: 'experts#registered', name: 'country:QQ', counted: 1, actual: 0 },
    ]);
    expect(repaired.progress.counted).toBe(job.progress.counted);
    expect(await peopleCounters()).toEqual(correct);
  });

  it('counts roster entries apart, and a claimed entry once: roster −1, registered +1 after verification', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    const t = randomUUID().slice(0, 8);
    const row = (i: number) =>
      `Trần Văn Danh ${t} ${i},danh.${t}.${i}@example.org,,${1975 + i},Nam,Thạc sĩ,,2.3,Cơ khí,,Nhà nước,Trong tỉnh,VN,Có,,8`;
    const rosterBefore = await counters('experts#roster');
    const registeredBefore = await peopleCounters();

    const id = await uploadRoster(admin, csvBytes([templateHeader, row(1), row(2)]));
    await dryRun(admin, id);
    expect((await commitImport(admin, id)).status).toBe('done');

    const imported = await counters('experts#roster');
    expect(moved(rosterBefore, imported)).toMatchObject({
      total: 2,
      'status:active': 2,
      'degree:master': 2,
      'locationKind:in_province': 2,
      'sector:state': 2,
    });
    expect(moved(registeredBefore, await peopleCounters())).toEqual({});
    const stats = await api('/api/stats', { token: admin });
    expect(stats.body.experts.bySource.roster).toBe(suppressed(imported.total));

    // The first person registers with the address the roster holds and verifies it: the entry is claimed.
    const [invitation] = await mailsTo(`danh.${t}.1@example.org`);
    const prefill = JSON.parse(
      Buffer.from(/#claim=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1] ?? '', 'base64url').toString('utf8'),
    );
    const body = registration({ ...prefill, engagement: ['remote_advisory'], yearsExperience: 8 });
    expect((await api('/api/experts', { body })).status).toBe(202);
    const verification = (await mailsTo(body.email, 2)).find((m) => m.text.includes('#login='));
    expect(moved(rosterBefore, await counters('experts#roster')).total).toBe(2); // not verified yet
    const session = await api('/api/me/session', { body: { token: loginTokenIn(verification as never) } });
    expect(session.status).toBe(200);

    expect(moved(imported, await counters('experts#roster'))).toMatchObject({
      total: -1,
      'status:active': -1,
    });
    expect(moved(registeredBefore, await peopleCounters())).toMatchObject({ total: 1, 'status:active': 1 });

    // The recount agrees with what the stream did.
    const recount = await api('/api/stats/recount', { method: 'POST', token: admin });
    const job = await finishedJob(admin, recount.body.id);
    expect(job.differences.filter((d: { scope: string }) => d.scope === 'experts#roster')).toEqual([]);
  });

  it('lets only administrators recount', async () => {
    const hr = await staffToken();
    expect((await api('/api/stats/recount', { method: 'POST', token: hr })).status).toBe(403);
    expect((await api('/api/stats/recount', { method: 'POST' })).status).toBe(401);
  });
});
