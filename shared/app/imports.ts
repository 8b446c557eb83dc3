/**
 * The spreadsheet import (administrators): create → upload (presigned URL) → dry run (background:
 * every row classified, nothing written) → commit (background: roster entries written in pages,
 * each page's progress checkpointed on the import, so a crashed run resumes without writing a row
 * twice) → done; cancellable, and an import's entries can be deleted again.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { auditPut } from '../db/audit.ts';
import {
  type DuplicateRef,
  deleteRows,
  getImport,
  type ImportPhase,
  listRows,
  putNewImport,
  putRows,
  rowsAfter,
  type StoredRow,
  transitionImport,
  updateImportIf,
} from '../db/imports.ts';
import { queueMails } from '../db/outbox.ts';
import {
  deleteEntriesOfImport,
  getEntryStates,
  invitedEmails,
  markInvited,
  putEntries,
  type RosterEntry,
  registeredEmails,
  rosterLikelyIndex,
} from '../db/roster.ts';
import type { Actor, StaffActor } from '../domain/actor.ts';
import { recordedActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { LikelyDuplicateIndex } from '../domain/duplicates.ts';
import { BadRequest, NotFound } from '../domain/errors.ts';
import {
  type CreateImport,
  type DryRunRequest,
  emptyCounts,
  type ImportRecord,
  type ImportRowsQuery,
  type ImportView,
  importTransitions,
  importView,
} from '../domain/imports.ts';
import {
  classifyRow,
  fileError,
  importFormatOf,
  isWrittenStatus,
  mapColumns,
  maxImportBytes,
  maxImportRows,
  missingRequiredColumns,
  type RosterPerson,
  type RowReason,
  readRosterRow,
  reason,
  rosterColumns,
  rosterContentHash,
  rosterEntryId,
  rosterIdentity,
} from '../domain/roster.ts';
import { fileStore } from '../files/file-store.ts';
import { readSpreadsheet } from '../files/spreadsheets.ts';
import { rosterInvitationMail } from '../mail/roster-messages.ts';
import { proposeImportDuplicates } from './duplicates.ts';

const uploadUrlSeconds = 15 * 60;
export const importFileKey = (id: string) => `imports/${id}`;

const importAudit = (actor: Actor, id: string, now: Date, detail: Record<string, string | number>) =>
  auditPut(auditEvent('experts.import', actor, `import:${id}`, now, detail));

export async function createImport(
  input: CreateImport,
  actor: StaffActor,
  now: Date,
): Promise<{ id: string; uploadUrl: string; expiresAt: string }> {
  const format = importFormatOf(input.filename, input.contentType);
  const wrongType = fileError('wrong_type');
  if (!format) {
    throw new BadRequest('unsupported_file', `${wrongType.vi} / ${wrongType.en}`, [
      { path: 'filename', message: wrongType.en },
    ]);
  }
  if (input.size > maxImportBytes) {
    const tooBig = fileError('too_big');
    throw new BadRequest('file_too_large', `${tooBig.vi} / ${tooBig.en}`, [
      { path: 'size', message: tooBig.en },
    ]);
  }
  if (input.size === 0) {
    const empty = fileError('empty');
    throw new BadRequest('file_empty', `${empty.vi} / ${empty.en}`, [{ path: 'size', message: empty.en }]);
  }
  const id = randomUUID();
  const record: ImportRecord = {
    id,
    status: 'awaiting_upload',
    filename: input.filename,
    contentType: input.contentType,
    size: input.size,
    format,
    source: input.source ?? input.filename,
    total: 0,
    done: 0,
    failed: 0,
    written: 0,
    invited: 0,
    counts: emptyCounts(),
    error: null,
    columns: [],
    cursor: 0,
    dryRuns: 0,
    createdBy: recordedActor(actor),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await putNewImport(record, [importAudit(actor, id, now, { step: 'created', format, size: input.size })]);
  const uploadUrl = await fileStore().uploadUrl(
    importFileKey(id),
    input.contentType,
    input.size,
    uploadUrlSeconds,
  );
  return { id, uploadUrl, expiresAt: new Date(now.getTime() + uploadUrlSeconds * 1000).toISOString() };
}

async function readImport(id: string): Promise<ImportRecord> {
  const record = await getImport(id);
  if (!record) throw new NotFound('Import not found');
  return record;
}

export const readImportView = async (id: string): Promise<ImportView> => importView(await readImport(id));

export async function listImportRows(id: string, query: ImportRowsQuery) {
  await readImport(id);
  return listRows(id, query);
}

export async function requestDryRun(id: string, request: DryRunRequest, _actor: StaffActor, now: Date) {
  const record = await readImport(id);
  const n = record.dryRuns + 1;
  await transitionImport(
    id,
    importTransitions.dryRun,
    'analysing',
    now,
    { dryRuns: n, mappingOverrides: request.mapping ?? {}, error: null },
    { job: { phase: 'dry-run', n } },
  );
  return readImportView(id);
}

export async function requestCommit(id: string, actor: StaffActor, now: Date) {
  await transitionImport(
    id,
    importTransitions.commit,
    'committing',
    now,
    { done: 0, cursor: 0 },
    {
      job: { phase: 'commit', n: 1 },
      extra: [importAudit(actor, id, now, { step: 'commit' })],
    },
  );
  return readImportView(id);
}

export async function cancelImport(id: string, actor: StaffActor, now: Date) {
  await transitionImport(
    id,
    importTransitions.cancel,
    'cancelled',
    now,
    {},
    {
      extra: [importAudit(actor, id, now, { step: 'cancelled' })],
    },
  );
  return readImportView(id);
}

export async function requestDeleteEntries(id: string, actor: StaffActor, now: Date) {
  await transitionImport(
    id,
    importTransitions.deleteEntries,
    'deleting_entries',
    now,
    {},
    {
      job: { phase: 'delete-entries', n: 1 },
      extra: [importAudit(actor, id, now, { step: 'delete-entries' })],
    },
  );
  return readImportView(id);
}

/* ---------------------------------------------------------------------------------------------- */
/* Background phases (functions/imports/run-import-job.ts)                                        */

