/**
 * Exports (HR officers and administrators): asked for with POST /api/exports, run in the
 * background from the stream, downloaded through an expiring link. Search and match exports use
 * the same service functions as the search and match routes, so they show exactly what an officer
 * may see (no contacts); the register export (administrators) writes the import template's
 * columns, contacts included, so it imports back unchanged. Every export is audited when asked
 * for and, with its row count, when its file is ready.
 */
import { randomUUID } from 'node:crypto';
import { auditPut } from '../db/audit.ts';
import { getExperts } from '../db/experts.ts';
import { getExport, putNewExport, updateExport } from '../db/exports.ts';
import { rosterEntryPages } from '../db/roster.ts';
import type { Actor, StaffActor } from '../domain/actor.ts';
import { recordedActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { Forbidden, NotFound } from '../domain/errors.ts';
import type { ExpertProfile } from '../domain/expert.ts';
import {
  type CreateExport,
  type ExportRecord,
  type ExportView,
  matchCells,
  matchHeader,
  maxExportRows,
  summaryCells,
  summaryHeader,
} from '../domain/exports.ts';
import { csvDocument, type RosterPerson, rosterHeaderRow, rosterRowCells } from '../domain/roster.ts';
import { fileStore } from '../files/file-store.ts';
import { writeXlsx } from '../files/spreadsheets.ts';
import { readDemand } from './demands.ts';
import { searchExperts } from './expert-search.ts';
import { matchesForDemand } from './matching.ts';

const downloadSeconds = 15 * 60;
const progressEvery = 500;

const exportAudit = (
  actor: Actor,
  record: ExportRecord,
  now: Date,
  detail: Record<string, string | number>,
) =>
  auditPut(
    auditEvent('experts.export', actor, `export:${record.id}`, now, {
      kind: record.kind,
      format: record.format,
      filter: record.filter,
      ...detail,
    }),
  );

export async function createExport(
  body: CreateExport,
  actor: StaffActor,
  now: Date,
): Promise<{ id: string }> {
  if (body.kind === 'register' && !actor.isAdmin) {
    throw new Forbidden('Administrators only: the register export holds contacts');
  }
  if (body.kind === 'matches') await readDemand(body.demandId ?? '');
  const record: ExportRecord = {
    id: randomUUID(),
    kind: body.kind,
    format: body.format,
    filter: JSON.stringify(
      body.kind === 'search'
        ? (body.query ?? {})
        : body.kind === 'matches'
          ? { demandId: body.demandId }
          : {},
    ),
    status: 'queued',
    total: 0,
    done: 0,
    fileKey: null,
    requestedBy: recordedActor(actor),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    error: null,
  };
  await putNewExport(record, now, [exportAudit(actor, record, now, { step: 'requested' })]);
  return { id: record.id };
}

/** The requester's (or any administrator's) export; someone else's is not found. */
export async function readExportView(id: string, actor: StaffActor, now: Date): Promise<ExportView> {
  const record = await getExport(id);
  if (!record || (!actor.isAdmin && record.requestedBy.id !== actor.sub))
    throw new NotFound('Export not found');
  const ready = record.status === 'done' && record.fileKey;
  return {
    id: record.id,
    kind: record.kind,
    format: record.format,
    status: record.status,
    total: record.total,
    done: record.done,
    downloadUrl: ready
      ? await fileStore().downloadUrl(record.fileKey as string, downloadName(record), downloadSeconds)
      : null,
    expiresAt: ready ? new Date(now.getTime() + downloadSeconds * 1000).toISOString() : null,
    createdAt: record.createdAt,
  };
}

const downloadName = (r: ExportRecord) => `${r.kind}-${r.createdAt.slice(0, 10)}.${r.format}`;

function personOfProfile(p: ExpertProfile): RosterPerson {
  return {
    fullName: p.fullName,
    email: p.email,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.birthYear ? { birthYear: p.birthYear } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    highestDegree: p.highestDegree,
    ...(p.academicTitle ? { academicTitle: p.academicTitle } : {}),
    fields: p.fields,
    ...(p.employer ? { employer: p.employer } : {}),
    location: { kind: p.location.kind, country: p.location.country },
    nativeOfProvince: p.nativeOfProvince,
    ...(p.hometown ? { hometown: p.hometown } : {}),
    yearsExperience: p.yearsExperience,
  };
}

async function* exportRows(record: ExportRecord, now: Date): AsyncGenerator<string[][]> {
  const filter = JSON.parse(record.filter) as Record<string, string>;
  if (record.kind === 'matches') {
    // Page by page, as the route answers (100 a page), up to the export's row limit.
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = await matchesForDemand(
        filter.demandId ?? '',
        { limit: '100', ...(cursor ? { cursor } : {}) },
        now,
      );
      yield page.items.map(matchCells);
      rows += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows < maxExportRows);
    return;
  }
  if (record.kind === 'search') {
    let cursor: string | undefined;
    do {
      const page = await searchExperts({ ...filter, limit: '100', ...(cursor ? { cursor } : {}) });
      yield page.items.map(summaryCells);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return;
  }
  // The register: roster entries, then the registered experts officers may see, with contacts.
  for await (const entries of rosterEntryPages()) yield entries.map(rosterRowCells);
  let cursor: string | undefined;
  do {
    const page = await searchExperts({ limit: '100', ...(cursor ? { cursor } : {}) });
    const profiles = await getExperts(page.items.map((s) => s.id));
    yield page.items.flatMap((s) => {
      const p = profiles.get(s.id);
      return p ? [rosterRowCells(personOfProfile(p))] : [];
    });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const headerOf = (record: ExportRecord) =>
  record.kind === 'register' ? rosterHeaderRow() : record.kind === 'matches' ? matchHeader : summaryHeader;

/** Runs a queued export once (a repeated stream record finds it started); never throws for bad data. */
export async function runExport(id: string, now: Date): Promise<ExportRecord['status'] | undefined> {
  const record = await getExport(id);
  if (record?.status !== 'queued') return record?.status;
  await updateExport(id, { status: 'running' }, now);
  const rows: string[][] = [];
  let reported = 0;
  for await (const page of exportRows(record, now)) {
    rows.push(...page.slice(0, maxExportRows - rows.length));
    if (rows.length - reported >= progressEvery) {
      reported = rows.length;
      await updateExport(id, { done: rows.length }, new Date());
    }
    if (rows.length >= maxExportRows) break;
  }
  const table = [headerOf(record), ...rows];
  const fileKey = `exports/${id}.${record.format}`;
  const body =
    record.format === 'csv' ? Buffer.from(csvDocument(table), 'utf8') : await writeXlsx('Danh sách', table);
  await fileStore().write(
    fileKey,
    body,
    record.format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const finished = new Date();
  await updateExport(id, { status: 'done', total: rows.length, done: rows.length, fileKey }, finished, [
    exportAudit({ kind: 'system', id: 'export' }, record, finished, {
      step: 'done',
      rowCount: rows.length,
      requestedBy: record.requestedBy.id,
    }),
  ]);
  return 'done';
}

export async function failExport(id: string, now: Date): Promise<void> {
  await updateExport(
    id,
    { status: 'failed', error: 'The export could not be written; ask for it again' },
    now,
  );
}
