/**
 * Response shapes of the statistics, report and audit routes (GET /api/stats, /api/stats/targets,
 * /api/reports*, /api/audit). A count of null is a group of fewer than five people, hidden.
 */
import * as z from 'zod/mini';
import { instant } from './common-views.ts';
import { targetSchema } from './meta-views.ts';

/** `{value: n}`; null where the group has fewer than five people. */
const counts = z.record(z.string(), z.nullable(z.number()));
const month = z.string().check(z.regex(/^\d{4}-\d{2}$/));
const trend = z.array(z.strictObject({ month, value: z.nullable(z.number()) }));
const withHeadcount = z.record(
  z.string(),
  z.strictObject({ count: z.number(), headcount: z.number(), filled: z.optional(z.nullable(z.number())) }),
);
const withValue = z.record(
  z.string(),
  z.strictObject({ count: z.nullable(z.number()), valueVnd: z.nullable(z.number()) }),
);

export const statisticsSchema = z.strictObject({
  asOf: instant,
  minGroupSize: z.int(),
  experts: z.strictObject({
    total: z.nullable(z.number()),
    bySource: counts,
    status: counts,
    degree: counts,
    title: counts,
    fieldGroup: counts,
    field: counts,
    locationKind: counts,
    country: counts,
    native: counts,
    gender: counts,
    ageBand: counts,
    sector: counts,
    engagement: counts,
    leadershipPost: counts,
    abroadSixMonths: counts,
    consent: counts,
    registrationsByMonth: trend,
  }),
  demands: z.strictObject({
    total: z.number(),
    headcount: z.number(),
    filled: z.nullable(z.number()),
    byStatus: withHeadcount,
    byZone: withHeadcount,
    byAgency: withHeadcount,
  }),
  offers: z.strictObject({
    total: z.number(),
    valueVnd: z.number(),
    byState: withValue,
    byPolicy: withValue,
    byZone: withValue,
  }),
  calls: z.strictObject({
    total: z.number(),
    byStatus: z.record(z.string(), z.number()),
    responses: z.nullable(z.number()),
  }),
  funnel: z.strictObject({
    demandHeadcount: z.number(),
    offersDrafted: z.nullable(z.number()),
    offersSent: z.nullable(z.number()),
    accepted: z.nullable(z.number()),
  }),
});

export const targetProgressSchema = z.extend(targetSchema, {
  /** The count, or the share in percent; null while fewer than five people are measured. */
  current: z.nullable(z.number()),
  /** current ÷ the target (for a range, its lower end); 1 = met. */
  share: z.nullable(z.number()),
  trend,
});

export const targetsSchema = z.strictObject({
  asOf: instant,
  minGroupSize: z.int(),
  targets: z.array(targetProgressSchema),
});

const difference = z.strictObject({
  scope: z.string(),
  name: z.string(),
  counted: z.number(),
  actual: z.number(),
});

/** POST /api/stats/recount: the job started (or resumed). */
export const recountStartedSchema = z.strictObject({ id: z.string(), status: z.string() });

/** GET /api/stats/recount/{id}: a recount job, its progress and what it found. */
export const recountJobSchema = z.strictObject({
  id: z.string(),
  status: z.enum(['queued', 'running', 'paused', 'done', 'failed']),
  trigger: z.enum(['admin', 'schedule']),
  requestedBy: z.optional(z.string()),
  createdAt: instant,
  updatedAt: instant,
  startedAt: z.optional(instant),
  finishedAt: z.optional(instant),
  progress: z.strictObject({ counted: z.number(), expected: z.number() }),
  differences: z.array(difference),
  repaired: z.array(z.string()),
  busy: z.array(z.string()),
  resumed: z.number(),
  error: z.optional(z.string()),
});

const actor = z.strictObject({
  kind: z.enum(['staff', 'expert', 'system']),
  id: z.string(),
  agency: z.optional(z.nullable(z.string())),
});

export const reportSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  cutOff: instant,
  createdAt: instant,
});

/** A frozen report: the figures of GET /api/stats and the targets' progress at its cut-off. */
export const reportSchema = z.extend(reportSummarySchema, {
  periodRegistrations: z.nullable(z.number()),
  createdBy: actor,
  statistics: statisticsSchema,
  targets: z.array(z.omit(targetProgressSchema, { trend: true })),
});

export const auditEventSchema = z.strictObject({
  id: z.string(),
  at: instant,
  action: z.string(),
  actor,
  target: z.string(),
  detail: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});

export type StatisticsView = z.infer<typeof statisticsSchema>;
export type TargetsView = z.infer<typeof targetsSchema>;
export type TargetProgress = z.infer<typeof targetProgressSchema>;

const comparedCell = z.strictObject({
  a: z.nullable(z.union([z.string(), z.number()])),
  b: z.nullable(z.union([z.string(), z.number()])),
  difference: z.nullable(z.number()),
});

/** GET /api/reports/compare: two frozen reports side by side, table by table. */
export const reportComparisonSchema = z.strictObject({
  a: reportSummarySchema,
  b: reportSummarySchema,
  tables: z.array(
    z.strictObject({
      name: z.string(),
      headers: z.array(z.string()),
      rows: z.array(
        z.strictObject({
          key: z.string(),
          cells: z.array(comparedCell),
          onlyIn: z.optional(z.enum(['a', 'b'])),
        }),
      ),
    }),
  ),
});

export type RecountJobView = z.infer<typeof recountJobSchema>;
export type ReportComparisonView = z.infer<typeof reportComparisonSchema>;