export interface JobOptions {
  /** Asked between pages: true when the invocation is running out of time (or a test stops it). */
  shouldStop?: () => boolean;
  pageSize?: number;
  concurrency?: number;
}

/** The job a stream record's key names (`<id>#<phase>#<n>` after IMPORTJOB#), or undefined. */
export { parseJobKey as importJobOfKey } from '../db/imports.ts';

export async function runImportJob(
  importId: string,
  phase: ImportPhase,
  n: number,
  now: Date,
  options: JobOptions = {},
): Promise<{ finished: boolean }> {
  if (phase === 'dry-run') return runDryRun(importId, n, now);
  if (phase === 'commit') return runCommit(importId, now, options);
  const record = await getImport(importId);
  if (record?.status !== 'deleting_entries') return { finished: true };
  const deleted = await deleteEntriesOfImport(importId);
  await updateImportIf(importId, { status: 'deleting_entries' }, { status: 'entries_deleted', deleted }, now);
  return { finished: true };
}

async function failImport(id: string, n: number, error: RowReason, now: Date) {
  await updateImportIf(
    id,
    { status: 'analysing', field: 'dryRuns', equals: n },
    { status: 'failed', error },
    now,
  );
  return { finished: true };
}

interface ReadRow {
  row: number;
  line: number;
  person?: RosterPerson;
  reasons: RowReason[];
  legacyEncoding?: boolean;
}

