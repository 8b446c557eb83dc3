/** Response shapes of demands and of the experts that match them. */
import * as z from 'zod/mini';
import { day, instant } from './common-views.ts';
import { demandPriorities, demandStatuses } from './demand.ts';
import { academicTitles, degrees, engagementModes, languageLevels } from './expert.ts';
import { expertSummarySchema } from './expert-views.ts';
import { type MatchFactor, maxPoints, type ReasonCode } from './matching.ts';

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

const fieldCodes = z.array(z.string());
const modes = z.array(z.enum(engagementModes));
const noParams = z.strictObject({});

/** The typed `params` of each reason `code` (matching.ts ReasonFacts), for clients to render. */
const reasonParams = {
  field_exact: z.strictObject({ fields: fieldCodes }),
  field_group: z.strictObject({ fields: fieldCodes, groups: fieldCodes }),
  degree_meets: z.strictObject({ degree: z.enum(degrees), minDegree: z.enum(degrees) }),
  degree_above: z.strictObject({ degree: z.enum(degrees), minDegree: z.enum(degrees), levels: z.int() }),
  title: z.strictObject({ title: z.enum(academicTitles) }),
  experience_no_minimum: z.strictObject({ years: z.int() }),
  experience_meets: z.strictObject({ years: z.int(), minYears: z.int() }),
  experience_short: z.strictObject({ years: z.int(), minYears: z.int() }),
  languages_none_required: noParams,
  languages_assessed: z.strictObject({
    languages: z.array(
      z.strictObject({
        code: z.string(),
        minLevel: z.enum(languageLevels),
        level: z.nullable(z.enum(languageLevels)),
        standing: z.enum(['meets', 'one_below', 'below', 'missing']),
      }),
    ),
  }),
  engagement_as_asked: z.strictObject({ wanted: z.enum(engagementModes) }),
  engagement_partly: z.strictObject({ wanted: z.enum(engagementModes), modes }),
  engagement_not_open: z.strictObject({ wanted: z.enum(engagementModes), modes }),
  native_overseas: z.strictObject({ country: z.string() }),
  native_province: noParams,
  native_not: noParams,
  recency_days: z.strictObject({ days: z.int() }),
  recency_unknown: noParams,
  call_fields: z.strictObject({ covered: fieldCodes, of: z.int() }),
  call_field_groups: z.strictObject({ shared: fieldCodes, of: z.int() }),
} satisfies Record<ReasonCode, z.ZodMiniType>;

const reasonOf = <C extends ReasonCode>(code: C) =>
  z.strictObject({
    factor: z.enum(matchFactors),
    points: z.number(),
    code: z.literal(code),
    params: reasonParams[code],
    detail: z.string(),
  });

const [firstCode, ...otherCodes] = Object.keys(reasonParams) as [ReasonCode, ...ReasonCode[]];

/**
 * One factor of a score: `factor` and `code` are stable codes and `params` typed values for
 * clients to write in their reader's language; `detail` is English text.
 */
export const matchReasonSchema = z.discriminatedUnion('code', [
  reasonOf(firstCode),
  ...otherCodes.map((code) => reasonOf(code)),
]);

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
