/**
 * The expert profile: one zod schema per payload, shared by the handlers, the OpenAPI document
 * and the web form. zod/mini keeps the Lambda bundles small (cold start budget).
 */
import * as z from 'zod/mini';
import {
  academicTitles,
  degrees,
  engagementModes,
  type expertStatuses,
  genders,
  languageLevels,
  leadershipPosts,
  locationKinds,
  sectors,
} from './expert-codes.ts';
import { optionalShape } from './patch-shape.ts';
import { isFieldCode } from './taxonomy.ts';
import { safeText, trim } from './text.ts';

export * from './expert-codes.ts';

export type Degree = (typeof degrees)[number];
export type AcademicTitle = (typeof academicTitles)[number];
export type LanguageLevel = (typeof languageLevels)[number];
export type EngagementMode = (typeof engagementModes)[number];
export type ExpertStatus = (typeof expertStatuses)[number];
export type LeadershipPost = (typeof leadershipPosts)[number];

/** bachelor < master < doctorate, as numbers for comparisons and sort keys. */
export const degreeRank = (degree: Degree): number => degrees.indexOf(degree) + 1;
export const titleRank = (title: AcademicTitle): number => academicTitles.indexOf(title);
// Stryker disable next-line ArithmeticOperator: only differences of level ranks are used
export const languageLevelRank = (level: LanguageLevel): number => languageLevels.indexOf(level) + 1;

// Schemas and checks used in several places are built once (zod instances are immutable and keep
// no state of where they are used; each costs ~30 µs at a cold start).
const text = (max: number) => z.string().check(trim, safeText, z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.optional(z.string().check(trim, safeText, z.maxLength(max)));
const optionalText200 = optionalText(200);
const count = z.int().check(z.gte(0), z.lte(10000));
const currentYear = new Date().getUTCFullYear();

export const emailSchema = z
  .string()
  .check(
    trim,
    safeText,
    z.toLowerCase(),
    z.maxLength(254),
    z.email({ message: 'Not a valid e-mail address' }),
  );

export const countryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'Use an ISO 3166 alpha-2 country code'));

export const fieldOfExpertiseSchema = z.strictObject({
  code: z
    .string()
    .check(z.refine(isFieldCode, 'Unknown field code; use a code such as "2.3" from GET /api/meta')),
  specialization: optionalText200,
});

export const locationSchema = z
  .strictObject({
    kind: z.enum(locationKinds),
    country: countryCode,
    city: optionalText(100),
  })
  .check(
    z.refine((l) => (l.kind === 'overseas') === (l.country !== 'VN'), {
      message: 'Use country VN for in_province and in_country, and a foreign country for overseas',
      path: ['country'],
    }),
  );

export const languageSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z]{2,3}$/, 'Use an ISO 639-1 language code such as "en"')),
  level: z.enum(languageLevels),
});

export const consentChoicesSchema = z.strictObject({
  shareWithAgencies: z.boolean(),
  collaborationCalls: z.boolean(),
  publicDirectory: z.boolean(),
});

export const registrationConsentSchema = z.strictObject({
  registry: z.literal(true, 'Consent to the registry purpose is required to register'),
  shareWithAgencies: z.boolean(),
  collaborationCalls: z.boolean(),
  publicDirectory: z.boolean(),
  textVersion: text(40),
});

/** Optional fields an expert may leave out at registration and clear later with `null`. */
const clearableFields = {
  phone: z.string().check(z.regex(/^\+?[0-9 ().-]{6,20}$/, 'Not a valid phone number')),
  birthYear: z.int().check(z.gte(1930), z.lte(currentYear - 16)),
  gender: z.enum(genders),
  academicTitle: z.enum(academicTitles),
  hometown: z.string().check(trim, safeText, z.maxLength(100)),
  employer: z.strictObject({ name: optionalText200, sector: z.optional(z.enum(sectors)) }),
  languages: z.array(languageSchema).check(
    z.maxLength(10),
    z.refine((l) => new Set(l.map((x) => x.code)).size === l.length, 'Each language may appear once'),
  ),
  publications: count,
  patents: count,
  bio: z.string().check(trim, safeText, z.maxLength(2000)),
  leadershipPost: z.enum(leadershipPosts),
  /** Has worked or studied abroad for six months or more (self-declared). */
  abroadSixMonths: z.boolean(),
};

const requiredFields = {
  fullName: text(120),
  highestDegree: z.enum(degrees),
  fields: z.array(fieldOfExpertiseSchema).check(
    z.minLength(1, 'Give at least one field'),
    z.maxLength(5, 'Give at most five fields'),
    z.refine((f) => new Set(f.map((x) => x.code)).size === f.length, 'Each field code may appear once'),
  ),
  location: locationSchema,
  nativeOfProvince: z.boolean(),
  yearsExperience: z.int().check(z.gte(0), z.lte(70)),
  engagement: z.array(z.enum(engagementModes)).check(
    z.minLength(1, 'Choose at least one engagement mode'),
    z.refine((e) => new Set(e).size === e.length, 'Each engagement mode may appear once'),
  ),
};

const c = clearableFields;

/** Fields an expert may edit; registration adds e-mail and consent. */
const profileShape = {
  ...requiredFields,
  phone: z.optional(c.phone),
  birthYear: z.optional(c.birthYear),
  gender: z.optional(c.gender),
  academicTitle: z.optional(c.academicTitle),
  hometown: z.optional(c.hometown),
  employer: z.optional(c.employer),
  languages: z.optional(c.languages),
  publications: z.optional(c.publications),
  patents: z.optional(c.patents),
  bio: z.optional(c.bio),
  leadershipPost: z.optional(c.leadershipPost),
  abroadSixMonths: z.optional(c.abroadSixMonths),
};

