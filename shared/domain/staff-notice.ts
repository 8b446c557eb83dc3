/**
 * Notices to an agency's staff that an expert answered: an offer accepted or declined, a response
 * to a call. The console counts the unseen ones in a badge; the officer who sent the offer or
 * created the call is also mailed (shared/app/staff-notices.ts).
 */
import * as z from 'zod/mini';
import { cursorParam, pageLimitParam } from './paging.ts';

export const staffNoticeKinds = ['offer_accepted', 'offer_declined', 'call_response'] as const;
export type StaffNoticeKind = (typeof staffNoticeKinds)[number];

export const staffNoticesQuerySchema = z.strictObject({ limit: pageLimitParam, cursor: cursorParam });
export type StaffNoticesQuery = z.infer<typeof staffNoticesQuerySchema>;

/** POST /api/staff/notices/seen: the newest notice the officer was shown. */
export const staffNoticesSeenSchema = z.strictObject({
  upTo: z.string().check(z.regex(/^N#[^\s]{1,300}$/, 'Use the id of a notice')),
});
export type StaffNoticesSeen = z.infer<typeof staffNoticesSeenSchema>;
