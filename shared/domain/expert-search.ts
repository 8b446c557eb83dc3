/** Search filters for HR (GET /api/experts) and the public directory, shared with the web form. */
import * as z from 'zod/mini';
import { academicTitles, degrees, engagementModes, locationKinds } from './expert.ts';
import { isFieldOrGroupCode } from './taxonomy.ts';
import { safeText } from './text.ts';

export const pageLimitParam = z.optional(
  z.string().check(z.regex(/^(100|[1-9][0-9]?)$/, 'Use a limit from 1 to 100')),
);
export const cursorParam = z.optional(z.string().check(z.maxLength(2000)));
const fieldParam = z.optional(
  z
    .string()
    .check(
      z.refine(isFieldOrGroupCode, 'Unknown field code; use a group such as "2" or a field such as "2.3"'),
    ),
);
const queryText = z.optional(z.string().check(z.trim(), safeText, z.maxLength(200)));

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
  limit: pageLimitParam,
  cursor: cursorParam,
});

export const directoryQuerySchema = z.strictObject({
  q: queryText,
  field: fieldParam,
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