export const registrationSchema = z.strictObject({
  ...profileShape,
  email: emailSchema,
  consent: registrationConsentSchema,
});

/** Any subset of the editable fields; `null` clears an optional one. */
export const profilePatchSchema = z
  .strictObject({
    ...optionalShape(requiredFields),
    phone: z.optional(z.nullable(c.phone)),
    birthYear: z.optional(z.nullable(c.birthYear)),
    gender: z.optional(z.nullable(c.gender)),
    academicTitle: z.optional(z.nullable(c.academicTitle)),
    hometown: z.optional(z.nullable(c.hometown)),
    employer: z.optional(z.nullable(c.employer)),
    languages: z.optional(z.nullable(c.languages)),
    publications: z.optional(z.nullable(c.publications)),
    patents: z.optional(z.nullable(c.patents)),
    bio: z.optional(z.nullable(c.bio)),
    leadershipPost: z.optional(z.nullable(c.leadershipPost)),
    abroadSixMonths: z.optional(z.nullable(c.abroadSixMonths)),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, 'Send at least one field to change'));

/** The stored values a patch leads to: `null` removes a field (defaults for title, languages). */
export function applyProfilePatch<T extends object>(current: T, patch: ProfilePatch): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (key === 'academicTitle') next[key] = 'none';
      else if (key === 'languages') next[key] = [];
      // undefined rather than delete: the stored item is written without undefined attributes.
      else next[key] = undefined;
    } else if (value !== undefined) next[key] = value;
  }
  return next as T;
}

export type Registration = z.infer<typeof registrationSchema>;
export type ProfilePatch = z.infer<typeof profilePatchSchema>;
export type ConsentChoices = z.infer<typeof consentChoicesSchema>;
export type EditableProfile = z.infer<ReturnType<typeof z.strictObject<typeof profileShape>>>;

export interface ConsentRecord extends ConsentChoices {
  registry: boolean;
  textVersion: string;
  textHash: string;
  at: string;
}

/** The whole profile as stored and as the expert and authorised staff see it. */
export interface ExpertProfile extends EditableProfile {
  id: string;
  email: string;
  status: ExpertStatus;
  consent: ConsentRecord;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What HR sees in search results and matches: no e-mail, phone or birth year. */
export interface ExpertSummary {
  id: string;
  fullName: string;
  highestDegree: Degree;
  academicTitle: AcademicTitle;
  fields: { code: string; specialization?: string }[];
  location: { kind: (typeof locationKinds)[number]; country: string; city?: string };
  nativeOfProvince: boolean;
  employer?: { name?: string; sector?: (typeof sectors)[number] };
  yearsExperience: number;
  languages: { code: string; level: LanguageLevel }[];
  engagement: EngagementMode[];
  updatedAt: string;
}

/** The fields of a summary: what the read models hold and a match query projects. */
export const expertSummaryFields = [
  'id',
  'fullName',
  'highestDegree',
  'academicTitle',
  'fields',
  'location',
  'nativeOfProvince',
  'employer',
  'yearsExperience',
  'languages',
  'engagement',
  'updatedAt',
] as const satisfies readonly (keyof ExpertSummary)[];

/** What anyone may see in the public directory of experts who opted in. */
export interface DirectoryEntry {
  id: string;
  fullName: string;
  highestDegree: Degree;
  academicTitle: AcademicTitle;
  fields: { code: string; specialization?: string }[];
  country: string;
}

export function toSummary(p: ExpertProfile): ExpertSummary {
  return {
    id: p.id,
    fullName: p.fullName,
    highestDegree: p.highestDegree,
    academicTitle: p.academicTitle ?? 'none',
    fields: p.fields,
    location: p.location,
    nativeOfProvince: p.nativeOfProvince,
    employer: p.employer,
    yearsExperience: p.yearsExperience,
    languages: p.languages ?? [],
    engagement: p.engagement,
    updatedAt: p.updatedAt,
  };
}

export function toDirectoryEntry(p: ExpertProfile): DirectoryEntry {
  return {
    id: p.id,
    fullName: p.fullName,
    highestDegree: p.highestDegree,
    academicTitle: p.academicTitle ?? 'none',
    fields: p.fields,
    country: p.location.country,
  };
}

/** Visible to provincial agencies' HR: the hard precondition of search and matching. */
export const isVisibleToAgencies = (p: Pick<ExpertProfile, 'status' | 'consent'>): boolean =>
  p.status === 'active' && p.consent.shareWithAgencies;

/**
 * Rules across fields that a partial PATCH can only be checked against once merged with the
 * stored profile: academic titles are conferred on doctors only; experience fits the age.
 */
export function profileRuleViolations(
  p: Pick<EditableProfile, 'highestDegree' | 'academicTitle' | 'birthYear' | 'yearsExperience'>,
): { path: string; message: string }[] {
  const violations: { path: string; message: string }[] = [];
  if (p.academicTitle && p.academicTitle !== 'none' && p.highestDegree !== 'doctorate') {
    violations.push({
      path: 'academicTitle',
      message: 'Professor and associate professor titles require a doctorate',
    });
  }
  // Stryker disable next-line ConditionalExpression: no birth year: x > NaN is false too
  if (p.birthYear !== undefined && p.yearsExperience > currentYear - p.birthYear - 14) {
    violations.push({
      path: 'yearsExperience',
      message: 'More years of experience than the birth year allows',
    });
  }
  return violations;
}

export const isListedInDirectory = (p: Pick<ExpertProfile, 'status' | 'consent'>): boolean =>
  p.status === 'active' && p.consent.publicDirectory;
