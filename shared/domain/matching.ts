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
  type LanguageLevel,
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

/** How an expert's level in one required language compares with the level asked for. */
export interface LanguageNote {
  code: string;
  minLevel: LanguageLevel;
  /** The expert's level, or null when they do not list the language. */
  level: LanguageLevel | null;
  standing: 'meets' | 'one_below' | 'below' | 'missing';
}

/**
 * What a reason says, as a stable `code` with typed `params`, so a client can write it in its
 * reader's language with its own labels; `detail` says the same in English for API clients.
 * Field codes, degrees, titles, modes, countries and languages are the API's own codes.
 */
export type ReasonFacts =
  | { code: 'field_exact'; params: { fields: string[] } }
  | { code: 'field_group'; params: { fields: string[]; groups: string[] } }
  | { code: 'degree_meets'; params: { degree: Degree; minDegree: Degree } }
  | { code: 'degree_above'; params: { degree: Degree; minDegree: Degree; levels: number } }
  | { code: 'title'; params: { title: AcademicTitle } }
  | { code: 'experience_no_minimum'; params: { years: number } }
  | { code: 'experience_meets'; params: { years: number; minYears: number } }
  | { code: 'experience_short'; params: { years: number; minYears: number } }
  | { code: 'languages_none_required'; params: Record<string, never> }
  | { code: 'languages_assessed'; params: { languages: LanguageNote[] } }
  | { code: 'engagement_as_asked'; params: { wanted: EngagementMode } }
  | { code: 'engagement_partly'; params: { wanted: EngagementMode; modes: EngagementMode[] } }
  | { code: 'engagement_not_open'; params: { wanted: EngagementMode; modes: EngagementMode[] } }
  | { code: 'native_overseas'; params: { country: string } }
  | { code: 'native_province'; params: Record<string, never> }
  | { code: 'native_not'; params: Record<string, never> }
  | { code: 'recency_days'; params: { days: number } }
  | { code: 'recency_unknown'; params: Record<string, never> }
  | { code: 'call_fields'; params: { covered: string[]; of: number } }
  | { code: 'call_field_groups'; params: { shared: string[]; of: number } };

export type ReasonCode = ReasonFacts['code'];

/** A factor's points and what they are for, before they are written out. */
export type ScoredFacts = { factor: MatchFactor; points: number } & ReasonFacts;

/** One factor of a score: `factor` and `code` for clients to translate, `detail` English text. */
export type MatchReason = ScoredFacts & { detail: string };

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

type FilterProfile = Pick<MatchProfile, 'highestDegree' | 'fields' | 'status' | 'consent'>;

/** The three hard filters, each on its own. */
const isVisible = (profile: FilterProfile) =>
  (profile.status === undefined || profile.status === 'active') &&
  (profile.consent === undefined || profile.consent.shareWithAgencies);
const meetsDegree = (demand: Pick<MatchDemand, 'minDegree'>, profile: FilterProfile) =>
  degreeRank(profile.highestDegree) >= degreeRank(demand.minDegree);
const inGroups = (groups: ReadonlySet<string>, profile: FilterProfile) =>
  profile.fields.some((f) => groups.has(fieldGroupOf(f.code)));

/** `groups`: the demand's field groups, when the caller checks many profiles against one demand. */
export function hardFilterFailures(
  demand: Pick<MatchDemand, 'fieldCodes' | 'minDegree'>,
  profile: FilterProfile,
  groups: ReadonlySet<string> = demandGroups(demand),
): HardFilter[] {
  const failures: HardFilter[] = [];
  if (!isVisible(profile)) failures.push('visible');
  if (!meetsDegree(demand, profile)) failures.push('degree');
  if (!inGroups(groups, profile)) failures.push('field_group');
  return failures;
}

/** No hard filter failed (hardFilterFailures is empty), without listing them. */
export const passesHardFilters = (
  demand: Pick<MatchDemand, 'fieldCodes' | 'minDegree'>,
  profile: FilterProfile,
  groups: ReadonlySet<string> = demandGroups(demand),
): boolean => isVisible(profile) && meetsDegree(demand, profile) && inGroups(groups, profile);

