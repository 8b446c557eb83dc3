/**
 * Requests of the public mail routes, recorded before the answer so that the answer costs one
 * write whatever the address (no account enumeration by timing): the stream consumers
 * (shared/app/registration.ts, shared/app/sessions.ts) decide what, if anything, to mail.
 * A request lives a day at most; its consumer deletes it once handled.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExpertRecord } from '../domain/expert-record.ts';
import { dynamo, tableName } from './client.ts';
import { keys, ttlAt } from './keys.ts';

const requestTtlMs = 24 * 60 * 60 * 1000;

export async function putRegistrationRequest(record: ExpertRecord, now: Date): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.registrationRequest(record.id),
        type: 'registration-request',
        registration: record,
        ttl: ttlAt(new Date(now.getTime() + requestTtlMs)),
      },
    }),
  );
}

export async function getRegistrationRequest(id: string): Promise<ExpertRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.registrationRequest(id), ConsistentRead: true }),
  );
  return Item?.registration as ExpertRecord | undefined;
}

export async function deleteRegistrationRequest(id: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: tableName, Key: keys.registrationRequest(id) }));
}

/** A login-link request holds only the address's hash: the consumer looks the address up. */
export async function putLoginRequest(
  id: string,
  emailHash: string,
  now: Date,
  returnTo?: string,
): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.loginRequest(id),
        type: 'login-request',
        emailHash,
        ...(returnTo ? { returnTo } : {}),
        ttl: ttlAt(new Date(now.getTime() + requestTtlMs)),
      },
    }),
  );
}
