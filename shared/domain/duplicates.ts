/**
 * Duplicate people: two records (roster entries, or a roster entry and a registered profile) that
 * may be one person. Same e-mail is certain; the same folded name with the same birth year, or
 * with the same employer and field group, is likely. A pair waits in the administrators' queue
 * until it is merged (field by field, the history kept) or marked distinct (never proposed again:
 * a pair's id is derived from its two records, so the same pair is the same item).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { RecordedActor } from './actor.ts';
import { instant, pageSchema } from './common-views.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import type { RosterPerson } from './roster.ts';
import { fieldGroupOf } from './taxonomy.ts';
import { foldVietnamese } from './text.ts';

export const recordKinds = ['roster', 'expert'] as const;
export type RecordKind = (typeof recordKinds)[number];
export interface RecordRef {
  kind: RecordKind;
  id: string;
}
export const refText = (ref: RecordRef) => `${ref.kind}:${ref.id}`;

export const duplicateReasonCodes = ['same_email', 'same_name_year', 'same_name_employer_field'] as const;
export type DuplicateReasonCode = (typeof duplicateReasonCodes)[number];
export type LikelyReasonCode = Exclude<DuplicateReasonCode, 'same_email'>;

export const duplicateReasons: Record<
  DuplicateReasonCode,
  { certainty: 'certain' | 'likely'; vi: string; en: string }
> = {
  same_email: { certainty: 'certain', vi: 'Cùng thư điện tử', en: 'Same e-mail' },
  same_name_year: { certainty: 'likely', vi: 'Cùng họ tên và năm sinh', en: 'Same name and birth year' },
  same_name_employer_field: {
    certainty: 'likely',
    vi: 'Cùng họ tên, cơ quan công tác và nhóm lĩnh vực',
    en: 'Same name, employer and field group',
  },
};

export const duplicateStatuses = ['open', 'merged', 'distinct'] as const;
export type DuplicateStatus = (typeof duplicateStatuses)[number];

/** One id per unordered pair of records: the same two records are always the same pair. */
export function duplicatePairId(a: RecordRef, b: RecordRef): string {
  const [x, y] = [refText(a), refText(b)].sort();
  return createHash('sha256').update(`${x}|${y}`, 'utf8').digest('hex').slice(0, 32);
}

/** The two records in a stable order: a profile first (it is the person's own), else by id. */
export function orderPair(x: RecordRef, y: RecordRef): [RecordRef, RecordRef] {
  if (x.kind !== y.kind) return x.kind === 'expert' ? [x, y] : [y, x];
  return refText(x) <= refText(y) ? [x, y] : [y, x];
}

/* ---------------------------------------------------------------------------------------------- */
/* Matching keys                                                                                   */

type Matchable = Pick<RosterPerson, 'fullName' | 'birthYear' | 'fields'> & {
  employer?: { name?: string };
};

/** The keys under which a person meets likely duplicates (none for a person without them). */
export function likelyKeys(person: Matchable): { key: string; code: LikelyReasonCode }[] {
  const name = foldVietnamese(person.fullName);
  const keys: { key: string; code: LikelyReasonCode }[] = [];
  if (person.birthYear !== undefined)
    keys.push({ key: `y|${name}|${person.birthYear}`, code: 'same_name_year' });
  const employer = foldVietnamese(person.employer?.name ?? '');
  if (employer) {
    for (const group of new Set(person.fields.map((f) => fieldGroupOf(f.code)))) {
      keys.push({ key: `e|${name}|${employer}|${group}`, code: 'same_name_employer_field' });
    }
  }
  return keys;
}

/** Records by their likely keys; `find` answers the first other record that shares one. */
export class LikelyDuplicateIndex<T> {
  private readonly byKey = new Map<string, T[]>();

