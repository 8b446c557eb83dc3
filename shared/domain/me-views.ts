/** Response shapes of the expert's own routes that gather several resources: export and matches. */
import * as z from 'zod/mini';
import { callResponseSchema, publicCallSchema } from './call-views.ts';
import { instant } from './common-views.ts';
import { demandSchema, matchReasonSchema } from './demand-views.ts';
import { consentRecordSchema, expertProfileSchema } from './expert-views.ts';
import { expertOfferViewSchema } from './offer-views.ts';

/** Everything held about the expert (GET /api/me/export). */
export const expertDataExportSchema = z.strictObject({
  exportedAt: instant,
  profile: expertProfileSchema,
  consentHistory: z.array(consentRecordSchema),
  /** Every offer that names the expert, drafts included. */
  offers: z.array(expertOfferViewSchema),
  callResponses: z.array(callResponseSchema),
  /** Which agencies read the full profile, and when (null: an administrator without an agency). */
  profileViews: z.array(z.strictObject({ agency: z.nullable(z.string()), at: instant })),
});

/** What an expert may see of a demand that fits them: no priority, status or version. */
export const publicDemandSchema = z.pick(demandSchema, {
  id: true,
  agency: true,
  title: true,
  description: true,
  fieldCodes: true,
  minDegree: true,
  minYearsExperience: true,
  languages: true,
  zone: true,
  engagement: true,
  headcount: true,
  policyIds: true,
  openUntil: true,
});

const score = z.number().check(z.gte(0), z.lte(100));

/** GET /api/me/matches: open calls and open demands that fit the profile, best first. */
export const myMatchesSchema = z.strictObject({
  items: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('call'),
        call: publicCallSchema,
        score,
        reasons: z.array(matchReasonSchema),
      }),
      z.strictObject({
        kind: z.literal('demand'),
        demand: publicDemandSchema,
        score,
        reasons: z.array(matchReasonSchema),
      }),
    ]),
  ),
});
