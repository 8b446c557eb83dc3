/**
 * The programme's statistics: counters kept from the stream (exactly once per record), the
 * recount that repairs drift, and the views staff read (small groups suppressed) and the target
 * progress of the province's programme. The recount is shared/app/recount.ts.
 */
import { config } from '../config.ts';
import { queryAudit } from '../db/audit.ts';
import { applyCounterDelta, deltaOfChange, peopleScope, readCounters } from '../db/statistics.ts';
import type { AuditEvent, AuditQuery } from '../domain/audit.ts';
import type { Page } from '../domain/expert-search.ts';
import { sourcedTargets } from '../domain/province.ts';
import { getProvince } from '../domain/provinces/index.ts';
import {
  ageBandsOf,
  type Counters,
  dimension,
  minGroupSize,
  monthlyTrend,
  peopleSources,
  sumCounters,
  suppressCount,
  suppressSmallGroups,
  targetShare,
  targetValues,
} from '../domain/statistics.ts';

/**
 * One stored change as the stream reports it. Returns what happened: `applied`, `duplicate` (this
 * record was counted before) or `unchanged` (nothing counted changed, e.g. a new bio).
 */
export async function countStoredChange(
  eventId: string,
  key: { PK: string; SK: string },
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
  now: Date,
): Promise<'applied' | 'duplicate' | 'unchanged'> {
  const change = deltaOfChange(key, oldImage, newImage);
  if (!change) return 'unchanged';
  return (await applyCounterDelta(eventId, change, now)) ? 'applied' : 'duplicate';
}

const province = () => getProvince(config().provinceId);

function peopleCounters(items: Awaited<ReturnType<typeof readCounters>>): {
  all: Counters;
  bySource: Record<string, number>;
} {
  const sets = peopleSources.map((source) => items.get(peopleScope(source))?.counters ?? {});
  return {
    all: sumCounters(...sets),
    bySource: Object.fromEntries(peopleSources.map((source, i) => [source, sets[i].total ?? 0])),
  };
}

const latestAsOf = (items: Awaited<ReturnType<typeof readCounters>>, now: Date) =>
  [...items.values()]
    .map((i) => i.asOf)
    .reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null) ?? now.toISOString();

/** Grouped counts with their headcount or value beside them: `{zone: {count, headcount}}`. */
function grouped<F extends string>(
  counters: Counters,
  countName: string,
  extra: Record<F, string>,
): Record<string, { count: number } & Record<F, number>> {
  const counts = dimension(counters, countName);
  return Object.fromEntries(
    Object.entries(counts).map(([key, count]) => [
      key,
      {
        count,
        ...Object.fromEntries(
          Object.entries<string>(extra).map(([field, dim]) => [field, counters[`${dim}:${key}`] ?? 0]),
        ),
      },
    ]),
  ) as Record<string, { count: number } & Record<F, number>>;
}

/** Offer groups are offers to people: a group of fewer than five hides its count and value. */
function suppressedGroups(groups: Record<string, { count: number; valueVnd: number }>) {
  const counts = suppressSmallGroups(
    Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, g.count])),
  );
  return Object.fromEntries(
    Object.entries(groups).map(([k, g]) => [
      k,
      counts[k] === null ? { count: null, valueVnd: null } : { count: g.count, valueVnd: g.valueVnd },
    ]),
  );
}

