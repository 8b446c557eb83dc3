/**
 * The matching engine: ranks profiles for a demand (and demands for a profile) and says why.
 * Pure: no AWS, no clock of its own (`now` is passed in), deterministic.
 *
 * Hard filters (a profile failing one is never returned):
 *   visible      active and consented to agency visibility (checked when the profile carries its
 *                status and consent; the match index holds only visible profiles, so summaries
 *                read from it carry neither);
 *   degree       highest degree at least the demand's minimum;
 *   field_group  at least one field in a top-level group of the demand's field codes.
 *
 * Scored factors (maximum points, 100 in all); each result's `reasons` list every factor with the
 * points it earned, and the points sum to `score`:
 *   field_exact 34 | field_group 14   a field the demand names (or inside a group it names) /
 *                                     only the same group
 *   degree      12   6 per level above the minimum degree
 *   title        6   associate professor 4, professor 6
 *   experience  12   8 for meeting the minimum years, +1 per 3 years more (up to 12); below the
 *                    minimum, its share of 8
 *   languages   10   each required language: met 2 credits, one level short 1 credit; points are
 *                    10 × credits / (2 × languages); full points when none is required
 *   engagement  10   open to the demand's mode 10; to a mode that fits it (relocate for full-time,
 *                    project-based for part-time, ...) 5
 *   native      10   native of the province living overseas 10 (the province's priority:
 *                    cooperation with natives abroad), other natives 5
 *   recency      6   profile updated within 180 days 6, a year 4, two years 2
 * Every factor is monotonic: a profile that is better on one factor never scores less, so it
 * never ranks lower. Ties are broken by id, so the order is stable.
 */
import type { Demand } from './demand.ts';
import { isDemandOpen } from './demand.ts';
import {
  type AcademicTitle,
  type Degree,
  degreeRank,
  type EngagementMode,
  type ExpertProfile,
  type ExpertSummary,
  languageLevelRank,
} from './expert.ts';
import { fieldGroupOf, fieldLabel } from './taxonomy.ts';

export type MatchFactor =
  | 'field_exact'
  | 'field_group'
  | 'degree'
  | 'title'
  | 'experience'
  | 'languages'
  | 'engagement'
  | 'native'
  | 'recency';

export type HardFilter = 'visible' | 'degree' | 'field_group';

export interface MatchReason {
  /** A stable code the web app translates; `detail` is the English explanation. */
  factor: MatchFactor;
  points: number;
  detail: string;
}

export interface MatchScore {
  /** 0-100, the sum of the reasons' points. */
  score: number;
  reasons: MatchReason[];
}

/** What of a demand the engine reads. */
export type MatchDemand = Pick<
  Demand,
  'fieldCodes' | 'minDegree' | 'minYearsExperience' | 'languages' | 'engagement'
>;

/** A profile as the engine reads it: a summary, with status and consent when the caller has them. */
export type MatchProfile = ExpertSummary & {
  status?: ExpertProfile['status'];
  consent?: Pick<ExpertProfile['consent'], 'shareWithAgencies'>;
};

export const maxPoints: Readonly<Record<MatchFactor, number>> = {
  field_exact: 34,
  field_group: 14,
  degree: 12,
  title: 6,
  experience: 12,
  languages: 10,
  engagement: 10,
  native: 10,
  recency: 6,
};

const pointsPerDegreeLevel = 6;
const titlePoints: Record<AcademicTitle, number> = { none: 0, associate_professor: 4, professor: 6 };
const titleNames: Record<AcademicTitle, string> = {
  none: 'no academic title',
  associate_professor: 'associate professor',
  professor: 'professor',
};
const experienceAtMinimum = 8;
const yearsPerExtraPoint = 3;

/** Modes that partly satisfy a demand's mode (key: the demand's mode). */
const fittingModes: Record<EngagementMode, readonly EngagementMode[]> = {
  relocate: ['full_time'],
  full_time: ['relocate'],
  part_time: ['project_based', 'full_time'],
  remote_advisory: ['project_based', 'short_visit'],
  short_visit: ['remote_advisory', 'project_based'],
  project_based: ['part_time', 'remote_advisory'],
};

const dayMs = 86_400_000;
const recencySteps: readonly [maxDays: number, points: number][] = [
  [180, 6],
  [365, 4],
  [730, 2],
];

