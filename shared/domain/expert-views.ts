/** Response shapes of experts: full profiles, summaries, directory entries, sessions. */
import * as z from 'zod/mini';
import { instant } from './common-views.ts';
import {
  academicTitles,
  degrees,
  engagementModes,
  expertStatuses,
  genders,
  languageLevels,
  leadershipPosts,
  locationKinds,
  sectors,
} from './expert.ts';
import { returnPathSchema } from './return-path.ts';

const fieldOfExpertise = z.strictObject({ code: z.string(), specialization: z.optional(z.string()) });
const location = z.strictObject({
  kind: z.enum(locationKinds),
  country: z.string(),
  city: z.optional(z.string()),
});
const language = z.strictObject({ code: z.string(), level: z.enum(languageLevels) });
const employer = z.strictObject({ name: z.optional(z.string()), sector: z.optional(z.enum(sectors)) });

/** `{"status": "check_email"}`, the same whether or not the address is registered. */
export const checkEmailSchema = z.strictObject({ status: z.literal('check_email') });

export const consentRecordSchema = z.strictObject({
  registry: z.boolean(),
  shareWithAgencies: z.boolean(),
  collaborationCalls: z.boolean(),
  publicDirectory: z.boolean(),
  textVersion: z.string(),
  /** SHA-256 of the consent text agreed to. */
  textHash: z.string(),
  at: instant,
});

/** The whole profile: what the expert sees of themselves and authorised staff see (ExpertProfile). */
export const expertProfileSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  phone: z.optional(z.string()),
  birthYear: z.optional(z.int()),
  gender: z.optional(z.enum(genders)),
  highestDegree: z.enum(degrees),
  academicTitle: z.optional(z.enum(academicTitles)),
  fields: z.array(fieldOfExpertise),
  location,
  nativeOfProvince: z.boolean(),
  hometown: z.optional(z.string()),
  employer: z.optional(employer),
  yearsExperience: z.int(),
  languages: z.optional(z.array(language)),
  publications: z.optional(z.int()),
  patents: z.optional(z.int()),
  engagement: z.array(z.enum(engagementModes)),
  bio: z.optional(z.string()),
  leadershipPost: z.optional(z.enum(leadershipPosts)),
  abroadSixMonths: z.optional(z.boolean()),
  status: z.enum(expertStatuses),
  consent: consentRecordSchema,
  createdAt: instant,
  updatedAt: instant,
  version: z.int(),
});

/** What HR sees in search results, matches and call responses: no e-mail, phone or birth year. */
export const expertSummarySchema = z.strictObject({
  id: z.string(),
  fullName: z.string(),
  highestDegree: z.enum(degrees),
  academicTitle: z.enum(academicTitles),
  fields: z.array(fieldOfExpertise),
  location,
  nativeOfProvince: z.boolean(),
  employer: z.optional(employer),
  yearsExperience: z.int(),
  languages: z.array(language),
  engagement: z.array(z.enum(engagementModes)),
  updatedAt: instant,
});

/** What anyone sees in the public directory of experts who opted in. */
export const directoryEntrySchema = z.strictObject({
  id: z.string(),
  fullName: z.string(),
  highestDegree: z.enum(degrees),
  academicTitle: z.enum(academicTitles),
  fields: z.array(fieldOfExpertise),
  country: z.string(),
});

export const openedSessionSchema = z.strictObject({
  /** Send as `Authorization: Bearer <sessionToken>`. */
  sessionToken: z.string(),
  expiresAt: instant,
  expert: expertProfileSchema,
  /** The page the link was mailed for (an offer, a call); absent for a plain login link. */
  returnTo: z.optional(returnPathSchema),
});

const facetCounts = z.record(z.string(), z.int());

/** Counts of the current query's matches per field group, degree, location kind and top countries. */
export const searchFacetsSchema = z.strictObject({
  fieldGroup: facetCounts,
  degree: facetCounts,
  locationKind: facetCounts,
  country: facetCounts,
});

/** A search page (HR search, the directory): the list envelope with the total and the facets. */
export const searchPageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    /** Every match of the query and filters, all pages together. */
    total: z.int(),
    facets: searchFacetsSchema,
  });
