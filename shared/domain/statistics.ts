/**
 * The counting rules of the programme's statistics, pure: what one stored item contributes to the
 * counters, the delta a change makes (new contribution minus old), age bands, the suppression of
 * groups smaller than five people, and the progress against a target.
 *
 * Counters are flat `dimension:value` names with numbers, kept per counter item
 * (shared/db/statistics.ts): one item per source of people (`registered` profiles now; roster
 * entries of the spreadsheet import later), and one each for demands, offers and calls. Ages are
 * counted by birth year, not by band: a band depends on the year it is read in, a birth year never
 * changes, so removing an old contribution always removes exactly what was added.
 */
import type { Degree, ExpertStatus, LeadershipPost } from './expert.ts';
import type { ProvinceTarget, TargetMetric } from './province.ts';
import { fieldGroupOf } from './taxonomy.ts';

export type Counters = Record<string, number>;

/** Where the people counted come from: self-registered profiles, or roster entries of an import. */
export const peopleSources = ['registered', 'roster'] as const;
export type PeopleSource = (typeof peopleSources)[number];

/** The counter items: one per source of people, and one per other aggregate. */
export type CounterScope = `experts#${PeopleSource}` | 'demands' | 'offers' | 'calls';

/** No report shows a group of fewer people than this (so no one can be singled out). */
export const minGroupSize = 5;

/** What the counting needs of a person (a profile, or later a roster entry). */
export interface CountablePerson {
  status: ExpertStatus;
  highestDegree: Degree;
  academicTitle?: string;
  fields: { code: string }[];
  location: { kind: string; country: string };
  nativeOfProvince: boolean;
  gender?: string;
  birthYear?: number;
  employer?: { sector?: string };
  engagement: string[];
  consent?: { shareWithAgencies: boolean; collaborationCalls: boolean; publicDirectory: boolean };
  leadershipPost?: LeadershipPost;
  abroadSixMonths?: boolean;
  createdAt: string;
}

const add = (counters: Counters, name: string, n = 1) => {
  counters[name] = (counters[name] ?? 0) + n;
};

const yesNo = (value: boolean | undefined) => (value === undefined ? 'unknown' : value ? 'yes' : 'no');

/**
 * What one person adds to their source's counters. Every status is counted; the breakdowns count
 * active people only (withdrawn or erased ones leave them).
 */
export function personContribution(p: CountablePerson | undefined): Counters {
  const c: Counters = {};
  if (!p) return c;
  add(c, `status:${p.status}`);
  if (p.status !== 'active') return c;
  const month = p.createdAt.slice(0, 7);
  add(c, 'total');
  add(c, `degree:${p.highestDegree}`);
  add(c, `title:${p.academicTitle ?? 'none'}`);
  for (const group of new Set(p.fields.map((f) => fieldGroupOf(f.code)))) add(c, `fieldGroup:${group}`);
  for (const field of p.fields) add(c, `field:${field.code}`);
  add(c, `locationKind:${p.location.kind}`);
  add(c, `country:${p.location.country}`);
  add(c, `native:${yesNo(p.nativeOfProvince)}`);
  add(c, `gender:${p.gender ?? 'unspecified'}`);
  const birthYear = p.birthYear ?? 'unknown';
  add(c, `birthYear:${birthYear}`);
  add(c, `sector:${p.employer?.sector ?? 'unknown'}`);
  for (const mode of new Set(p.engagement)) add(c, `engagement:${mode}`);
  add(c, `month:${month}`);
  add(c, `monthDegree:${month}:${p.highestDegree}`);
  if (p.consent) {
    for (const purpose of ['shareWithAgencies', 'collaborationCalls', 'publicDirectory'] as const) {
      if (p.consent[purpose]) add(c, `consent:${purpose}`);
    }
  }
  const post = p.leadershipPost ?? 'unknown';
  add(c, `leadership:${post}`);
  add(c, `abroad:${yesNo(p.abroadSixMonths)}`);
  if (post !== 'none' && post !== 'unknown') add(c, `leaderBirthYear:${birthYear}`);
  if (post === 'provincial') add(c, `provincialLeaderAbroad:${yesNo(p.abroadSixMonths)}`);
  return c;
}

