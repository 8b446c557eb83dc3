/** OpenAPI entries of the import, duplicate and export routes (see openapi.ts). */
import * as z from 'zod/mini';
import {
  duplicatesPageSchema,
  duplicatesQuerySchema,
  duplicateViewSchema,
  mergeDuplicateSchema,
} from '../domain/duplicates.ts';
import { createExportSchema, exportCreatedSchema, exportViewSchema } from '../domain/exports.ts';
import {
  createImportSchema,
  dryRunSchema,
  importCreatedSchema,
  importRowsPageSchema,
  importRowsQuerySchema,
  importViewSchema,
} from '../domain/imports.ts';
import type { OperationSchemas } from './openapi.ts';

const notNow = 'The import is not in a state that allows this step (the message says which it is in)';

export const importOperations: Record<string, OperationSchemas> = {
  'POST /api/imports': {
    summary: 'Start a spreadsheet import (administrators)',
    description:
      'Declares the file (`filename`, `contentType`, `size`); answers the import id and a URL to `PUT` ' +
      'the file to (CSV or XLSX, up to 20 MB; a presigned S3 URL in AWS, a local-server URL locally), ' +
      'valid for 15 minutes. Send the same Content-Type and exactly `size` bytes.',
    body: createImportSchema,
    success: 201,
    response: importCreatedSchema,
    errors: {
      400: 'Invalid body, or the file is not CSV/XLSX (`unsupported_file`), over 20 MB (`file_too_large`) or empty (`file_empty`)',
    },
    examples: {
      body: { filename: 'danh-sach.csv', contentType: 'text/csv', size: 20480 },
    },
  },
  'GET /api/imports/template': {
    summary: 'The import template (CSV, Vietnamese headers)',
    description:
      'A CSV (UTF-8 with BOM) holding the header row of the template; English column names and the ' +
      'field names are accepted too, and other headers can be mapped in the dry run.',
    response: z.string(),
  },
  'GET /api/imports/{id}': {
    summary: 'An import: status and progress',
    description:
      '`status` (awaiting_upload, analysing, analysed, committing, done, cancelled, failed, ' +
      'deleting_entries, entries_deleted), `total` rows, `done` rows committed, `failed` invalid rows, ' +
      'the per-verdict `counts` of the dry run and, for a refused file, `error` in Vietnamese and English.',
    response: importViewSchema,
  },
  'POST /api/imports/{id}/dry-run': {
    summary: 'Analyse the uploaded file (background); nothing is written',
    description:
      'Every row becomes create, update, unchanged, duplicate? or invalid with its reasons (vi and en); ' +
      '`mapping` maps headers the template does not name to its fields (or `ignore`). Send `{}` for none. ' +
      'Poll GET /api/imports/{id} until `analysed` or `failed`.',
    body: dryRunSchema,
    success: 202,
    response: importViewSchema,
    errors: { 409: notNow },
  },
  'GET /api/imports/{id}/rows': {
    summary: "The dry run's verdict on each row",
    description: 'In file order; `status` picks one verdict.',
    query: importRowsQuerySchema,
    response: importRowsPageSchema,
  },
  'POST /api/imports/{id}/commit': {
    summary: 'Write the create and update rows as roster entries (background)',
    description:
      'Runs once per import; progress in GET /api/imports/{id} (`done` of `total`). Each new entry ' +
      'with an e-mail gets one claim invitation, once ever.',
    success: 202,
    response: importViewSchema,
    errors: { 409: notNow },
  },
  'POST /api/imports/{id}/cancel': {
    summary: 'Cancel an import',
    description:
      'A running commit stops after its current page; entries written so far stay (see DELETE entries).',
    response: importViewSchema,
    errors: { 409: notNow },
  },
  'DELETE /api/imports/{id}/entries': {
    summary: "Delete the import's roster entries (background)",
    description: 'Deletes the unclaimed entries this import wrote last; claimed ones belong to their person.',
    success: 202,
    response: importViewSchema,
    errors: { 409: notNow },
  },

  'GET /api/duplicates': {
    summary: 'The duplicates queue (administrators)',
    description:
      'Pairs of records that may be one person, oldest first: roster entries and registered profiles, ' +
      'side by side without contacts, with the reason (same e-mail: certain; same name and birth year, or ' +
      'same name, employer and field group: likely). `status` open (default), merged or distinct.',
    query: duplicatesQuerySchema,
    response: duplicatesPageSchema,
  },
  'GET /api/duplicates/{id}': {
    summary: 'One pair with both full records (audited)',
    description: 'Contacts included; the read is audited, as a read of each registered profile in it.',
    response: duplicateViewSchema,
  },
  'POST /api/duplicates/{id}/merge': {
    summary: 'Merge a pair, field by field',
    description:
      '`keep` names the record that stays (a registered profile always stays); `fields` names, per ' +
      'field, the side whose value it takes. The other record is merged into it (an entry) or claimed by ' +
      'it (a profile); the values replaced stay on the pair (`merge.changes`). Audited.',
    body: mergeDuplicateSchema,
    response: duplicateViewSchema,
    errors: {
      400: 'Invalid body, or `keep` names the entry where the other record is a registered profile',
      409: 'The pair was resolved meanwhile (by another administrator), or one of its records changed',
    },
    examples: { body: { keep: 'a', fields: { phone: 'b', employer: 'b' } } },
  },
  'POST /api/duplicates/{id}/distinct': {
    summary: 'Mark a pair as two different people',
    description: 'The pair is never proposed again. Audited.',
    response: duplicateViewSchema,
    errors: { 409: 'The pair was resolved meanwhile' },
  },

  'POST /api/exports': {
    summary: 'Export search results, a demand’s matches or (administrators) the register',
    description:
      '`kind` search (with the filters of GET /api/experts in `query`), matches (with `demandId`) or ' +
      'register (administrators: every roster entry and every expert visible to agencies, in the import ' +
      "template's columns with contacts, so it imports back unchanged); `format` csv (UTF-8 with BOM, " +
      'cells that a spreadsheet would read as a formula are neutralised) or xlsx. Runs in the background; ' +
      'audited with who asked, when, the filter and the row count.',
    body: createExportSchema,
    success: 202,
    response: exportCreatedSchema,
    errors: {
      403: 'HR officers may export search results and matches only; the register is for administrators',
    },
    examples: { body: { kind: 'search', format: 'csv', query: { field: '2', minDegree: 'master' } } },
  },
  'GET /api/exports/{id}': {
    summary: 'An export: progress and, when done, its download link',
    description:
      'The requester’s own export (administrators: any). `downloadUrl` (presigned S3 URL in AWS, a ' +
      'local-server URL locally) expires at `expiresAt`; read the export again for a fresh one.',
    response: exportViewSchema,
  },
};