const label = (code: string) => `${code} ${fieldLabel(code)?.en ?? ''}`.trim();
const demandGroups = (demand: Pick<MatchDemand, 'fieldCodes'>) =>
  new Set(demand.fieldCodes.map(fieldGroupOf));

export function hardFilterFailures(
  demand: Pick<MatchDemand, 'fieldCodes' | 'minDegree'>,
  profile: Pick<MatchProfile, 'highestDegree' | 'fields' | 'status' | 'consent'>,
): HardFilter[] {
  const failures: HardFilter[] = [];
  if (
    (profile.status !== undefined && profile.status !== 'active') ||
    (profile.consent !== undefined && !profile.consent.shareWithAgencies)
  ) {
    failures.push('visible');
  }
  if (degreeRank(profile.highestDegree) < degreeRank(demand.minDegree)) failures.push('degree');
  const groups = demandGroups(demand);
  if (!profile.fields.some((f) => groups.has(fieldGroupOf(f.code)))) failures.push('field_group');
  return failures;
}

export const passesHardFilters = (
  demand: Pick<MatchDemand, 'fieldCodes' | 'minDegree'>,
  profile: Pick<MatchProfile, 'highestDegree' | 'fields' | 'status' | 'consent'>,
): boolean => hardFilterFailures(demand, profile).length === 0;

function fieldReason(demand: MatchDemand, profile: MatchProfile): MatchReason {
  const codes = profile.fields.map((f) => f.code);
  // A demand code is either a field ("2.3": the same code) or a whole group ("6": any field in it).
  const exact = codes.filter((code) =>
    demand.fieldCodes.some(
      (wanted) => wanted === code || (!wanted.includes('.') && fieldGroupOf(code) === wanted),
    ),
  );
  if (exact.length > 0) {
    return {
      factor: 'field_exact',
      points: maxPoints.field_exact,
      detail: `Works in ${exact.map(label).join(', ')}, a field the demand asks for`,
    };
  }
  const groups = demandGroups(demand);
  const near = codes.filter((code) => groups.has(fieldGroupOf(code)));
  return {
    factor: 'field_group',
    points: maxPoints.field_group,
    detail: `Works in ${near.map(label).join(', ')}: the same field group (${[...new Set(near.map(fieldGroupOf))].map(label).join(', ')}), not the exact field`,
  };
}

function degreeReason(minDegree: Degree, degree: Degree): MatchReason {
  const above = Math.max(0, degreeRank(degree) - degreeRank(minDegree));
  return {
    factor: 'degree',
    points: above * pointsPerDegreeLevel,
    detail:
      above === 0
        ? `${degree} meets the minimum degree (${minDegree})`
        : `${degree}: ${above} level${above > 1 ? 's' : ''} above the minimum degree (${minDegree})`,
  };
}

function titleReason(title: AcademicTitle): MatchReason {
  return { factor: 'title', points: titlePoints[title], detail: `Academic title: ${titleNames[title]}` };
}

function experienceReason(minYears: number, years: number): MatchReason {
  if (years >= minYears) {
    const extra = Math.min(
      maxPoints.experience - experienceAtMinimum,
      Math.floor((years - minYears) / yearsPerExtraPoint),
    );
    return {
      factor: 'experience',
      points: experienceAtMinimum + extra,
      detail:
        minYears === 0
          ? `${years} years of experience (no minimum asked)`
          : `${years} years of experience, at least the ${minYears} asked for`,
    };
  }
  return {
    factor: 'experience',
    points: Math.floor((experienceAtMinimum * years) / minYears),
    detail: `${years} years of experience, fewer than the ${minYears} asked for`,
  };
}

function languagesReason(
  required: MatchDemand['languages'],
  spoken: ExpertSummary['languages'],
): MatchReason {
  if (required.length === 0) {
    return { factor: 'languages', points: maxPoints.languages, detail: 'No language is required' };
  }
  let credits = 0;
  const notes = required.map(({ code, minLevel }) => {
    const level = spoken.find((l) => l.code === code)?.level;
    const gap = level ? languageLevelRank(minLevel) - languageLevelRank(level) : Number.POSITIVE_INFINITY;
    if (gap <= 0) {
      credits += 2;
      return `${code} ${level} meets ${minLevel}`;
    }
    if (gap === 1) {
      credits += 1;
      return `${code} ${level} is one level below ${minLevel}`;
    }
    return level ? `${code} ${level} is below ${minLevel}` : `no ${code} (${minLevel} asked)`;
  });
  return {
    factor: 'languages',
    points: Math.floor((maxPoints.languages * credits) / (2 * required.length)),
    detail: `Languages: ${notes.join('; ')}`,
  };
}