function fieldReason(demand: MatchDemand, profile: MatchProfile): ScoredFacts {
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
      code: 'field_exact',
      params: { fields: exact },
    };
  }
  const groups = demandGroups(demand);
  const near = codes.filter((code) => groups.has(fieldGroupOf(code)));
  const nearGroups = [...new Set(near.map(fieldGroupOf))];
  return {
    factor: 'field_group',
    points: maxPoints.field_group,
    code: 'field_group',
    params: { fields: near, groups: nearGroups },
  };
}

const levelsAbove = (minDegree: Degree, degree: Degree) =>
  Math.max(0, degreeRank(degree) - degreeRank(minDegree));

function degreeReason(minDegree: Degree, degree: Degree): ScoredFacts {
  const above = levelsAbove(minDegree, degree);
  const points = above * pointsPerDegreeLevel;
  return above === 0
    ? {
        factor: 'degree',
        points,
        code: 'degree_meets',
        params: { degree, minDegree },
      }
    : {
        factor: 'degree',
        points,
        code: 'degree_above',
        params: { degree, minDegree, levels: above },
      };
}

function titleReason(title: AcademicTitle): ScoredFacts {
  return {
    factor: 'title',
    points: titlePoints[title],
    code: 'title',
    params: { title },
  };
}

function experiencePoints(minYears: number, years: number): number {
  if (years < minYears) return Math.floor((experienceAtMinimum * years) / minYears);
  return (
    experienceAtMinimum +
    Math.min(maxPoints.experience - experienceAtMinimum, Math.floor((years - minYears) / yearsPerExtraPoint))
  );
}

function experienceReason(minYears: number, years: number): ScoredFacts {
  const points = experiencePoints(minYears, years);
  if (years >= minYears) {
    return minYears === 0
      ? {
          factor: 'experience',
          points,
          code: 'experience_no_minimum',
          params: { years },
        }
      : {
          factor: 'experience',
          points,
          code: 'experience_meets',
          params: { years, minYears },
        };
  }
  return {
    factor: 'experience',
    points,
    code: 'experience_short',
    params: { years, minYears },
  };
}

function languagesReason(
  required: MatchDemand['languages'],
  spoken: ExpertSummary['languages'],
): ScoredFacts {
  if (required.length === 0) {
    return {
      factor: 'languages',
      points: maxPoints.languages,
      code: 'languages_none_required',
      params: {},
    };
  }
  const languages = required.map(({ code, minLevel }): LanguageNote => {
    const level = spokenLevel(spoken, code);
    const credit = languageCredit(minLevel, level);
    const standing = credit === 2 ? 'meets' : credit === 1 ? 'one_below' : level ? 'below' : 'missing';
    return { code, minLevel, level, standing };
  });
  return {
    factor: 'languages',
    points: languagesPoints(required, spoken),
    code: 'languages_assessed',
    params: { languages },
  };
}

const spokenLevel = (spoken: ExpertSummary['languages'], code: string) =>
  spoken.find((l) => l.code === code)?.level ?? null;

/** 2 for a language at or above the level asked, 1 for one level below, 0 otherwise. */
function languageCredit(minLevel: LanguageLevel, level: LanguageLevel | null): number {
  const gap = level ? languageLevelRank(minLevel) - languageLevelRank(level) : Number.POSITIVE_INFINITY;
  return gap <= 0 ? 2 : gap === 1 ? 1 : 0;
}

function languagesPoints(required: MatchDemand['languages'], spoken: ExpertSummary['languages']): number {
  if (required.length === 0) return maxPoints.languages;
  let credits = 0;
  for (const { code, minLevel } of required) credits += languageCredit(minLevel, spokenLevel(spoken, code));
  return Math.floor((maxPoints.languages * credits) / (2 * required.length));
}

function engagementPoints(wanted: EngagementMode, modes: readonly EngagementMode[]): number {
  return engagementRule(wanted)(modes);
}

/** `engagementPoints` for one wanted mode, its fitting modes looked up once (a demand's scorer). */
function engagementRule(wanted: EngagementMode): (modes: readonly EngagementMode[]) => number {
  const fitting = fittingModes[wanted];
  return (modes) => {
    if (modes.includes(wanted)) return maxPoints.engagement;
    return modes.some((m) => fitting.includes(m)) ? maxPoints.engagement / 2 : 0;
  };
}

