/**
 * The audit trail's items: AUDIT#<target> / <at>#<id>, and in GSI2 under the actor. Services build
 * the events (shared/domain/audit.ts) and add `auditPut(event)` to the transaction of the change
 * they account for.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, NewAuditEvent } from '../domain/audit.ts';
import { dynamo, tableName } from './client.ts';
import { indexKeys, keys } from './keys.ts';
import { queryAll } from './paged-query.ts';

export function auditItem(event: NewAuditEvent) {
  const id = randomUUID();
  return {
    ...keys.audit(event.target, event.at, id),
    GSI2PK: indexKeys.auditByActor(event.actor.id),
    GSI2SK: `${event.at}#${id}`,
    type: 'audit',
    id,
    ...event,
  };
}

/** A Put of one audit event for a transaction. */
export const auditPut = (event: NewAuditEvent) => ({
  Put: { TableName: tableName, Item: auditItem(event) },
});

export async function recordAudit(event: NewAuditEvent): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: tableName, Item: auditItem(event) }));
}

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { id, at, action, actor, target, detail } = item as unknown as AuditEvent;
  return { id, at, action, actor, target, ...(detail ? { detail } : {}) };
}

/** Every audit event of a target, newest first: the data-subject export owes the whole history. */
export async function listAuditByTarget(target: string): Promise<AuditEvent[]> {
  const items = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `AUDIT#${target}` },
    ScanIndexForward: false,
  });
  return items.map(toEvent);
}