function engagementReason(wanted: EngagementMode, modes: readonly EngagementMode[]): MatchReason {
  if (modes.includes(wanted)) {
    return { factor: 'engagement', points: maxPoints.engagement, detail: `Open to ${wanted}, as asked` };
  }
  const fitting = modes.filter((m) => fittingModes[wanted].includes(m));
  if (fitting.length > 0) {
    return {
      factor: 'engagement',
      points: maxPoints.engagement / 2,
      detail: `Open to ${fitting.join(', ')}, which partly fits ${wanted}`,
    };
  }
  return { factor: 'engagement', points: 0, detail: `Not open to ${wanted} (open to ${modes.join(', ')})` };
}

function nativeReason(profile: Pick<ExpertSummary, 'nativeOfProvince' | 'location'>): MatchReason {
  if (profile.nativeOfProvince && profile.location.kind === 'overseas') {
    return {
      factor: 'native',
      points: maxPoints.native,
      detail: `Native of the province living overseas (${profile.location.country}): a province priority`,
    };
  }
  if (profile.nativeOfProvince) {
    return { factor: 'native', points: maxPoints.native / 2, detail: 'Native of the province' };
  }
  return { factor: 'native', points: 0, detail: 'Not a native of the province' };
}

function recencyReason(updatedAt: string, now: Date): MatchReason {
  const days = Math.floor((now.getTime() - Date.parse(updatedAt)) / dayMs);
  const step = Number.isNaN(days) ? undefined : recencySteps.find(([maxDays]) => days <= maxDays);
  return {
    factor: 'recency',
    points: step?.[1] ?? 0,
    detail: Number.isNaN(days)
      ? 'Profile update time unknown'
      : `Profile updated ${Math.max(0, days)} day${days === 1 ? '' : 's'} ago`,
  };
}

/** The score of a profile for a demand, with its reasons. Assumes the hard filters pass. */
export function scoreMatch(demand: MatchDemand, profile: MatchProfile, now: Date): MatchScore {
  const reasons = [
    fieldReason(demand, profile),
    degreeReason(demand.minDegree, profile.highestDegree),
    titleReason(profile.academicTitle ?? 'none'),
    experienceReason(demand.minYearsExperience, profile.yearsExperience),
    // Stryker disable next-line ArrayDeclaration: an entry without a code matches no language
    languagesReason(demand.languages, profile.languages ?? []),
    engagementReason(demand.engagement, profile.engagement),
    nativeReason(profile),
    recencyReason(profile.updatedAt, now),
  ];
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

const byScoreThenId = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  // Stryker disable next-line EqualityOperator,ConditionalExpression: unique ids, and V8's sort gives the same order
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface ExpertMatch<P extends MatchProfile = MatchProfile> extends MatchScore {
  expert: P;
}

/** Profiles that pass the hard filters, best first, ties by id. */
export function rankExpertsForDemand<P extends MatchProfile>(
  demand: MatchDemand,
  profiles: readonly P[],
  now: Date,
): ExpertMatch<P>[] {
  return profiles
    .filter((p) => passesHardFilters(demand, p))
    .map((expert) => ({ expert, id: expert.id, ...scoreMatch(demand, expert, now) }))
    .sort(byScoreThenId)
    .map(({ expert, score, reasons }) => ({ expert, score, reasons }));
}

export interface DemandMatch<D> extends MatchScore {
  demand: D;
}

/**
 * Open demands (status open, not past their open-until day) whose hard filters the expert passes,
 * with the same scores as rankExpertsForDemand, best first, ties by demand id.
 */
export function rankDemandsForExpert<D extends MatchDemand & Pick<Demand, 'id' | 'status' | 'openUntil'>>(
  expert: MatchProfile,
  demands: readonly D[],
  now: Date,
): DemandMatch<D>[] {
  return demands
    .filter((d) => isDemandOpen(d, now) && passesHardFilters(d, expert))
    .map((demand) => ({ demand, id: demand.id, ...scoreMatch(demand, expert, now) }))
    .sort(byScoreThenId)
    .map(({ demand, score, reasons }) => ({ demand, score, reasons }));
}