/** Reads the uploaded file and classifies every row; writes only the row verdicts. */
export async function runDryRun(importId: string, n: number, now: Date): Promise<{ finished: boolean }> {
  const record = (await getImport(importId)) as
    | (ImportRecord & { mappingOverrides?: DryRunRequest['mapping'] })
    | undefined;
  if (record?.status !== 'analysing' || record.dryRuns !== n) return { finished: true };
  const bytes = await fileStore().read(importFileKey(importId));
  if (!bytes) return failImport(importId, n, fileError('not_uploaded'), now);
  if (bytes.length > maxImportBytes) return failImport(importId, n, fileError('too_big'), now);
  const sheet = await readSpreadsheet(record.format, bytes);
  if (!sheet.ok) return failImport(importId, n, fileError(sheet.error), now);
  if (sheet.rows.length > maxImportRows) return failImport(importId, n, fileError('too_many_rows'), now);
  const mapping = mapColumns(sheet.header, record.mappingOverrides ?? {});
  const fieldAt = new Map(Object.entries(mapping).map(([field, index]) => [index, field]));
  const columns = sheet.header.map((header, i) => ({ header, field: fieldAt.get(i) ?? null }));
  const missing = missingRequiredColumns(mapping);
  if (missing.length) {
    const names = missing.map((f) => rosterColumns.find((c) => c.field === f)?.vi ?? f).join(', ');
    await updateImportIf(importId, { status: 'analysing', field: 'dryRuns', equals: n }, { columns }, now);
    return failImport(importId, n, fileError('missing_columns', { columns: names }), now);
  }

  const read: ReadRow[] = sheet.rows.map((r, i) => {
    const reading = readRosterRow(r.cells, mapping, now);
    return {
      row: i + 1,
      line: r.line,
      ...(reading.ok ? { person: reading.person } : {}),
      reasons: reading.ok ? [] : reading.reasons,
      ...(r.legacyEncoding ? { legacyEncoding: true } : {}),
    };
  });
  const valid = read.filter((r) => r.person) as (ReadRow & { person: RosterPerson })[];
  const ids = valid.map((r) => rosterEntryId(r.person));
  const existing = await getEntryStates([...new Set(ids)]);
  const registered = await registeredEmails([
    ...new Set(valid.flatMap((r) => (r.person.email ? [r.person.email] : []))),
  ]);
  // Likely duplicates among the entries: their keys read once for the whole file (one query per
  // row made a 1,000-row dry run take ~70 s on a populated register).
  const entryIndex = await rosterLikelyIndex();

  const counts = emptyCounts();
  const firstByIdentity = new Map<string, number>();
  const fileIndex = new LikelyDuplicateIndex<{ row: number; identity: string; entryId: string }>();
  const rows: StoredRow[] = read.map((r) => {
    const person = r.person;
    if (!person) {
      counts.invalid++;
      return {
        row: r.row,
        line: r.line,
        status: 'invalid',
        reasons: r.reasons,
        entryId: null,
        fullName: null,
      };
    }
    const identity = rosterIdentity(person);
    const entryId = rosterEntryId(person);
    const inFile = fileIndex.find(person, (v) => v.identity !== identity);
    const inRegister = existing.has(entryId)
      ? undefined
      : entryIndex.find(person, (v) => v.entryId !== entryId);
    const likely = inFile ?? inRegister;
    const expertId = person.email ? registered.get(person.email) : undefined;
    const verdict = classifyRow({ ok: true, person }, person, {
      existing: existing.get(entryId),
      sameIdentityRow: firstByIdentity.get(identity),
      sameNameYearRow: inFile?.value.row,
      sameNameYearEntry: !!inRegister,
      registered: !!expertId,
      ...(likely ? { likelyCode: likely.code } : {}),
    });
    if (!firstByIdentity.has(identity)) firstByIdentity.set(identity, r.row);
    fileIndex.add(person, { row: r.row, identity, entryId });
    counts[verdict.status]++;
    const duplicateOf: DuplicateRef | undefined =
      verdict.status !== 'duplicate?' || firstByIdentity.get(identity) !== r.row
        ? undefined
        : expertId
          ? { kind: 'expert', id: expertId, code: 'same_email' }
          : inFile
            ? { kind: 'roster', id: inFile.value.entryId, code: inFile.code }
            : inRegister
              ? { kind: inRegister.value.kind, id: inRegister.value.id, code: inRegister.code }
              : undefined;
    return {
      row: r.row,
      line: r.line,
      status: verdict.status,
      reasons: [...verdict.reasons, ...(r.legacyEncoding ? [reason('encoding')] : [])],
      entryId,
      fullName: person.fullName,
      person,
      contentHash: rosterContentHash(person),
      ...(duplicateOf ? { duplicateOf } : {}),
    };
  });
  await putRows(importId, rows, now);
  if (record.total > rows.length) await deleteRows(importId, rows.length + 1, record.total);
  await updateImportIf(
    importId,
    { status: 'analysing', field: 'dryRuns', equals: n },
    { status: 'analysed', total: rows.length, failed: counts.invalid, counts, columns, done: 0, cursor: 0 },
    now,
  );
  return { finished: true };
}