/** GET /api/stats: every breakdown, groups of fewer than five people hidden. */
export async function statisticsView(now: Date) {
  const items = await readCounters();
  const { all: people, bySource } = peopleCounters(items);
  const demands = items.get('demands')?.counters ?? {};
  const offers = items.get('offers')?.counters ?? {};
  const calls = items.get('calls')?.counters ?? {};
  const year = now.getUTCFullYear();
  const breakdown = (name: string) => suppressSmallGroups(dimension(people, name));
  const months = dimension(people, 'month');
  const shownMonths = suppressSmallGroups(months);
  const zoneFilled = dimension(offers, 'zoneFilled');
  const agencyFilled = dimension(offers, 'agencyFilled');
  return {
    asOf: latestAsOf(items, now),
    minGroupSize,
    experts: {
      total: suppressCount(people.total ?? 0),
      bySource: Object.fromEntries(Object.entries(bySource).map(([s, n]) => [s, suppressCount(n)])),
      status: breakdown('status'),
      degree: breakdown('degree'),
      title: breakdown('title'),
      fieldGroup: breakdown('fieldGroup'),
      field: breakdown('field'),
      locationKind: breakdown('locationKind'),
      country: breakdown('country'),
      native: breakdown('native'),
      gender: breakdown('gender'),
      ageBand: suppressSmallGroups(ageBandsOf(dimension(people, 'birthYear'), year)),
      sector: breakdown('sector'),
      engagement: breakdown('engagement'),
      leadershipPost: breakdown('leadership'),
      abroadSixMonths: breakdown('abroad'),
      consent: breakdown('consent'),
      registrationsByMonth: Object.keys(months)
        .sort()
        .map((month) => ({ month, value: shownMonths[month] })),
    },
    demands: {
      total: demands.total ?? 0,
      headcount: demands.headcount ?? 0,
      filled: suppressCount(Object.values(zoneFilled).reduce((a, b) => a + b, 0)),
      byStatus: grouped(demands, 'status', { headcount: 'statusHeadcount' }),
      byZone: Object.fromEntries(
        Object.entries(grouped(demands, 'zone', { headcount: 'zoneHeadcount' })).map(([z, g]) => [
          z,
          { ...g, filled: suppressCount(zoneFilled[z] ?? 0) },
        ]),
      ),
      byAgency: Object.fromEntries(
        Object.entries(grouped(demands, 'agency', { headcount: 'agencyHeadcount' })).map(([a, g]) => [
          a,
          { ...g, filled: suppressCount(agencyFilled[a] ?? 0) },
        ]),
      ),
    },
    offers: {
      total: offers.total ?? 0,
      valueVnd: offers.valueVnd ?? 0,
      byState: suppressedGroups(grouped(offers, 'state', { valueVnd: 'stateValueVnd' })),
      byPolicy: suppressedGroups(grouped(offers, 'policy', { valueVnd: 'policyValueVnd' })),
      byZone: suppressedGroups(grouped(offers, 'zone', { valueVnd: 'zoneValueVnd' })),
    },
    calls: {
      total: calls.total ?? 0,
      byStatus: dimension(calls, 'status'),
      responses: suppressCount(calls.responses ?? 0),
    },
    // Demand → matches → offers sent → accepted. Matches are ranked on request and not kept: the
    // second step counts the offers drafted from them.
    funnel: {
      demandHeadcount: demands.headcount ?? 0,
      offersDrafted: suppressCount(offers.total ?? 0),
      offersSent: suppressCount(offers.sent ?? 0),
      accepted: suppressCount(offers['state:accepted'] ?? 0),
    },
  };
}

export type StatisticsView = Awaited<ReturnType<typeof statisticsView>>;

/** GET /api/stats/targets: each sourced target with its current value, share met and trend. */
export async function targetsView(now: Date) {
  const items = await readCounters();
  const { all: people } = peopleCounters(items);
  const values = targetValues(people, now.getUTCFullYear());
  const leaders = Object.values(dimension(people, 'leaderBirthYear')).reduce((a, b) => a + b, 0);
  const provincialLeaders = Object.values(dimension(people, 'provincialLeaderAbroad')).reduce(
    (a, b) => a + b,
    0,
  );
  const month = now.toISOString().slice(0, 7);
  const targets = sourcedTargets(province()).map((target) => {
    const raw = values[target.id];
    // A share of fewer than five people would single them out.
    const base =
      target.id === 'leaders_under_40_share'
        ? leaders
        : target.id === 'provincial_leaders_international_share'
          ? provincialLeaders
          : null;
    const current = base === null ? suppressCount(raw ?? 0) : base < minGroupSize ? null : raw;
    return {
      ...target,
      current,
      share: targetShare(target, current),
      trend:
        target.unit === 'people'
          ? monthlyTrend(people, target.id, month).map((p) => ({
              month: p.month,
              value: suppressCount(p.value),
            }))
          : [],
    };
  });
  return { asOf: latestAsOf(items, now), minGroupSize, targets };
}

export type TargetsView = Awaited<ReturnType<typeof targetsView>>;

/** GET /api/audit: the audit log for administrators. */
export const listAudit = (q: AuditQuery, now: Date): Promise<Page<AuditEvent>> => queryAudit(q, now);
