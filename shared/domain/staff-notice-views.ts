/** Response shapes of the staff notices (see staff-notice.ts); the OpenAPI document and tests use them. */
import * as z from 'zod/mini';
import { instant } from './common-views.ts';
import { expertSummarySchema } from './expert-views.ts';
import { staffNoticeKinds } from './staff-notice.ts';

export const staffNoticeSchema = z.strictObject({
  /** Opaque; ordered by time. */
  id: z.string(),
  kind: z.enum(staffNoticeKinds),
  at: instant,
  /** The demand's (offer) or the call's title, as it was when the expert answered. */
  title: z.string(),
  offerId: z.optional(z.string()),
  callId: z.optional(z.string()),
  expertId: z.string(),
  /** null once the expert no longer shares the profile with agencies (or erased it). */
  expert: z.nullable(expertSummarySchema),
  /** Whether the agency has seen it (an officer opened the notices page since). */
  seen: z.boolean(),
});
export type StaffNoticeView = z.infer<typeof staffNoticeSchema>;

export const staffNoticesPageSchema = z.strictObject({
  items: z.array(staffNoticeSchema),
  nextCursor: z.nullable(z.string()),
  /** Notices the agency has not seen, up to 100 (the badge shows 99+ beyond). */
  unseen: z.number(),
});
export type StaffNoticesPage = z.infer<typeof staffNoticesPageSchema>;

export const staffNoticesSeenResultSchema = z.strictObject({ unseen: z.number() });
