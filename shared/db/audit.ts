/**
 * The audit trail: every read of a full profile, every export, consent change and admin action.
 * Events hold ids and agencies only, never personal data, so they survive an erasure as the
 * tombstone the law allows.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client.ts';
import { indexKeys, keys } from './keys.ts';
import { queryAll } from './paged-query.ts';

export type AuditAction =
  | 'profile.read'
  | 'profile.export'
  | 'profile.deleted'
  | 'consent.changed'
  | 'experts.export'
  | 'experts.import'
  | 'offer.created'
  | 'offer.transition'
  | 'policy.created'
  | 'policy.changed'
  | 'call.transitioned';

export interface AuditActor {
  kind: 'expert' | 'staff' | 'system';
  id: string;
  agency?: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  action: AuditAction;
  actor: AuditActor;
  /** e.g. `expert:<id>` */
  target: string;
  detail?: Record<string, string | number | boolean>;
}

export function auditItem(event: Omit<AuditEvent, 'id'>) {
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
export const auditPut = (event: Omit<AuditEvent, 'id'>) => ({
  Put: { TableName: tableName, Item: auditItem(event) },
});

export async function recordAudit(event: Omit<AuditEvent, 'id'>): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: tableName, Item: auditItem(event) }));
}

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { id, at, action, actor, target, detail } = item as unknown as AuditEvent;
  return { id, at, action, actor, target, ...(detail ? { detail } : {}) };
}

export async function listAuditByTarget(target: string, limit = 1000): Promise<AuditEvent[]> {
  const items = await queryAll(
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${target}` },
      ScanIndexForward: false,
    },
    limit,
  );
  return items.map(toEvent);
}
