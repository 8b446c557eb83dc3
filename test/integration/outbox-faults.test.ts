/**
 * No mail is lost when SES fails: a failed send gives its claim back and fails its stream record,
 * so Lambda's retry sends it (aws-sdk-client-mock injects what SES will not do on demand:
 * failures and throttling). On a table of its own, so the local server's poller stays out of it.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb-local.ts';

type Consumer = (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

const ses = mockClient(SESv2Client);
const tableName = `outbox-faults-${randomUUID().slice(0, 8)}`;
let deliverMail: Consumer;
let table: DynamoDBDocument;

beforeAll(async () => {
  const endpoint = inject('ddbEndpoint');
  await ensureTable(endpoint, tableName);
  process.env.TABLE_NAME = tableName;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  process.env.MAIL_TRANSPORT = 'ses';
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  table = DynamoDBDocument.from(new DynamoDBClient({ endpoint }));
  ({ handler: deliverMail } = (await import('../../functions/outbox/deliver-mail.ts')) as unknown as {
    handler: Consumer;
  });
});

afterEach(() => ses.reset());

let sequence = 0;
const recordOf = (mailId: string) =>
  ({
    eventID: randomUUID(),
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: { PK: { S: `OUTBOX#${mailId}` }, SK: { S: 'MAIL' } },
      SequenceNumber: String(++sequence).padStart(21, '0'),
    },
  }) as DynamoDBStreamEvent['Records'][number];

async function queueMails(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const mailId of ids) {
    await table.put({
      TableName: tableName,
      Item: {
        PK: `OUTBOX#${mailId}`,
        SK: 'MAIL',
        mailId,
        to: `${mailId.slice(0, 8)}@example.org`,
        subject: 'Thư thử',
        text: 'Nội dung',
        createdAt: new Date().toISOString(),
      },
    });
  }
  return ids;
}

const failure = (name: string) => Object.assign(new Error(`injected ${name}`), { name });
const sentTo = () =>
  ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses?.[0]);

/** Runs the consumer as Lambda would: the failed records of a batch come back until none fail. */
async function deliverUntilDone(records: DynamoDBStreamEvent['Records'], maxInvocations = 6) {
  let pending = records;
  let invocations = 0;
  while (pending.length > 0 && invocations < maxInvocations) {
    const { batchItemFailures } = await deliverMail({ Records: pending });
    invocations++;
    const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
    pending = pending.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
  }
  return { invocations, pending };
}

async function deliveredAt(mailId: string) {
  const { Item } = await table.get({ TableName: tableName, Key: { PK: `OUTBOX#${mailId}`, SK: 'MAIL' } });
  return Item?.deliveredAt;
}

describe('the outbox when SES fails', () => {
  it.each([1, 2])('sends a mail whose first %i send(s) failed, once it succeeds', async (failures) => {
    const [mailId] = await queueMails(1);
    let call = ses.on(SendEmailCommand);
    for (let i = 0; i < failures; i++) call = call.rejectsOnce(failure('MessageRejected'));
    call.resolves({ MessageId: 'ses-1' });

    const { invocations, pending } = await deliverUntilDone([recordOf(mailId)]);

    expect(pending).toEqual([]);
    expect(invocations).toBe(failures + 1);
    expect(sentTo()).toHaveLength(failures + 1);
    expect(await deliveredAt(mailId)).toEqual(expect.any(String));
  });

  it('sends every mail of a batch that SES throttled in part, each exactly once', async () => {
    const ids = await queueMails(5);
    ses
      .on(SendEmailCommand)
      .rejectsOnce(failure('TooManyRequestsException'))
      .rejectsOnce(failure('TooManyRequestsException'))
      .rejectsOnce(failure('TooManyRequestsException'))
      .resolves({ MessageId: 'ses-n' });

    const { pending } = await deliverUntilDone(ids.map(recordOf));

    expect(pending).toEqual([]);
    for (const mailId of ids) expect(await deliveredAt(mailId), mailId).toEqual(expect.any(String));
    const succeeded = ses
      .commandCalls(SendEmailCommand)
      .slice(3)
      .map((c) => c.args[0].input.Destination?.ToAddresses?.[0]);
    expect([...succeeded].sort()).toEqual(ids.map((id) => `${id.slice(0, 8)}@example.org`).sort());
  });

  it('does not send a delivered mail again when its record comes back', async () => {
    const [mailId] = await queueMails(1);
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-once' });

    await deliverUntilDone([recordOf(mailId)]);
    await deliverUntilDone([recordOf(mailId)]);

    expect(sentTo()).toHaveLength(1);
  });
});
