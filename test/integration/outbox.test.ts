/**
 * The outbox handler, invoked in-process on the suite's DynamoDB Local as Lambda would invoke
 * it: a duplicated or retried stream record sends its mail once.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { emailKeyHash } from '#shared/domain/secret-token';
import { api, mailsTo, registration, streamSettled, uniqueEmail } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

let deliverMail: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

beforeAll(async () => {
  process.env.TABLE_NAME = tableName();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.MAIL_TRANSPORT = 'dev';
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  ({ handler: deliverMail } = await import('../../functions/outbox/deliver-mail.ts'));
});

const insertRecord = (mailId: string, sequence: string) =>
  ({
    eventID: randomUUID(),
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { PK: { S: `OUTBOX#${mailId}` }, SK: { S: 'MAIL' } }, SequenceNumber: sequence },
  }) as DynamoDBStreamEvent['Records'][number];

async function queueMail(to: string) {
  const mailId = randomUUID();
  await documentClient().put({
    TableName: tableName(),
    Item: {
      PK: `OUTBOX#${mailId}`,
      SK: 'MAIL',
      id: mailId,
      to,
      subject: 'Test',
      text: 'Nội dung',
      createdAt: new Date().toISOString(),
    },
  });
  return mailId;
}

describe('the outbox handler', () => {
  it('delivers a mail once when the same record arrives twice, in one batch and in two', async () => {
    const to = uniqueEmail('outbox');
    const mailId = await queueMail(to);

    const results = await Promise.all([
      deliverMail({ Records: [insertRecord(mailId, '1'), insertRecord(mailId, '2')] }),
      deliverMail({ Records: [insertRecord(mailId, '3')] }),
    ]);
    await streamSettled(); // the local stream poller sees the insert too

    expect(results.flatMap((r) => r.batchItemFailures)).toEqual([]);
    const mails = await mailsTo(to, 1);
    expect(mails).toHaveLength(1);
    const item = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `OUTBOX#${mailId}`, SK: 'MAIL' },
    });
    expect(item.Item?.deliveredAt).toEqual(expect.any(String));
    expect(item.Item).not.toHaveProperty('text');
    expect(item.Item).not.toHaveProperty('to');
  });

  it('queues one verification mail per registration, however often its stream record arrives', async () => {
    const { handler: sendVerification } = await import('../../functions/experts/send-verification-mail.ts');
    const body = registration();
    await api('/api/experts', { body });
    await mailsTo(body.email, 1);
    const emailKey = { PK: `EMAIL#${emailKeyHash(body.email)}`, SK: 'EMAIL' };
    const { Item } = await documentClient().get({ TableName: tableName(), Key: emailKey });
    const record = {
      eventID: randomUUID(),
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: { PK: { S: emailKey.PK }, SK: { S: 'EMAIL' } },
        NewImage: { PK: { S: emailKey.PK }, expertId: { S: Item?.expertId }, pending: { M: {} } },
        SequenceNumber: '42',
      },
    } as DynamoDBStreamEvent['Records'][number];

    const results = await Promise.all([
      sendVerification({ Records: [record] }),
      sendVerification({ Records: [record] }),
    ]);
    await streamSettled();

    expect(results.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(await mailsTo(body.email, 1)).toHaveLength(1);
    expect(Item?.ttl).toEqual(expect.any(Number)); // an unverified registration erases itself
  });

  it('ignores records that are not new outbox items', async () => {
    const result = await deliverMail({
      Records: [
        { ...insertRecord('x', '9'), eventName: 'MODIFY' },
        { ...insertRecord('x', '10'), dynamodb: { Keys: { PK: { S: 'EXPERT#1' }, SK: { S: 'PROFILE' } } } },
      ],
    });

    expect(result.batchItemFailures).toEqual([]);
  });

  it('skips a record whose mail item no longer exists (purged), without failing the batch', async () => {
    const result = await deliverMail({ Records: [insertRecord(randomUUID(), '11')] });

    expect(result.batchItemFailures).toEqual([]);
  });
});
