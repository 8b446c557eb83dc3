/** Response shapes of demands and of the experts that match them. */
import * as z from 'zod/mini';
import { day, instant } from './common-views.ts';
import { demandPriorities, demandStatuses } from './demand.ts';
import { degrees, engagementModes, languageLevels } from './expert.ts';
import { expertSummarySchema } from './expert-views.ts';
import { type MatchFactor, maxPoints } from './matching.ts';

/** A demand as stored and shown, its optional fields filled with their defaults (Demand). */
export const demandSchema = z.strictObject({
  id: z.string(),
  /** The owner agency, from the creator's token. */
  agency: z.string(),
  title: z.string(),
  description: z.string(),
  fieldCodes: z.array(z.string()),
  minDegree: z.enum(degrees),
  minYearsExperience: z.int(),
  languages: z.array(z.strictObject({ code: z.string(), minLevel: z.enum(languageLevels) })),
  zone: z.string(),
  engagement: z.enum(engagementModes),
  headcount: z.int(),
  priority: z.enum(demandPriorities),
  policyIds: z.array(z.string()),
  openUntil: z.nullable(day),
  status: z.enum(demandStatuses),
  createdAt: instant,
  updatedAt: instant,
  version: z.int(),
});

const matchFactors = Object.keys(maxPoints) as [MatchFactor, ...MatchFactor[]];

/** One factor of a score: `factor` is a stable code for clients to translate, `detail` English text. */
export const matchReasonSchema = z.strictObject({
  factor: z.enum(matchFactors),
  points: z.number(),
  detail: z.string(),
});

/** GET /api/demands/{id}/matches: best first, ties by id; each score is the sum of its reasons' points. */
export const demandMatchesSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      expert: expertSummarySchema,
      score: z.number().check(z.gte(0), z.lte(100)),
      reasons: z.array(matchReasonSchema),
    }),
  ),
  /** How many experts pass the hard filters, all pages together. */
  total: z.int(),
  /** The same number as total (the name clients used before paging). */
  candidates: z.int(),
  /** Pass back as `?cursor=` for the next `limit` matches; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
