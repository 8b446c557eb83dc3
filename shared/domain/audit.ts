/**
 * Audit events: every read of a full profile, every export, consent change, offer transition and
 * admin action. They hold ids and agencies only, never personal data, so they survive an erasure
 * as the tombstone the law allows.
 */
import * as z from 'zod/mini';
import { type Actor, type RecordedActor, recordedActor } from './actor.ts';
import { cursorParam, pageLimitParam } from './paging.ts';

export const auditActions = [
  'profile.read',
  'profile.export',
  'profile.deleted',
  'consent.changed',
  'email.change_requested',
  'email.changed',
  'experts.export',
  'experts.import',
  'offer.created',
  'offer.transition',
  'policy.created',
  'policy.changed',
  'call.transitioned',
  'stats.recounted',
  'report.created',
  'staff.invited',
  'staff.changed',
  'duplicate.read',
  'duplicate.merged',
  'duplicate.distinct',
] as const;

export type AuditAction =
  | 'profile.read'
  | 'profile.export'
  | 'profile.deleted'
  | 'consent.changed'
  | 'email.change_requested'
  | 'email.changed'
  | 'experts.export'
  | 'experts.import'
  | 'offer.created'
  | 'offer.transition'
  | 'policy.created'
  | 'policy.changed'
  | 'call.transitioned'
  | 'stats.recounted'
  | 'report.created'
  | 'staff.invited'
  | 'staff.changed'
  | 'duplicate.read'
  | 'duplicate.merged'
  | 'duplicate.distinct';

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

const instantOrDay = z.union([
  z.iso.datetime({ offset: true }),
  z.iso.date({ message: 'Use a date such as 2026-11-30 or a date-time' }),
]);

/** GET /api/audit: who (actor id), what (target such as `expert:<id>`), which action, when. */
export const auditQuerySchema = z
  .strictObject({
    actor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    target: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    action: z.optional(z.enum(auditActions)),
    from: z.optional(instantOrDay),
    to: z.optional(instantOrDay),
    limit: pageLimitParam,
    cursor: cursorParam,
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'to must not be before from',
      path: ['to'],
    }),
  );

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** How far back the log goes without a `from`: a year of months. */
const defaultMonths = 12;

/** The months [from, to] touches, newest first (from a year back when `from` is not given). */
export function auditMonthsNewestFirst(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): string[] {
  const last = (to ?? now.toISOString()).slice(0, 7);
  let first = from?.slice(0, 7);
  if (!first) {
    const [y, m] = last.split('-').map(Number);
    const back = y * 12 + (m - 1) - (defaultMonths - 1);
    first = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
  }
  const months: string[] = [];
  for (let month = last; month >= first; ) {
    months.push(month);
    const [y, m] = month.split('-').map(Number);
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  return months;
}
