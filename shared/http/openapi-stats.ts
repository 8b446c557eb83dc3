/** OpenAPI entries of the statistics, report and audit routes (see openapi.ts). */
import { auditQuerySchema } from '../domain/audit.ts';
import { pageSchema } from '../domain/common-views.ts';
import { reportComparisonQuerySchema, reportInputSchema, reportListQuerySchema } from '../domain/report.ts';
import {
  auditEventSchema,
  recountJobSchema,
  recountStartedSchema,
  reportComparisonSchema,
  reportSchema,
  reportSummarySchema,
  statisticsSchema,
  targetsSchema,
} from '../domain/statistics-views.ts';
import type { OperationSchemas } from './openapi.ts';

const suppressed =
  'A count of `null` is a group of fewer than five people, hidden so no one can be singled out.';

export const statsOperations: Record<string, OperationSchemas> = {
  'GET /api/stats': {
    summary: 'Programme statistics, kept current from the table stream (staff)',
    description:
      'Counts over all active people (not only those visible to agencies), by source, status, degree, ' +
      'title, field group and field, location, native, gender, age band, sector, engagement, leadership ' +
      'post and time abroad; registrations by month; demands, offers (VND) and calls; the attraction ' +
      `funnel. \`asOf\` is the time of the last counted change. ${suppressed} Reads a fixed handful of items.`,
    response: statisticsSchema,
  },
  'GET /api/stats/targets': {
    summary: "Progress against the province's targets (staff)",
    description:
      'Each target of the province configuration that names its source document: baseline, current ' +
      'value, share met (current ÷ target; for a range, its lower end) and the monthly trend. ' +
      suppressed,
    response: targetsSchema,
  },
  'POST /api/stats/recount': {
    summary: 'Start a recount of the statistics in the background (administrators)',
    description:
      'Records a recount job and starts the recount function asynchronously; 202 with the job id. The ' +
      'job counts every counted item from scratch page by page (checkpointed, so a run that dies is ' +
      'resumed), rewrites the counters that differ and records each difference; follow it with ' +
      '`GET /api/stats/recount/{id}`. One runs at a time: 409 while another is running, with its id in ' +
      '`details[0].message`. The same job runs weekly. Audited.',
    success: 202,
    response: recountStartedSchema,
  },
  'GET /api/stats/recount/{id}': {
    summary: 'A recount job: status, progress and the differences it found (administrators)',
    description:
      "`progress.counted` of about `progress.expected` items (the counters' own totals when the scan " +
      'began). Once `done`: every difference (`scope`, `name`, what the counter said, what the table ' +
      'holds), the counter items repaired, and those left `busy` because the stream kept changing them.',
    response: recountJobSchema,
  },
  'POST /api/reports': {
    summary: 'Freeze a report for a period (administrators)',
    description:
      'Stores the statistics and target progress as they are now (the cut-off), with the title and ' +
      'period, unchanged ever after. Audited.',
    body: reportInputSchema,
    success: 201,
    response: reportSchema,
    examples: {
      body: { title: 'Sơ kết 6 tháng đầu năm 2027', periodFrom: '2027-01-01', periodTo: '2027-06-30' },
    },
  },
  'GET /api/reports': {
    summary: 'Frozen reports, newest first (staff)',
    description: 'Title, period and cut-off of each report.',
    query: reportListQuerySchema,
    response: pageSchema(reportSummarySchema),
  },
  'GET /api/reports/compare': {
    summary: 'Two frozen reports side by side (staff)',
    description:
      'Every table of the two reports (as in their files), rows matched by their first cell: each figure ' +
      'of `a` and of `b` and the difference b − a. A hidden small group stays hidden (null), and so does ' +
      'its difference; a row only one report has is marked `onlyIn`.',
    query: reportComparisonQuerySchema,
    response: reportComparisonSchema,
  },
  'GET /api/reports/{id}': {
    summary: 'One frozen report; `{id}.xlsx` and `{id}.csv` download it (staff)',
    description:
      'JSON by default. With `.xlsx` appended to the id: a workbook with one sheet per table, Vietnamese ' +
      'headers, numbers as numbers. With `.csv`: every table under its name, UTF-8 with BOM. A hidden ' +
      'small group reads "< 5".',
    response: reportSchema,
  },
  'GET /api/audit': {
    summary: 'The audit log (administrators)',
    description:
      'Profile reads and exports, consent changes, offer and call transitions, policy changes and admin ' +
      'actions, newest first; by `actor` (id), `target` (e.g. `expert:<id>`), `action`, and `from`/`to` ' +
      '(dates or date-times; without `from`, the last twelve months). A cursor from another query is a 400.',
    query: auditQuerySchema,
    response: pageSchema(auditEventSchema),
  },
};
