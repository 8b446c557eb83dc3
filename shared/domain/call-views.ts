/** Response shapes of collaboration calls and the responses experts give to them. */
import * as z from 'zod/mini';
import { callAudiences, callStatuses } from './call.ts';
import { instant } from './common-views.ts';
import { engagementModes } from './expert.ts';
import { expertSummarySchema } from './expert-views.ts';

const publicCallShape = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  fieldCodes: z.array(z.string()),
  engagement: z.enum(engagementModes),
  audience: z.enum(callAudiences),
  /** The effective status: an open call past openUntil reads as closed. */
  status: z.enum(callStatuses),
  /** A UTC instant (a date sent as openUntil means the end of that day in Vietnam). */
  openUntil: instant,
  openedAt: z.optional(instant),
};

/** What anyone may see of an open call (PublicCall). */
export const publicCallSchema = z.strictObject(publicCallShape);

/** A call as staff see it, drafts included (StaffCall). */
export const staffCallSchema = z.strictObject({
  ...publicCallShape,
  /** The creating agency; null when an administrator without an agency created it. */
  agency: z.nullable(z.string()),
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
  closedAt: z.optional(instant),
  version: z.int(),
  /** Progress of the mails that opening the call queued (GET /api/calls/{id} only, once opened). */
  notification: z.optional(z.strictObject({ queued: z.int(), done: z.boolean() })),
});

/** The expert's own response to a call. */
export const callResponseSchema = z.strictObject({
  callId: z.string(),
  message: z.string(),
  respondedAt: instant,
});

/** A response as the creating agency sees it: the responder's summary while they keep the consent. */
export const callResponseForStaffSchema = z.strictObject({
  expert: expertSummarySchema,
  message: z.string(),
  respondedAt: instant,
});
