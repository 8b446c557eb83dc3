/**
 * Collaboration calls: research, advisory or short-visit tasks the province publishes for experts
 * at home and abroad. Payload schemas (shared by the handlers, the OpenAPI document and the web
 * form), the views each audience may see, and the call's state machine: draft → open → closed.
 * An open call whose openUntil has passed counts as closed wherever it is read, before the
 * scheduled sweep has stored that.
 */
import * as z from 'zod/mini';
import { type EngagementMode, type ExpertProfile, engagementModes } from './expert.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { fieldGroupOf, isFieldOrGroupCode } from './taxonomy.ts';
import { safeText, trim } from './text.ts';

export const callAudiences = ['all', 'overseas_natives'] as const;
export const callStatuses = ['draft', 'open', 'closed'] as const;

export type CallAudience = (typeof callAudiences)[number];
export type CallStatus = (typeof callStatuses)[number];

const text = (max: number) => z.string().check(trim, safeText, z.minLength(1), z.maxLength(max));

/** A point in time with its offset, or a date: a date means the end of that day in Vietnam. */
const openUntilSchema = z.union([
  z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date or date-time, such as 2026-12-31' }),
  z.iso.date(),
]);

const callShape = {
  title: text(200),
  description: text(5000),
  fieldCodes: z
    .array(
      z
        .string()
        .check(z.refine(isFieldOrGroupCode, 'Unknown field code; use a group ("2") or a field ("2.3")')),
    )
    .check(
      z.minLength(1, 'Give at least one field code'),
      z.maxLength(10, 'Give at most ten field codes'),
      z.refine((c) => new Set(c).size === c.length, 'Each field code may appear once'),
    ),
  engagement: z.enum(engagementModes),
  audience: z.enum(callAudiences),
  openUntil: openUntilSchema,
};

export const callBodySchema = z.strictObject(callShape);

export const callPatchSchema = z
  .partial(z.strictObject(callShape))
  .check(z.refine((p) => Object.keys(p).length > 0, 'Send at least one field to change'));

export const callTransitionSchema = z.strictObject({ to: z.enum(['open', 'closed']) });

export const callResponseBodySchema = z.strictObject({ message: text(2000) });

export const openCallsQuerySchema = z.strictObject({ limit: pageLimitParam, cursor: cursorParam });

export const staffCallsQuerySchema = z.strictObject({
  status: z.optional(z.enum(callStatuses)),
  limit: pageLimitParam,
  cursor: cursorParam,
});

export const callResponsesQuerySchema = openCallsQuerySchema;

export type CallBody = z.infer<typeof callBodySchema>;
export type CallPatch = z.infer<typeof callPatchSchema>;
export type CallTransition = z.infer<typeof callTransitionSchema>;
export type StaffCallsQuery = z.infer<typeof staffCallsQuerySchema>;
export type OpenCallsQuery = z.infer<typeof openCallsQuerySchema>;

/** A call as stored (openUntil always as a UTC instant, so it sorts as a string). */
export interface Call {
  id: string;
  title: string;
  description: string;
  fieldCodes: string[];
  engagement: EngagementMode;
  audience: CallAudience;
  openUntil: string;
  status: CallStatus;
  /** The creating agency; null when an administrator without an agency created it. */
  agency: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  openedAt?: string;
  closedAt?: string;
  version: number;
}

/** What anyone may see of an open call: no creator, agency internals or notification counts. */
export interface PublicCall {
  id: string;
  title: string;
  description: string;
  fieldCodes: string[];
  engagement: EngagementMode;
  audience: CallAudience;
  status: CallStatus;
  openUntil: string;
  openedAt?: string;
}

/** Progress of the mails that opening a call queued. */
export interface CallNotification {
  queued: number;
  done: boolean;
}

export type StaffCall = Call & { notification?: CallNotification };

/** "2026-12-31" → the last millisecond of that day in Vietnam (UTC+7), as a UTC instant. */
export function openUntilInstant(value: string): string {
  // Stryker disable next-line Regex: without ^, only text before a date differs; the schema admits none
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999+07:00` : value;
  return new Date(withTime).toISOString();
}

/** The status a reader should see: an open call past openUntil is closed. */
export function effectiveStatus(call: Pick<Call, 'status' | 'openUntil'>, now: Date): CallStatus {
  return call.status === 'open' && call.openUntil <= now.toISOString() ? 'closed' : call.status;
}

export const isOpen = (call: Pick<Call, 'status' | 'openUntil'>, now: Date): boolean =>
  effectiveStatus(call, now) === 'open';

export const callTransitions: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: [],
};

export const canTransition = (from: CallStatus, to: CallStatus): boolean =>
  callTransitions[from].includes(to);

/** Only drafts and open calls may be edited. */
export const isEditable = (status: CallStatus): boolean => status === 'draft' || status === 'open';

/** The creating agency or an administrator manages a call. */
export const canManageCall = (
  staff: { isAdmin: boolean; agency: string | null },
  call: Pick<Call, 'agency'>,
): boolean => staff.isAdmin || (staff.agency !== null && staff.agency === call.agency);

/** The field groups a call is about: "2.3" and "2" both mean group "2". */
export const callFieldGroups = (fieldCodes: readonly string[]): string[] =>
  [...new Set(fieldCodes.map(fieldGroupOf))].sort();

/** overseas_natives: experts who live abroad and are natives of the province. */
export const isOverseasNative = (p: Pick<ExpertProfile, 'location' | 'nativeOfProvince'>): boolean =>
  p.location.kind === 'overseas' && p.nativeOfProvince;

export const fitsAudience = (
  audience: CallAudience,
  p: Pick<ExpertProfile, 'location' | 'nativeOfProvince'>,
): boolean => audience === 'all' || isOverseasNative(p);

export function toPublicCall(call: Call, now: Date): PublicCall {
  return {
    id: call.id,
    title: call.title,
    description: call.description,
    fieldCodes: call.fieldCodes,
    engagement: call.engagement,
    audience: call.audience,
    status: effectiveStatus(call, now),
    openUntil: call.openUntil,
    ...(call.openedAt ? { openedAt: call.openedAt } : {}),
  };
}
