/** Search filters for HR (GET /api/experts) and the public directory, shared with the web form. */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { ValidationFailed } from './errors.ts';
import { academicTitles, degrees, engagementModes, locationKinds } from './expert.ts';
import { type SearchFacets, searchSorts } from './expert-index.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { isFieldOrGroupCode } from './taxonomy.ts';
import { safeText, trim } from './text.ts';

const fieldParam = z.optional(
  z
    .string()
    .check(
      z.refine(isFieldOrGroupCode, 'Unknown field code; use a group such as "2" or a field such as "2.3"'),
    ),
);
/** relevance (the default with a query), name (the default without), updated (newest first). */
const sortParam = z.optional(z.enum(searchSorts));
const queryText = z.optional(z.string().check(trim, safeText, z.maxLength(200)));

export const expertSearchQuerySchema = z.strictObject({
  q: queryText,
  field: fieldParam,
  minDegree: z.optional(z.enum(degrees)),
  title: z.optional(z.enum(academicTitles)),
  locationKind: z.optional(z.enum(locationKinds)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'Use an ISO 3166 alpha-2 country code'))),
  native: z.optional(z.enum(['true', 'false'])),
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/, 'Use an ISO 639-1 language code'))),
  engagement: z.optional(z.enum(engagementModes)),
  sort: sortParam,
  limit: pageLimitParam,
  cursor: cursorParam,
});

export const directoryQuerySchema = z.strictObject({
  q: queryText,
  field: fieldParam,
  sort: sortParam,
  limit: pageLimitParam,
  cursor: cursorParam,
});

export type ExpertSearchQuery = z.infer<typeof expertSearchQuerySchema>;
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const pageLimit = (limit: string | undefined): number => (limit ? Number(limit) : 20);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A search page: the page, the number of matches (exact) and the facet counts of the query. */
export interface SearchPage<T> extends Page<T> {
  total: number;
  facets: SearchFacets;
}

/**
 * Cursors of pages computed in memory (search and matches): the offset of the next page and a
 * fingerprint of the query it belongs to, base64url. A cursor that does not decode, or that
 * belongs to another query, is the client's 400.
 */
const maxOffset = 1_000_000;

export function queryFingerprint(parts: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export const encodeOffsetCursor = (offset: number, fingerprint: string): string =>
  Buffer.from(JSON.stringify({ o: offset, f: fingerprint }), 'utf8').toString('base64url');

export function decodeOffsetCursor(cursor: string | undefined, fingerprint: string): number {
  if (cursor === undefined) return 0;
  const invalid = new ValidationFailed('Invalid cursor', [
    { path: 'cursor', message: 'Use the nextCursor of the previous page of the same query' },
  ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const { o, f } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as Record<
    string,
    unknown
  >;
  if (f !== fingerprint || !Number.isSafeInteger(o) || (o as number) < 0 || (o as number) > maxOffset) {
    throw invalid;
  }
  return o as number;
}

/** What a page is cut from: an array, or a search result that cuts only the page it is asked for. */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** One page of an ordered list of ids, and the cursor of the next one. */
export function pageOf<T>(
  ordered: Sliceable<T>,
  query: { cursor?: string; limit?: string },
  fingerprint: string,
): { page: T[]; offset: number; nextCursor: string | null } {
  const offset = decodeOffsetCursor(query.cursor, fingerprint);
  const end = offset + pageLimit(query.limit);
  return {
    page: ordered.slice(offset, end),
    offset,
    nextCursor: end < ordered.length ? encodeOffsetCursor(end, fingerprint) : null,
  };
}