  add(person: Matchable, value: T): void {
    for (const { key } of likelyKeys(person)) {
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, [value]);
      else if (!list.includes(value)) list.push(value);
    }
  }

  find(person: Matchable, isOther: (value: T) => boolean): { value: T; code: LikelyReasonCode } | undefined {
    for (const { key, code } of likelyKeys(person)) {
      const value = this.byKey.get(key)?.find(isOther);
      if (value !== undefined) return { value, code };
    }
    return undefined;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Merging                                                                                         */

/** What a merge can take from either side; the e-mail is who the record is, never moved. */
export const mergeableFields = [
  'fullName',
  'phone',
  'birthYear',
  'gender',
  'highestDegree',
  'academicTitle',
  'fields',
  'employer',
  'location',
  'nativeOfProvince',
  'hometown',
  'yearsExperience',
] as const;
export type MergeableField = (typeof mergeableFields)[number];

export const mergeDuplicateSchema = z.strictObject({
  /** The record that stays (a profile always stays: it is the person's own). */
  keep: z.enum(['a', 'b']),
  /** For each field, the side whose value the kept record takes; fields not named keep their value. */
  fields: z.optional(z.partialRecord(z.enum(mergeableFields), z.enum(['a', 'b']))),
});
export type MergeDuplicate = z.infer<typeof mergeDuplicateSchema>;

export const duplicatesQuerySchema = z.strictObject({
  status: z.optional(z.enum(duplicateStatuses)),
  limit: pageLimitParam,
  cursor: cursorParam,
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuerySchema>;

export interface FieldChange {
  field: MergeableField;
  before: unknown;
  after: unknown;
}

/**
 * The kept record's new values: each named field from the chosen side. Returns the changes only
 * (a field chosen from the kept side, or equal on both, changes nothing).
 */
export function mergedValues(
  kept: Record<string, unknown>,
  other: Record<string, unknown>,
  keep: 'a' | 'b',
  fields: Partial<Record<MergeableField, 'a' | 'b'>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of mergeableFields) {
    const side = fields[field];
    if (!side || side === keep) continue;
    const before = kept[field];
    const after = other[field];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes.push({ field, before: before ?? null, after: after ?? null });
  }
  return changes;
}

/* ---------------------------------------------------------------------------------------------- */
/* The pair                                                                                        */

export interface DuplicatePair {
  id: string;
  a: RecordRef;
  b: RecordRef;
  reason: DuplicateReasonCode;
  status: DuplicateStatus;
  /** Where it was found: an import's dry run and commit (with the row), or a registration. */
  detectedBy: { source: 'import'; importId: string; row: number } | { source: 'registration' };
  createdAt: string;
  resolvedBy?: RecordedActor;
  resolvedAt?: string;
  /** The merge, kept: which record stayed, which went, and each value replaced. */
  merge?: { kept: RecordRef; removed: RecordRef; changes: FieldChange[] };
  version: number;
}

const refView = z.strictObject({ kind: z.enum(recordKinds), id: z.string() });

/** One side as the queue shows it; contacts only in the single pair's view. */
export const duplicateRecordSchema = z.strictObject({
  kind: z.enum(recordKinds),
  id: z.string(),
  /** false when the record is gone (an erased profile, a deleted entry) */
  exists: z.boolean(),
  fullName: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  birthYear: z.optional(z.int()),
  gender: z.optional(z.string()),
  highestDegree: z.optional(z.string()),
  academicTitle: z.optional(z.string()),
  fields: z.optional(z.array(z.strictObject({ code: z.string(), specialization: z.optional(z.string()) }))),
  employer: z.optional(z.strictObject({ name: z.optional(z.string()), sector: z.optional(z.string()) })),
  location: z.optional(
    z.strictObject({ kind: z.string(), country: z.string(), city: z.optional(z.string()) }),
  ),
  nativeOfProvince: z.optional(z.boolean()),
  hometown: z.optional(z.string()),
  yearsExperience: z.optional(z.int()),
  /** roster entries: whose list and which import */
  source: z.optional(z.string()),
  importId: z.optional(z.string()),
  row: z.optional(z.int()),
  status: z.optional(z.string()),
});
export type DuplicateRecordView = z.infer<typeof duplicateRecordSchema>;

export const duplicateViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(duplicateStatuses),
  reason: z.strictObject({
    code: z.enum(duplicateReasonCodes),
    certainty: z.enum(['certain', 'likely']),
    vi: z.string(),
    en: z.string(),
  }),
  detectedBy: z.strictObject({
    source: z.enum(['import', 'registration']),
    importId: z.optional(z.string()),
    row: z.optional(z.int()),
  }),
  a: duplicateRecordSchema,
  b: duplicateRecordSchema,
  createdAt: instant,
  resolvedAt: z.optional(instant),
  merge: z.optional(
    z.strictObject({
      kept: refView,
      removed: refView,
      changes: z.array(z.strictObject({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});
export type DuplicateView = z.infer<typeof duplicateViewSchema>;
export const duplicatesPageSchema = pageSchema(duplicateViewSchema);

export function duplicateView(
  pair: DuplicatePair,
  a: DuplicateRecordView,
  b: DuplicateRecordView,
): DuplicateView {
  return {
    id: pair.id,
    status: pair.status,
    reason: { code: pair.reason, ...duplicateReasons[pair.reason] },
    detectedBy: pair.detectedBy,
    a,
    b,
    createdAt: pair.createdAt,
    ...(pair.resolvedAt ? { resolvedAt: pair.resolvedAt } : {}),
    ...(pair.merge ? { merge: pair.merge } : {}),
  };
}