function engagementReason(wanted: EngagementMode, modes: readonly EngagementMode[]): ScoredFacts {
  const points = engagementPoints(wanted, modes);
  if (modes.includes(wanted)) {
    return {
      factor: 'engagement',
      points,
      code: 'engagement_as_asked',
      params: { wanted },
    };
  }
  const fitting = modes.filter((m) => fittingModes[wanted].includes(m));
  if (fitting.length > 0) {
    return {
      factor: 'engagement',
      points,
      code: 'engagement_partly',
      params: { wanted, modes: fitting },
    };
  }
  return {
    factor: 'engagement',
    points,
    code: 'engagement_not_open',
    params: { wanted, modes: [...modes] },
  };
}

function nativePoints(profile: Pick<ExpertSummary, 'nativeOfProvince' | 'location'>): number {
  if (!profile.nativeOfProvince) return 0;
  return profile.location.kind === 'overseas' ? maxPoints.native : maxPoints.native / 2;
}

function nativeReason(profile: Pick<ExpertSummary, 'nativeOfProvince' | 'location'>): ScoredFacts {
  const points = nativePoints(profile);
  if (profile.nativeOfProvince && profile.location.kind === 'overseas') {
    return {
      factor: 'native',
      points,
      code: 'native_overseas',
      params: { country: profile.location.country },
    };
  }
  if (profile.nativeOfProvince) return { factor: 'native', points, code: 'native_province', params: {} };
  return { factor: 'native', points, code: 'native_not', params: {} };
}

const daysSince = (updatedMs: number, now: Date) => Math.floor((now.getTime() - updatedMs) / dayMs);

function recencyPoints(days: number): number {
  if (Number.isNaN(days)) return 0;
  for (const [maxDays, points] of recencySteps) if (days <= maxDays) return points;
  return 0;
}