/**
 * What a roster entry of the spreadsheet import adds to the `roster` source: a person like any
 * other while the entry stands (status `roster`), nothing once claimed, because its person
 * registered and is counted as `registered` from the verification on: never twice. An entry has
 * no engagement modes, consents or leadership data; a missing location counts as unknown.
 */
export function rosterEntryContribution(entry: Record<string, unknown> | undefined): Counters {
  if (entry?.status !== 'roster') return {};
  const person = entry as unknown as Partial<CountablePerson>;
  return personContribution({
    ...(person as CountablePerson),
    status: 'active',
    fields: person.fields ?? [],
    location: person.location ?? { kind: 'unknown', country: 'unknown' },
    engagement: [],
    consent: undefined,
  });
}

/** What a demand adds: by status, zone and agency, with the headcount asked for. */
export function demandContribution(
  d: { status: string; zone: string; agency: string; headcount: number } | undefined,
): Counters {
  const c: Counters = {};
  if (!d) return c;
  add(c, 'total');
  add(c, 'headcount', d.headcount);
  for (const [dimension, value] of [
    ['status', d.status],
    ['zone', d.zone],
    ['agency', d.agency],
  ] as const) {
    add(c, `${dimension}:${value}`);
    add(c, `${dimension}Headcount:${value}`, d.headcount);
  }
  return c;
}

/** What an offer adds: by state, policy and zone, with the package value in VND. */
export function offerContribution(
  o:
    | {
        status: string;
        agency: string;
        demand?: { zone?: string } | null;
        policies?: { code: string; benefits: { kind: string; amountVnd: number }[] }[] | null;
        packageValueVnd?: number | null;
        sentAt?: string | null;
      }
    | undefined,
): Counters {
  const c: Counters = {};
  if (!o) return c;
  const value = o.packageValueVnd ?? 0;
  const zone = o.demand?.zone ?? 'unknown';
  add(c, 'total');
  add(c, 'valueVnd', value);
  add(c, `state:${o.status}`);
  add(c, `stateValueVnd:${o.status}`, value);
  add(c, `zone:${zone}`);
  add(c, `zoneValueVnd:${zone}`, value);
  // Sent at some point: the funnel's "offers sent" (whatever happened to them next).
  if (o.sentAt) add(c, 'sent');
  for (const policy of o.policies ?? []) {
    add(c, `policy:${policy.code}`);
    add(
      c,
      `policyValueVnd:${policy.code}`,
      policy.benefits.reduce(
        (sum, b) => sum + (b.kind === 'monthly_allowance' ? b.amountVnd * 12 : b.amountVnd),
        0,
      ),
    );
  }
  if (o.status === 'accepted') {
    add(c, `zoneFilled:${zone}`);
    add(c, `agencyFilled:${o.agency}`);
  }
  return c;
}

/** What a call adds (by status), and each response to a call. */
export function callContribution(call: { status: string } | undefined): Counters {
  const c: Counters = {};
  if (call) {
    add(c, 'total');
    add(c, `status:${call.status}`);
  }
  return c;
}

export const callResponseContribution = (response: object | undefined): Counters =>
  response ? { responses: 1 } : {};

/** new minus old, without the names that do not change. */
export function counterDelta(before: Counters, after: Counters): Counters {
  const delta: Counters = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const change = (after[name] ?? 0) - (before[name] ?? 0);
    if (change !== 0) delta[name] = change;
  }
  return delta;
}

/** The sum of counter sets (the sources of people together). */
export function sumCounters(...sets: Counters[]): Counters {
  const total: Counters = {};
  for (const set of sets) for (const [name, n] of Object.entries(set)) add(total, name, n);
  return total;
}

/** The values of one dimension: `degree` → {doctorate: 3, master: 7}. Zeros are left out. */
export function dimension(counters: Counters, name: string): Record<string, number> {
  const prefix = `${name}:`;
  const values: Record<string, number> = {};
  for (const [key, n] of Object.entries(counters)) {
    if (key.startsWith(prefix) && n !== 0) values[key.slice(prefix.length)] = n;
  }
  return values;
}

