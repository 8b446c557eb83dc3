/**
 * The profile form's state is all strings (what inputs hold); these functions turn it into the
 * payload the shared schemas validate, and back from a stored profile.
 */
import type { EditableProfile, EngagementMode, ExpertProfile } from '#shared/domain/expert';

export interface FieldRow {
  code: string;
  specialization: string;
}

export interface LanguageRow {
  code: string;
  level: string;
}

export interface ProfileDraft {
  fullName: string;
  phone: string;
  birthYear: string;
  gender: string;
  highestDegree: string;
  academicTitle: string;
  fields: FieldRow[];
  locationKind: string;
  country: string;
  city: string;
  nativeOfProvince: '' | 'yes' | 'no';
  hometown: string;
  employerName: string;
  employerSector: string;
  yearsExperience: string;
  languages: LanguageRow[];
  publications: string;
  patents: string;
  engagement: EngagementMode[];
  bio: string;
  /** Self-declared and optional: '' when not said. */
  leadershipPost: string;
  abroadSixMonths: '' | 'yes' | 'no';
}

export const emptyDraft = (): ProfileDraft => ({
  fullName: '',
  phone: '',
  birthYear: '',
  gender: '',
  highestDegree: '',
  academicTitle: '',
  fields: [{ code: '', specialization: '' }],
  locationKind: '',
  country: '',
  city: '',
  nativeOfProvince: '',
  hometown: '',
  employerName: '',
  employerSector: '',
  yearsExperience: '',
  languages: [],
  publications: '',
  patents: '',
  engagement: [],
  bio: '',
  leadershipPost: '',
  abroadSixMonths: '',
});

const numberText = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function draftFromProfile(profile: ExpertProfile): ProfileDraft {
  return {
    fullName: profile.fullName,
    phone: profile.phone ?? '',
    birthYear: numberText(profile.birthYear),
    gender: profile.gender ?? '',
    highestDegree: profile.highestDegree,
    academicTitle: profile.academicTitle ?? '',
    fields: profile.fields.map((f) => ({ code: f.code, specialization: f.specialization ?? '' })),
    locationKind: profile.location.kind,
    country: profile.location.country,
    city: profile.location.city ?? '',
    nativeOfProvince: profile.nativeOfProvince ? 'yes' : 'no',
    hometown: profile.hometown ?? '',
    employerName: profile.employer?.name ?? '',
    employerSector: profile.employer?.sector ?? '',
    yearsExperience: numberText(profile.yearsExperience),
    languages: (profile.languages ?? []).map((l) => ({ code: l.code, level: l.level })),
    publications: numberText(profile.publications),
    patents: numberText(profile.patents),
    engagement: [...profile.engagement],
    bio: profile.bio ?? '',
    leadershipPost: profile.leadershipPost ?? '',
    abroadSixMonths: profile.abroadSixMonths === undefined ? '' : profile.abroadSixMonths ? 'yes' : 'no',
  };
}

const optionalText = (s: string): string | undefined => s.trim() || undefined;

/** '' → absent; anything else a number, so '1.5' or 'abc' reach the schema and fail there. */
const optionalNumber = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The candidate payload for the shared schemas; absent optional values are left out. */
export function profileFromDraft(draft: ProfileDraft): Partial<Record<keyof EditableProfile, unknown>> {
  const kind = draft.locationKind || undefined;
  const payload: Partial<Record<keyof EditableProfile, unknown>> = {
    fullName: draft.fullName,
    phone: optionalText(draft.phone),
    birthYear: optionalNumber(draft.birthYear),
    gender: draft.gender || undefined,
    highestDegree: draft.highestDegree || undefined,
    academicTitle: draft.academicTitle || undefined,
    fields: draft.fields.map((f) => ({ code: f.code, specialization: optionalText(f.specialization) })),
    location: {
      kind,
      // Living in Vietnam means country VN; the form only asks for a country when overseas.
      country: kind === 'overseas' ? draft.country : 'VN',
      city: optionalText(draft.city),
    },
    nativeOfProvince: draft.nativeOfProvince === '' ? undefined : draft.nativeOfProvince === 'yes',
    hometown: optionalText(draft.hometown),
    employer:
      draft.employerName.trim() || draft.employerSector
        ? { name: optionalText(draft.employerName), sector: draft.employerSector || undefined }
        : undefined,
    yearsExperience: optionalNumber(draft.yearsExperience),
    languages: draft.languages.map((l) => ({ code: l.code, level: l.level || undefined })),
    publications: optionalNumber(draft.publications),
    patents: optionalNumber(draft.patents),
    engagement: draft.engagement,
    bio: optionalText(draft.bio),
    leadershipPost: draft.leadershipPost || undefined,
    abroadSixMonths: draft.abroadSixMonths === '' ? undefined : draft.abroadSixMonths === 'yes',
  };
  return JSON.parse(JSON.stringify(payload));
}

/** Optional fields PATCH /api/me clears with `null`; the required ones cannot be emptied. */
const clearableByNull = new Set([
  'phone',
  'birthYear',
  'gender',
  'academicTitle',
  'hometown',
  'employer',
  'languages',
  'publications',
  'patents',
  'bio',
  'leadershipPost',
  'abroadSixMonths',
]);

/**
 * Only what changed, for PATCH /api/me. An optional value that was set and is now empty is sent
 * as `null`; a required one cannot be emptied and is reported.
 */
export function profileChanges(
  original: ProfileDraft,
  current: ProfileDraft,
): { patch: Record<string, unknown>; notClearable: string[] } {
  const before = profileFromDraft(original) as Record<string, unknown>;
  const after = profileFromDraft(current) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  const notClearable: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in after) patch[key] = after[key];
    else if (clearableByNull.has(key)) patch[key] = null;
    else notClearable.push(key);
  }
  return { patch, notClearable };
}