// A page is one Query of rows (up to 1 MB). 1,000 rows are 40 BatchWriteItem requests, so the
// eight writers stay busy; 250 were 10, and the second round of each page ran two of eight.
const defaultPageSize = 1000;

/**
 * Writes the create and update rows page by page. Each page first reads the entries it would
 * write: one already holding the row's data was written by an earlier (crashed or duplicated)
 * run and is left alone, as is its invitation (the INVITE# marker, then the outbox's own id).
 * The checkpoint moves only from the cursor this run read, so two runs never count a page twice.
 */
export async function runCommit(
  importId: string,
  now: Date,
  options: JobOptions = {},
): Promise<{ finished: boolean }> {
  let record = await getImport(importId);
  const { appUrl } = config();
  while (record && record.status === 'committing') {
    if (options.shouldStop?.()) return { finished: false };
    const page = await rowsAfter(importId, record.cursor, options.pageSize ?? defaultPageSize);
    if (page.length === 0) {
      await updateImportIf(
        importId,
        { status: 'committing', field: 'cursor', equals: record.cursor },
        { status: 'done' },
        now,
      );
      return { finished: true };
    }
    // A likely duplicate is written too, as an entry of its own, and waits in the duplicates queue.
    const writable = page.filter(
      (r): r is StoredRow & { person: RosterPerson; entryId: string; contentHash: string } =>
        (isWrittenStatus(r.status) || !!r.duplicateOf) && !!r.person && !!r.entryId && !!r.contentHash,
    );
    const states = await getEntryStates(writable.map((r) => r.entryId));
    const toWrite = writable.filter((r) => {
      const state = states.get(r.entryId);
      return !state || (!state.claimedBy && !state.mergedInto && state.contentHash !== r.contentHash);
    });
    const entries: RosterEntry[] = toWrite.map((r) => ({
      ...r.person,
      id: r.entryId,
      source: record?.source ?? '',
      importId,
      row: r.row,
      status: 'roster',
      contentHash: r.contentHash,
      createdAt: states.get(r.entryId)?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    }));
    await putEntries(entries, options.concurrency ?? 8);
    await proposeImportDuplicates(
      importId,
      writable.filter((r) => !states.get(r.entryId)?.claimedBy && !states.get(r.entryId)?.mergedInto),
      now,
    );

    const inviteCandidates = writable.filter((r) => r.status === 'create' && r.person.email);
    const emails = inviteCandidates.map((r) => r.person.email as string);
    const alreadyInvited = await invitedEmails(emails);
    const toInvite = inviteCandidates.filter((r) => !alreadyInvited.has(r.person.email as string));
    await queueMails(
      toInvite.map((r) => ({
        id: `roster-invite-${r.entryId}`,
        mail: rosterInvitationMail(
          r.person as RosterPerson & { email: string },
          record?.source ?? '',
          appUrl,
        ),
      })),
      now,
      { skipQueued: true },
    );
    await markInvited(
      toInvite.map((r) => r.person.email as string),
      importId,
      now,
    );

    const last = page[page.length - 1].row;
    const advanced = await updateImportIf(
      importId,
      { status: 'committing', field: 'cursor', equals: record.cursor },
      {
        cursor: last,
        done: record.done + page.length,
        written: record.written + entries.length,
        invited: record.invited + toInvite.length,
      },
      now,
    );
    record = await getImport(importId);
    if (!advanced && record?.status === 'committing') continue; // another run moved it; go on from there
  }
  return { finished: true };
}
