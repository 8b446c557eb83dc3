/**
 * The spreadsheet import as a resource: the request bodies, the import record and its states, and
 * the response shapes. The rules for one row are roster.ts's.
 */
import * as z from 'zod/mini';
import type { RecordedActor } from './actor.ts';
import { instant, pageSchema } from './common-views.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import {
  type ImportFormat,
  maxImportBytes,
  type RowReason,
  type RowStatus,
  rosterColumnFields,
  rowStatuses,
} from './roster.ts';
import { safeText, trim } from './text.ts';

export const importStatuses = [
  'awaiting_upload',
  'analysing',
  'analysed',
  'committing',
  'done',
  'cancelled',
  'failed',
  'deleting_entries',
  'entries_deleted',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const createImportSchema = z.strictObject({
  filename: z.string().check(trim, safeText, z.minLength(1), z.maxLength(200)),
  contentType: z.string().check(trim, z.minLength(1), z.maxLength(200)),
  size: z.int().check(z.gte(0)),
  /** Whose list it is (a department, a university), kept on every entry; defaults to the filename. */
  source: z.optional(z.string().check(trim, safeText, z.minLength(1), z.maxLength(200))),
});
export type CreateImport = z.infer<typeof createImportSchema>;

/** The mapping step: a file header → a template field (or ignore), for headers the template does not name. */
export const dryRunSchema = z.strictObject({
  mapping: z.optional(
    z.record(z.string().check(z.maxLength(200)), z.enum([...rosterColumnFields, 'ignore'] as const)),
  ),
});
export type DryRunRequest = z.infer<typeof dryRunSchema>;

export const importRowsQuerySchema = z.strictObject({
  status: z.optional(z.enum(rowStatuses)),
  limit: pageLimitParam,
  cursor: cursorParam,
});
export type ImportRowsQuery = z.infer<typeof importRowsQuerySchema>;

export type RowCounts = Record<RowStatus, number>;
export const emptyCounts = (): RowCounts => ({
  create: 0,
  update: 0,
  unchanged: 0,
  'duplicate?': 0,
  invalid: 0,
});

export interface ImportRecord {
  id: string;
  status: ImportStatus;
  filename: string;
  contentType: string;
  size: number;
  format: ImportFormat;
  source: string;
  /** Data rows in the file (after the dry run). */
  total: number;
  /** Rows the commit has handled so far. */
  done: number;
  /** Rows that cannot be written (invalid), known after the dry run. */
  failed: number;
  /** Entries written and invitations queued by the commit. */
  written: number;
  invited: number;
  counts: RowCounts;
  /** Why the whole file was refused, or why the job stopped. */
  error: RowReason | null;
  /** The header row of the file and the mapping the dry run used (header → field). */
  columns: { header: string; field: string | null }[];
  /** Commit checkpoint: the last row handled. */
  cursor: number;
  /** Increases with every requested dry run (each is its own job). */
  dryRuns: number;
  createdBy: RecordedActor;
  createdAt: string;
  updatedAt: string;
}

/** One analysed row, as `GET /api/imports/{id}/rows` lists it. */
export interface ImportRow {
  row: number;
  line: number;
  status: RowStatus;
  reasons: RowReason[];
  /** The entry the row creates or updates (for duplicate? rows, the record it may duplicate). */
  entryId: string | null;
  fullName: string | null;
}

export const importTransitions: Record<'dryRun' | 'commit' | 'cancel' | 'deleteEntries', ImportStatus[]> = {
  dryRun: ['awaiting_upload', 'analysed', 'failed'],
  commit: ['analysed'],
  cancel: ['awaiting_upload', 'analysing', 'analysed', 'committing'],
  deleteEntries: ['done', 'cancelled'],
};

export const maxUploadBytes = maxImportBytes;

/* Response shapes (OpenAPI and tests) */

const reasonView = z.strictObject({
  code: z.string(),
  field: z.optional(z.string()),
  vi: z.string(),
  en: z.string(),
});

export const importCreatedSchema = z.strictObject({
  id: z.string(),
  uploadUrl: z.string(),
  expiresAt: instant,
});

export const importViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(importStatuses),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  source: z.string(),
  size: z.int(),
  total: z.int(),
  done: z.int(),
  failed: z.int(),
  written: z.int(),
  invited: z.int(),
  counts: z.strictObject({
    create: z.int(),
    update: z.int(),
    unchanged: z.int(),
    'duplicate?': z.int(),
    invalid: z.int(),
  }),
  error: z.nullable(reasonView),
  columns: z.array(z.strictObject({ header: z.string(), field: z.nullable(z.string()) })),
  createdAt: instant,
  updatedAt: instant,
});

export const importRowViewSchema = z.strictObject({
  row: z.int(),
  line: z.int(),
  status: z.enum(rowStatuses),
  reasons: z.array(reasonView),
  entryId: z.nullable(z.string()),
  fullName: z.nullable(z.string()),
});
export const importRowsPageSchema = pageSchema(importRowViewSchema);

export type ImportView = z.infer<typeof importViewSchema>;

export function importView(record: ImportRecord): ImportView {
  const { id, status, filename, format, source, size, total, done, failed, written, invited, counts, error } =
    record;
  return {
    id,
    status,
    filename,
    format,
    source,
    size,
    total,
    done,
    failed,
    written,
    invited,
    counts,
    error,
    columns: record.columns,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
