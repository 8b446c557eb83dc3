/**
 * Audit events: every read of a full profile, every export, consent change, offer transition and
 * admin action. They hold ids and agencies only, never personal data, so they survive an erasure
 * as the tombstone the law allows.
 */
import { type Actor, type RecordedActor, recordedActor } from './actor.ts';

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

export interface AuditEvent {
  id: string;
  at: string;
  action: AuditAction;
  actor: RecordedActor;
  /** e.g. `expert:<id>` */
  target: string;
  detail?: Record<string, string | number | boolean>;
}

/** An event to record (its id is given when it is stored). */
export type NewAuditEvent = Omit<AuditEvent, 'id'>;

export function auditEvent(
  action: AuditAction,
  actor: Actor,
  target: string,
  now: Date,
  detail?: AuditEvent['detail'],
): NewAuditEvent {
  return {
    at: now.toISOString(),
    action,
    actor: recordedActor(actor),
    target,
    ...(detail ? { detail } : {}),
  };
}