export const ageBands = ['under_30', '30_39', '40_49', '50_59', '60_plus', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The age band of a birth year in a given year (the age reached during that year). */
export function ageBand(birthYear: number | undefined, year: number): AgeBand {
  if (birthYear === undefined || Number.isNaN(birthYear)) return 'unknown';
  const age = year - birthYear;
  if (age < 30) return 'under_30';
  if (age < 40) return '30_39';
  if (age < 50) return '40_49';
  if (age < 60) return '50_59';
  return '60_plus';
}

/** Birth-year counts into age bands as of a year. */
export function ageBandsOf(byBirthYear: Record<string, number>, year: number): Record<AgeBand, number> {
  const bands = Object.fromEntries(ageBands.map((b) => [b, 0])) as Record<AgeBand, number>;
  for (const [birthYear, n] of Object.entries(byBirthYear)) {
    bands[ageBand(birthYear === 'unknown' ? undefined : Number(birthYear), year)] += n;
  }
  return bands;
}

/**
 * A breakdown fit to publish: every group of 1-4 people becomes null ("fewer than 5"). If only one
 * group is hidden, the total would give it away, so the next smallest group is hidden too.
 */
export function suppressSmallGroups(
  groups: Record<string, number>,
  min = minGroupSize,
): Record<string, number | null> {
  const shown: Record<string, number | null> = { ...groups };
  const small = Object.keys(groups).filter((k) => groups[k] > 0 && groups[k] < min);
  for (const k of small) shown[k] = null;
  if (small.length === 1) {
    const next = Object.keys(groups)
      .filter((k) => groups[k] >= min)
      .sort((a, b) => groups[a] - groups[b] || a.localeCompare(b))[0];
    if (next !== undefined) shown[next] = null;
  }
  return shown;
}

/** A count fit to publish on its own: null below the minimum group size (zero stays zero). */
export const suppressCount = (n: number, min = minGroupSize): number | null => (n > 0 && n < min ? null : n);

/** The figures every target is measured by, from the people's counters. */
export function targetValues(people: Counters, year: number): Record<TargetMetric, number | null> {
  const leaders = dimension(people, 'leaderBirthYear');
  const leaderCount = Object.values(leaders).reduce((a, b) => a + b, 0);
  const leadersUnder40 = Object.entries(leaders)
    .filter(([birthYear]) => birthYear !== 'unknown' && year - Number(birthYear) < 40)
    .reduce((sum, [, n]) => sum + n, 0);
  const provincial = dimension(people, 'provincialLeaderAbroad');
  const provincialCount = Object.values(provincial).reduce((a, b) => a + b, 0);
  const percent = (part: number, whole: number) =>
    whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
  return {
    intellectuals: people.total ?? 0,
    doctorates: people['degree:doctorate'] ?? 0,
    masters_or_higher: (people['degree:master'] ?? 0) + (people['degree:doctorate'] ?? 0),
    leaders_under_40_share: percent(leadersUnder40, leaderCount),
    provincial_leaders_international_share: percent(provincial.yes ?? 0, provincialCount),
  };
}

/**
 * How far a target is met, 0-1 and more: the current count over the goal, or for a share the
 * current percentage over the lower end of its range. Null when there is nothing to measure yet.
 */
export function targetShare(target: Pick<ProvinceTarget, 'min'>, current: number | null): number | null {
  if (current === null || target.min <= 0) return null;
  return Math.round((current / target.min) * 1000) / 1000;
}

/**
 * The monthly trend of a count target up to a month: the running total of active people by the
 * month they registered (people who left no longer count in any month).
 */
export function monthlyTrend(
  people: Counters,
  metric: TargetMetric,
  lastMonth: string,
): { month: string; value: number }[] {
  const perMonth: Record<string, number> = {};
  for (const [key, n] of Object.entries(people)) {
    if (metric === 'intellectuals' && key.startsWith('month:')) add(perMonth, key.slice(6), n);
    if (key.startsWith('monthDegree:')) {
      const [, month, degree] = key.split(':');
      if (
        (metric === 'doctorates' && degree === 'doctorate') ||
        (metric === 'masters_or_higher' && (degree === 'doctorate' || degree === 'master'))
      )
        add(perMonth, month, n);
    }
  }
  const months = Object.keys(perMonth)
    .filter((m) => m <= lastMonth)
    .sort();
  if (!months.length) return [];
  const trend: { month: string; value: number }[] = [];
  let running = 0;
  for (let m = months[0]; m <= lastMonth; m = nextMonth(m)) {
    running += perMonth[m] ?? 0;
    trend.push({ month: m, value: running });
  }
  return trend;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
