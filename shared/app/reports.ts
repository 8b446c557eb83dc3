/**
 * Periodic reports: an administrator freezes the statistics and target progress of a period at a
 * cut-off (audited); staff list them and download them as XLSX or CSV, unchanged ever after.
 */
import { randomUUID } from 'node:crypto';
import { auditPut } from '../db/audit.ts';
import { getReport, putReport, queryReports } from '../db/reports.ts';
import type { Actor } from '../domain/actor.ts';
import { recordedActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { NotFound } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import {
  compareReports,
  type Report,
  type ReportComparison,
  type ReportFigures,
  type ReportInput,
  type ReportSummary,
  registrationsInPeriod,
} from '../domain/report.ts';
import { statisticsView, targetsView } from './statistics.ts';

export async function createReport(input: ReportInput, actor: Actor, now: Date): Promise<Report> {
  const [statistics, targets] = await Promise.all([statisticsView(now), targetsView(now)]);
  const report: Report = {
    id: randomUUID(),
    ...input,
    cutOff: now.toISOString(),
    periodRegistrations: registrationsInPeriod(
      statistics.experts.registrationsByMonth,
      input.periodFrom,
      input.periodTo,
    ),
    statistics: statistics as unknown as ReportFigures['statistics'],
    targets: targets.targets.map(({ trend: _trend, ...target }) => target),
    createdBy: recordedActor(actor),
    createdAt: now.toISOString(),
  };
  await putReport(report, [
    auditPut(auditEvent('report.created', actor, `report:${report.id}`, now, { title: report.title })),
  ]);
  return report;
}

export async function readReport(id: string): Promise<Report> {
  const report = await getReport(id);
  if (!report) throw new NotFound('Report not found');
  return report;
}

export const listReports = (q: { limit?: string; cursor?: string }): Promise<Page<ReportSummary>> =>
  queryReports(q);

/** GET /api/reports/compare: two frozen reports side by side, every figure with its difference. */
export async function compareFrozenReports(a: string, b: string): Promise<ReportComparison> {
  const [first, second] = await Promise.all([readReport(a), readReport(b)]);
  return compareReports(first, second);
}
