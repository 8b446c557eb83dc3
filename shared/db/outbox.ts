/**
 * The transactional outbox: a handler that must send mail adds `outboxPut(mail)` to the same
 * transaction as its data change; the stream-triggered outbox function delivers it. No mail is
 * lost, and none goes out for a change that did not commit.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailMessage } from '../mail/messages.ts';
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
      Item: {
        ...keys.outbox(mailId),
        type: 'mail',
        id: mailId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        createdAt: now.toISOString(),
        // Mail text holds personal data: purge it after delivery has had time to happen.
        ttl: ttlAt(new Date(now.getTime() + retentionDays * 86_400_000)),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
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
export async function claimOutboxMail(mailId: string, now: Date, leaseSeconds = 120): Promise<boolean> {
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
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
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
      UpdateExpression: 'SET deliveredAt = :now, providerMessageId = :pid REMOVE #text, #to',
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
        createdAt: item.createdAt,
      }) as OutboxMail,
  );
}
