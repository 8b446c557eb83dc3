/**
 * The demand form's state is what its inputs hold (strings and lists of codes); these functions
 * turn it into the payload the shared demand schemas validate, and back from a stored demand.
 */
import type { Demand } from '#shared/domain/demand';
import type { LanguageRow } from './profile-draft.ts';

export interface DemandDraft {
  title: string;
  description: string;
  fieldCodes: string[];
  minDegree: string;
  minYearsExperience: string;
  /** A row's level is the least the demand accepts (the payload's minLevel). */
  languages: LanguageRow[];
  zone: string;
  engagement: string;
  headcount: string;
  priority: string;
  policyIds: string[];
  openUntil: string;
  status: string;
}

export const emptyDemandDraft = (): DemandDraft => ({
  title: '',
  description: '',
  fieldCodes: [],
  minDegree: '',
  minYearsExperience: '',
  languages: [],
  zone: '',
  engagement: '',
  headcount: '1',
  priority: 'normal',
  policyIds: [],
  openUntil: '',
  status: 'draft',
});

export function draftFromDemand(demand: Demand): DemandDraft {
  return {
    title: demand.title,
    description: demand.description,
    fieldCodes: [...demand.fieldCodes],
    minDegree: demand.minDegree,
    minYearsExperience: String(demand.minYearsExperience),
    languages: demand.languages.map((l) => ({ code: l.code, level: l.minLevel })),
    zone: demand.zone,
    engagement: demand.engagement,
    headcount: String(demand.headcount),
    priority: demand.priority,
    policyIds: [...demand.policyIds],
    openUntil: demand.openUntil ?? '',
    status: demand.status,
  };
}

/** '' → absent; anything else a number, so '1.5' or 'abc' reach the schema and fail there. */
const optionalNumber = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The candidate payload for demandInputSchema; absent optional values are left out. */
export function demandFromDraft(draft: DemandDraft): Record<string, unknown> {
  const payload = {
    title: draft.title,
    description: draft.description.trim() || undefined,
    fieldCodes: draft.fieldCodes,
    minDegree: draft.minDegree || undefined,
    minYearsExperience: optionalNumber(draft.minYearsExperience),
    languages: draft.languages.map((l) => ({ code: l.code, minLevel: l.level || undefined })),
    zone: draft.zone || undefined,
    engagement: draft.engagement || undefined,
    headcount: optionalNumber(draft.headcount),
    priority: draft.priority || undefined,
    policyIds: draft.policyIds,
    openUntil: draft.openUntil || undefined,
    status: draft.status || undefined,
  };
  return JSON.parse(JSON.stringify(payload));
}

/** What an emptied optional field means in a PATCH: the default a new demand gets. */
const emptiedTo: Record<string, unknown> = {
  description: '',
  minYearsExperience: 0,
  headcount: 1,
  priority: 'normal',
};

/**
 * Only what changed, for PATCH /api/demands/{id}. An emptied optional field is sent as its
 * default; an emptied required one, or the open-until day (PATCH cannot remove it), is reported.
 */
export function demandChanges(
  original: DemandDraft,
  current: DemandDraft,
): { patch: Record<string, unknown>; notClearable: string[] } {
  const before = demandFromDraft(original);
  const after = demandFromDraft(current);
  const patch: Record<string, unknown> = {};
  const notClearable: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in after) patch[key] = after[key];
    else if (key in emptiedTo) patch[key] = emptiedTo[key];
    else notClearable.push(key);
  }
  return { patch, notClearable };
}
