/**
 * Exports: HR search results and a demand's matches (no contacts), and the administrator's full
 * register in the import template's format (contacts included, so export → import round-trips).
 * Every export runs as a background job and is audited with who asked, when, the filter and the
 * row count; its file is downloaded through a link that expires.
 */
import * as z from 'zod/mini';
import type { RecordedActor } from './actor.ts';
import { instant } from './common-views.ts';
import type { ExpertSummary } from './expert.ts';
import { expertSearchQuerySchema } from './expert-search.ts';
import { vocabularies } from './roster.ts';
import { fieldLabel } from './taxonomy.ts';

export const exportKinds = ['search', 'matches', 'register'] as const;
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportKind = (typeof exportKinds)[number];
export type ExportFormat = (typeof exportFormats)[number];
export const exportStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** The search filters of GET /api/experts, without paging. */
export const exportQuerySchema = z.omit(expertSearchQuerySchema, { limit: true, cursor: true });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const createExportSchema = z
  .strictObject({
    kind: z.enum(exportKinds),
    format: z.enum(exportFormats),
    query: z.optional(exportQuerySchema),
    demandId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a demand id'))),
  })
  .check(
    z.refine((b) => b.kind === 'matches' || b.demandId === undefined, {
      message: 'demandId belongs to a matches export',
      path: ['demandId'],
    }),
    z.refine((b) => b.kind !== 'matches' || b.demandId !== undefined, {
      message: 'A matches export needs the demandId',
      path: ['demandId'],
    }),
    z.refine((b) => b.kind === 'search' || b.query === undefined, {
      message: 'query belongs to a search export',
      path: ['query'],
    }),
  );
export type CreateExport = z.infer<typeof createExportSchema>;

/** Rows an export holds at most; a bigger one is cut there and says so. */
export const maxExportRows = 50_000;

export interface ExportRecord {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  /** The filter as asked (JSON), for the audit and the record. */
  filter: string;
  status: ExportStatus;
  total: number;
  done: number;
  fileKey: string | null;
  requestedBy: RecordedActor;
  createdAt: string;
  updatedAt: string;
  error: string | null;
}

export const exportViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(exportKinds),
  format: z.enum(exportFormats),
  status: z.enum(exportStatuses),
  total: z.int(),
  done: z.int(),
  downloadUrl: z.nullable(z.string()),
  expiresAt: z.nullable(instant),
  createdAt: instant,
});
export const exportCreatedSchema = z.strictObject({ id: z.string() });
export type ExportView = z.infer<typeof exportViewSchema>;

const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'Có' : 'Không');
const fieldsText = (fields: { code: string }[]) =>
  fields.map((f) => `${f.code} ${fieldLabel(f.code)?.vi ?? ''}`.trim()).join('; ');

/** Search and match exports: the summary an HR officer sees, never e-mail, phone or birth year. */
export const summaryHeader = [
  'Mã hồ sơ / Id',
  'Họ và tên / Full name',
  'Học vị / Degree',
  'Học hàm / Title',
  'Lĩnh vực / Fields',
  'Chuyên ngành / Specialization',
  'Cơ quan công tác / Employer',
  'Nơi sinh sống / Location',
  'Quốc gia / Country',
  'Người địa phương / Native',
  'Số năm kinh nghiệm / Years of experience',
  'Ngoại ngữ / Languages',
];

export function summaryCells(s: ExpertSummary): string[] {
  return [
    s.id,
    s.fullName,
    vocabularies.highestDegree.vi[s.highestDegree],
    vocabularies.academicTitle.vi[s.academicTitle],
    fieldsText(s.fields),
    s.fields[0]?.specialization ?? '',
    s.employer?.name ?? '',
    vocabularies.locationKind.vi[s.location.kind],
    s.location.country,
    yesNo(s.nativeOfProvince),
    String(s.yearsExperience),
    s.languages.map((l) => `${l.code} ${l.level}`).join('; '),
  ];
}

export const matchHeader = ['Điểm / Score', 'Lý do / Reasons', ...summaryHeader];

export function matchCells(m: {
  expert: ExpertSummary;
  score: number;
  reasons: { factor: string; points: number }[];
}): string[] {
  return [
    String(m.score),
    m.reasons.map((r) => `${r.factor} ${r.points}`).join('; '),
    ...summaryCells(m.expert),
  ];
}
