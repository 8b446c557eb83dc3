/**
 * The transactional outbox: a handler that must send mail adds `outboxPut(mail)` to the same
 * transaction as its data change; the stream-triggered outbox function delivers it. No mail is
 * lost, and none goes out for a change that did not commit. Services compose the mails
 * (shared/mail); this module stores them.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailMessage } from '../domain/mail-message.ts';
import { batchGet } from './batch.ts';
import { batchPut } from './bulk-load.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys, ttlAt } from './keys.ts';
import { queryAll } from './paged-query.ts';

const retentionDays = 14;

export interface OutboxMail extends MailMessage {
  id: string;
  createdAt: string;
}

/**
 * A Put of one mail for a transaction. `mailId` makes it idempotent: the same id written twice
 * (a retried request) is one mail.
 */
export function outboxPut(mail: MailMessage, now: Date, mailId: string = randomUUID()) {
  return {
    Put: {
      TableName: tableName,
      Item: outboxItem(mail, now, mailId),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

function outboxItem(mail: MailMessage, now: Date, mailId: string) {
  return {
    ...keys.outbox(mailId),
    type: 'mail',
    id: mailId,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.headers?.length ? { headers: mail.headers } : {}),
    createdAt: now.toISOString(),
    // Mail text holds personal data: purge it after delivery has had time to happen.
    ttl: ttlAt(new Date(now.getTime() + retentionDays * 86_400_000)),
  };
}

/**
 * Many mails outside a transaction (a call's audience), each under its own deterministic id. With
 * `skipQueued`, ids already in the outbox are left alone: a delivered mail keeps no text, and a
 * rewrite would put it back.
 */
export async function queueMails(
  mails: { id: string; mail: MailMessage; alongside?: Record<string, unknown>[] }[],
  now: Date,
  options: { skipQueued: boolean },
): Promise<void> {
  let queue = mails.map(({ id, mail, alongside }) => ({ item: outboxItem(mail, now, id), alongside }));
  if (options.skipQueued && queue.length) {
    const found = await batchGet(
      queue.map(({ item: { PK, SK } }) => ({ PK, SK })),
      { attributes: ['PK'] },
    );
    const queued = new Set(found.map((item) => item.PK as string));
    queue = queue.filter(({ item }) => !queued.has(item.PK));
  }
  // What a mail's links need (e.g. its unsubscribe token) is written with it, and only with it.
  await batchPut(
    queue.flatMap(({ item, alongside }) => [...(alongside ?? []), item]),
    { concurrency: 8 },
  );
}

export async function getOutboxMail(
  mailId: string,
): Promise<(OutboxMail & { deliveredAt?: string }) | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.outbox(mailId), ConsistentRead: true }),
  );
  return Item as (OutboxMail & { deliveredAt?: string }) | undefined;
}

/**
 * Claim a mail before sending, so a redelivered stream record does not send it twice. A claim
 * older than the lease (a crashed sender) can be taken over.
 */
/** What a claim found: ours to send, sent already, being sent by another attempt, or gone. */
export type OutboxClaim = 'claimed' | 'delivered' | 'busy' | 'missing';

/**
 * Claims a mail for one delivery attempt: a lease, so that a duplicated stream record does not
 * send it twice, and that an attempt which died without releasing it is taken over after
 * `leaseSeconds`.
 */
export async function claimOutboxMail(mailId: string, now: Date, leaseSeconds = 120): Promise<OutboxClaim> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.outbox(mailId),
        UpdateExpression: 'SET claimedAt = :now',
        ConditionExpression:
          'attribute_exists(PK) AND attribute_not_exists(deliveredAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':stale': new Date(now.getTime() - leaseSeconds * 1000).toISOString(),
        },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  // Rare: say why the claim failed, so a mail being sent is not mistaken for one that was sent.
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.outbox(mailId),
      ProjectionExpression: 'deliveredAt',
      ConsistentRead: true,
    }),
  );
  if (!Item) return 'missing';
  return Item.deliveredAt ? 'delivered' : 'busy';
}

/** Gives a failed attempt's claim back, so the retry of its stream record sends the mail. */
export async function releaseOutboxMail(mailId: string, claimedAt: Date): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.outbox(mailId),
        UpdateExpression: 'REMOVE claimedAt',
        ConditionExpression: 'claimedAt = :claimedAt AND attribute_not_exists(deliveredAt)',
        ExpressionAttributeValues: { ':claimedAt': claimedAt.toISOString() },
      }),
    );
  } catch (error) {
    // Taken over or delivered meanwhile: nothing of ours to release.
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

export async function markOutboxMailDelivered(
  mailId: string,
  now: Date,
  providerMessageId?: string,
): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.outbox(mailId),
      // The text (a login link, a name) and the address are needed no longer: keep no copy.
      UpdateExpression: 'SET deliveredAt = :now, providerMessageId = :pid REMOVE #text, #to, headers',
      ExpressionAttributeNames: { '#text': 'text', '#to': 'to' },
      ExpressionAttributeValues: { ':now': now.toISOString(), ':pid': providerMessageId ?? null },
    }),
  );
}

/** Local development only: the mailbox that /dev/outbox shows. */
export async function storeDevMail(mail: OutboxMail, now: Date): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.devMail(now.toISOString(), mail.id),
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers?.length ? { headers: mail.headers } : {}),
        createdAt: now.toISOString(),
      },
    }),
  );
}

export async function listDevMail(to: string | undefined, limit = 50): Promise<OutboxMail[]> {
  const items = await queryAll(
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'DEVMAIL', ...(to ? { ':to': to.toLowerCase() } : {}) },
      ...(to ? { FilterExpression: '#to = :to', ExpressionAttributeNames: { '#to': 'to' } } : {}),
      ScanIndexForward: false,
    },
    limit,
  );
  return items.slice(0, limit).map(
    (item) =>
      ({
        id: item.id,
        to: item.to,
        subject: item.subject,
        text: item.text,
        ...(item.headers ? { headers: item.headers } : {}),
        createdAt: item.createdAt,
      }) as OutboxMail,
  );
}
