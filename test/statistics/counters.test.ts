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

type Counters = Record<string, number>;
let countChanges: (
  event: DynamoDBStreamEvent,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

beforeAll(async () => {
  useSuiteTableInProcess();
  ({ handler: countChanges } = await import('../../functions/stats/count-changes.ts'));
});

const bookkeeping = new Set(['PK', 'SK', 'type', 'rev', 'asOf', 'recountedAt']);

async function peopleCounters(): Promise<Counters> {
  await streamSettled();
  const { Item } = await documentClient().get({
    TableName: tableName(),
    Key: { PK: 'STATS', SK: 'experts#registered' },
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

  it('recounts from the table, repairs a counter corrupted on purpose and reports the difference', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    await registeredExpert({ location: { kind: 'overseas', country: 'FR', city: 'Lyon' } });
    const correct = await peopleCounters();
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: 'STATS', SK: 'experts#registered' },
      UpdateExpression: 'ADD #c :seven, #ghost :two',
      ExpressionAttributeNames: { '#c': 'country:FR', '#ghost': 'country:ZZ' },
      ExpressionAttributeValues: { ':seven': 7, ':two': 2 },
    });

    const recount = await api('/api/stats/recount', { method: 'POST', token: admin });

    expect(recount.status).toBe(200);
    expect(recount.body.differences).toEqual(
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
    expect(recount.body.repaired).toContain('experts#registered');
    expect(await peopleCounters()).toEqual(correct);
    const again = await api('/api/stats/recount', { method: 'POST', token: admin });
    expect(again.body.differences).toEqual([]);
    const audit = await api('/api/audit?action=stats.recounted&target=stats', { token: admin });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('lets only administrators recount', async () => {
    const hr = await staffToken();
    expect((await api('/api/stats/recount', { method: 'POST', token: hr })).status).toBe(403);
    expect((await api('/api/stats/recount', { method: 'POST' })).status).toBe(401);
  });
});