function recencyReason(updatedAt: string, now: Date): ScoredFacts {
  const days = daysSince(Date.parse(updatedAt), now);
  const points = recencyPoints(days);
  if (Number.isNaN(days)) {
    return { factor: 'recency', points, code: 'recency_unknown', params: {} };
  }
  const ago = Math.max(0, days);
  return {
    factor: 'recency',
    points,
    code: 'recency_days',
    params: { days: ago },
  };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function languageNote({ code, minLevel, level, standing }: LanguageNote): string {
  if (standing === 'meets') return `${code} ${level} meets ${minLevel}`;
  if (standing === 'one_below') return `${code} ${level} is one level below ${minLevel}`;
  return standing === 'below' ? `${code} ${level} is below ${minLevel}` : `no ${code} (${minLevel} asked)`;
}

/** What a reason says, in English, from its code and params alone (the web app writes its own). */
export function englishDetail(facts: ReasonFacts): string {
  switch (facts.code) {
    case 'field_exact':
      return `Works in ${facts.params.fields.map(label).join(', ')}, a field the demand asks for`;
    case 'field_group':
      return `Works in ${facts.params.fields.map(label).join(', ')}: the same field group (${facts.params.groups.map(label).join(', ')}), not the exact field`;
    case 'degree_meets':
      return `${facts.params.degree} meets the minimum degree (${facts.params.minDegree})`;
    case 'degree_above':
      return `${facts.params.degree}: ${plural(facts.params.levels, 'level')} above the minimum degree (${facts.params.minDegree})`;
    case 'title':
      return `Academic title: ${titleNames[facts.params.title]}`;
    case 'experience_no_minimum':
      return `${facts.params.years} years of experience (no minimum asked)`;
    case 'experience_meets':
      return `${facts.params.years} years of experience, at least the ${facts.params.minYears} asked for`;
    case 'experience_short':
      return `${facts.params.years} years of experience, fewer than the ${facts.params.minYears} asked for`;
    case 'languages_none_required':
      return 'No language is required';
    case 'languages_assessed':
      return `Languages: ${facts.params.languages.map(languageNote).join('; ')}`;
    case 'engagement_as_asked':
      return `Open to ${facts.params.wanted}, as asked`;
    case 'engagement_partly':
      return `Open to ${facts.params.modes.join(', ')}, which partly fits ${facts.params.wanted}`;
    case 'engagement_not_open':
      return `Not open to ${facts.params.wanted} (open to ${facts.params.modes.join(', ')})`;
    case 'native_overseas':
      return `Native of the province living overseas (${facts.params.country}): a province priority`;
    case 'native_province':
      return 'Native of the province';
    case 'native_not':
      return 'Not a native of the province';
    case 'recency_days':
      return `Profile updated ${plural(facts.params.days, 'day')} ago`;
    case 'recency_unknown':
      return 'Profile update time unknown';
    case 'call_fields': {
      const { covered, of } = facts.params;
      return `${covered.length} of ${of} field codes${covered.length ? `: ${covered.join(', ')}` : ''}`;
    }
    case 'call_field_groups':
      return `${facts.params.shared.length} of ${facts.params.of} field groups: ${facts.params.shared.join(', ')}`;
  }
}

/** The reason with its English text. */
export const withDetail = (scored: ScoredFacts): MatchReason => ({
  ...scored,
  detail: englishDetail(scored),
});

/** The score of a profile for a demand, with its reasons. Assumes the hard filters pass. */
export function scoreMatch(demand: MatchDemand, profile: MatchProfile, now: Date): MatchScore {
  const reasons = scoredFacts(demand, profile, now).map(withDetail);
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

function scoredFacts(demand: MatchDemand, profile: MatchProfile, now: Date): ScoredFacts[] {
  return [
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

/**
 * Profiles that pass the hard filters with their scores, best first, ties by id: the order of
 * rankExpertsForDemand at a fraction of its cost (points only, no reasons for 20,000 candidates);
 * the page shown takes its reasons from scoreMatch. The plain whole sort that the read model's
 * `ExpertIndex.rankInGroups` must agree with, page by page.
 */
export function rankScoresForDemand<P extends MatchProfile>(
  demand: MatchDemand,
  profiles: readonly P[],
  now: Date,
): { expert: P; score: number }[] {
  const ranked: { expert: P; id: string; score: number }[] = [];
  const score = demandScorer(demand, now);
  for (const expert of profiles) {
    const points = score(expert);
    if (points !== undefined) ranked.push({ expert, id: expert.id, score: points });
  }
  return ranked.sort(byScoreThenId);
}

/**
 * For ranking many profiles against one demand (the search read model's first matches page over
 * 20,000 candidates): a function giving a profile's score, or undefined when it fails a hard filter,
 * with the demand's codes and groups read once and no reason object per profile. The same numbers
 * as `passesHardFilters` and `scoreMatch` from the same per-factor rules (a property test checks it
 * against the test's own oracle).
 */
/**
 * How a profile's fields meet a demand's codes, when the caller already knows (an index keeping
 * each doc's field codes and groups as numbers): in one of the demand's groups, and with a field
 * the demand names ("2.3") or in a group it names whole ("6") or not.
 */
export type FieldMatch = 'group' | 'exact';

export function demandScorer(
  demand: MatchDemand,
  now: Date,
): (profile: MatchProfile, updatedMs?: number, fieldMatch?: FieldMatch) => number | undefined {
  const groups = demandGroups(demand);
  // A demand code is either a field ("2.3": the same code) or a whole group ("6": any field in it).
  const wantedFields = new Set(demand.fieldCodes.filter((code) => code.includes('.')));
  const wantedGroups = new Set(demand.fieldCodes.filter((code) => !code.includes('.')));
  // `updatedMs`: the profile's update time when the caller keeps it parsed (Date.parse is a
  // quarter of the work for 20,000 candidates).
  const engagement = engagementRule(demand.engagement);
  const minDegree = degreeRank(demand.minDegree);
  return (profile, updatedMs = Date.parse(profile.updatedAt), fieldMatch = undefined) => {
    // passesHardFilters, with the field groups and the exact fields read in one pass (or known).
    if (!isVisible(profile) || degreeRank(profile.highestDegree) < minDegree) return undefined;
    let inGroups = fieldMatch !== undefined;
    let exact = fieldMatch === 'exact';
    if (fieldMatch === undefined)
      for (const { code } of profile.fields) {
        const group = fieldGroupOf(code);
        if (groups.has(group)) inGroups = true;
        if (wantedFields.has(code) || wantedGroups.has(group)) exact = true;
      }
    if (!inGroups) return undefined;
    return (
      (exact ? maxPoints.field_exact : maxPoints.field_group) +
      levelsAbove(demand.minDegree, profile.highestDegree) * pointsPerDegreeLevel +
      titlePoints[profile.academicTitle ?? 'none'] +
      experiencePoints(demand.minYearsExperience, profile.yearsExperience) +
      languagesPoints(demand.languages, profile.languages ?? []) +
      engagement(profile.engagement) +
      nativePoints(profile) +
      recencyPoints(daysSince(updatedMs, now))
    );
  };
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
