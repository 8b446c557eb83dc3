import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Demand } from '#shared/domain/demand';
import {
  academicTitles,
  degrees,
  type EngagementMode,
  engagementModes,
  expertStatuses,
  languageLevels,
} from '#shared/domain/expert';
import {
  demandScorer,
  type HardFilter,
  hardFilterFailures,
  type MatchDemand,
  type MatchProfile,
  rankDemandsForExpert,
  rankExpertsForDemand,
  scoreMatch,
} from '#shared/domain/matching';
import { fieldsOfScience } from '#shared/domain/taxonomy';

// The hard filters and the ranking checked against an oracle written here from the rules in
// matching.ts's header comment, over generated experts and demands in several field groups.
const now = new Date('2026-11-20T18:30:00Z'); // already 21 November in Vietnam
const dayMs = 86_400_000;
const runs = { seed: 2030, numRuns: 100 };

const groupOf = (code: string) => code.split('.')[0];
const groupsUsed = ['1', '2', '3', '6'];
const subFields = fieldsOfScience
  .filter((f) => f.parent !== null && groupsUsed.includes(f.parent))
  .map((f) => f.code)
  // a few fields per group, so that demands and experts meet often enough
  .filter((code) => Number(code.split('.')[1]) <= 3);

const fieldArb = fc.constantFrom(...subFields);
const languageArb = fc.record({
  code: fc.constantFrom('en', 'ja', 'fr'),
  level: fc.constantFrom(...languageLevels),
});

type Profile = MatchProfile;

const profileArb: fc.Arbitrary<Omit<Profile, 'id'>> = fc.record({
  fullName: fc.constant('Generated Expert'),
  highestDegree: fc.constantFrom(...degrees),
  academicTitle: fc.constantFrom(...academicTitles),
  fields: fc
    .uniqueArray(fieldArb, { minLength: 1, maxLength: 3 })
    .map((codes) => codes.map((code) => ({ code }))),
  location: fc.constantFrom(
    { kind: 'in_province' as const, country: 'VN' },
    { kind: 'in_country' as const, country: 'VN' },
    { kind: 'overseas' as const, country: 'JP' },
  ),
  nativeOfProvince: fc.boolean(),
  yearsExperience: fc.nat(40),
  languages: fc.uniqueArray(languageArb, { maxLength: 3, selector: (l) => l.code }),
  engagement: fc.subarray([...engagementModes], { minLength: 1 }),
  updatedAt: fc.nat(900).map((days) => new Date(now.getTime() - days * dayMs - 3_600_000).toISOString()),
  status: fc.option(fc.constantFrom(...expertStatuses), { nil: undefined }),
  consent: fc.option(
    fc.boolean().map((shareWithAgencies) => ({ shareWithAgencies })),
    { nil: undefined },
  ),
});

/** Ids of different lengths ("a" < "ab" < "b"), so that the tie-break by id is exercised. */
const ids = [...new Set(['a', 'b', 'c', 'd', 'e', 'f'].flatMap((x) => [x, `${x}a`, `${x}b`, `a${x}`]))];

/** Pools of mostly visible profiles with distinct ids. */
const profilesArb = fc
  .array(fc.tuple(profileArb, fc.boolean()), { minLength: 1, maxLength: 15 })
  .chain((items) =>
    fc.shuffledSubarray(ids, { minLength: items.length, maxLength: items.length }).map((picked) =>
      items.map(
        ([p, visible], i): Profile => ({
          ...p,
          ...(visible ? { status: 'active', consent: { shareWithAgencies: true } } : {}),
          id: picked[i],
        }),
      ),
    ),
  );

const demandArb: fc.Arbitrary<MatchDemand> = fc.record({
  fieldCodes: fc.uniqueArray(fc.oneof(fieldArb, fc.constantFrom(...groupsUsed)), {
    minLength: 1,
    maxLength: 3,
  }),
  minDegree: fc.constantFrom(...degrees),
  minYearsExperience: fc.constantFrom(0, 3, 5, 10),
  languages: fc.uniqueArray(
    fc.record({ code: fc.constantFrom('en', 'ja', 'fr'), minLevel: fc.constantFrom(...languageLevels) }),
    { maxLength: 2, selector: (l) => l.code },
  ),
  engagement: fc.constantFrom(...engagementModes),
});

// ---- the oracle ------------------------------------------------------------------------------

function oracleFailures(d: MatchDemand, p: Profile): HardFilter[] {
  const failures: HardFilter[] = [];
  const hidden = (p.status ?? 'active') !== 'active' || p.consent?.shareWithAgencies === false;
  if (hidden) failures.push('visible');
  if (degrees.indexOf(p.highestDegree) < degrees.indexOf(d.minDegree)) failures.push('degree');
  const demandGroups = d.fieldCodes.map(groupOf);
  if (!p.fields.some((f) => demandGroups.includes(groupOf(f.code)))) failures.push('field_group');
  return failures;
}

const partlyFitting = new Set([
  'relocate<full_time',
  'full_time<relocate',
  'part_time<project_based',
  'part_time<full_time',
  'remote_advisory<project_based',
  'remote_advisory<short_visit',
  'short_visit<remote_advisory',
  'short_visit<project_based',
  'project_based<part_time',
  'project_based<remote_advisory',
]);

function oraclePoints(d: MatchDemand, p: Profile): number[] {
  const exact = p.fields.some((f) => d.fieldCodes.includes(f.code) || d.fieldCodes.includes(groupOf(f.code)));
  const above = degrees.indexOf(p.highestDegree) - degrees.indexOf(d.minDegree);
  const title = { none: 0, associate_professor: 4, professor: 6 }[p.academicTitle];
  const years = p.yearsExperience;
  const min = d.minYearsExperience;
  const experience =
    years >= min ? Math.min(12, 8 + Math.floor((years - min) / 3)) : Math.floor((8 * years) / min);
  let credits = 0;
  for (const wanted of d.languages) {
    const spoken = p.languages.find((l) => l.code === wanted.code);
    const short = spoken ? languageLevels.indexOf(wanted.minLevel) - languageLevels.indexOf(spoken.level) : 9;
    credits += short <= 0 ? 2 : short === 1 ? 1 : 0;
  }
  const languages = d.languages.length === 0 ? 10 : Math.floor((10 * credits) / (2 * d.languages.length));
  const fits = (mode: EngagementMode) => partlyFitting.has(`${d.engagement}<${mode}`);
  const engagement = p.engagement.includes(d.engagement) ? 10 : p.engagement.some(fits) ? 5 : 0;
  const native = !p.nativeOfProvince ? 0 : p.location.kind === 'overseas' ? 10 : 5;
  const days = Math.floor((now.getTime() - Date.parse(p.updatedAt)) / dayMs);
  const recency = days <= 180 ? 6 : days <= 365 ? 4 : days <= 730 ? 2 : 0;
  return [exact ? 34 : 14, Math.max(0, above) * 6, title, experience, languages, engagement, native, recency];
}

const oracleScore = (d: MatchDemand, p: Profile) => oraclePoints(d, p).reduce((a, b) => a + b, 0);

/** Best first, ties by id: the order a user sees, computed from the oracle's scores. */
function oracleRanking(d: MatchDemand, profiles: Profile[]): string[] {
  return profiles
    .filter((p) => oracleFailures(d, p).length === 0)
    .map((p) => ({ id: p.id, score: oracleScore(d, p) }))
    .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.id < b.id ? -1 : 1))
    .map((m) => m.id);
}

// ---- the properties ---------------------------------------------------------------------------

describe('matching properties against the oracle', () => {
  it('names exactly the hard filters a profile fails, in order', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(demandArb, profileArb, (d, p) => {
        const expected = oracleFailures(d, { ...p, id: 'x' });
        for (const failure of expected) seen.add(failure);
        if (expected.length === 0) seen.add('none');
        expect(hardFilterFailures(d, p)).toEqual(expected);
      }),
      { ...runs, numRuns: 400 },
    );
    // The generators reach every case, so the property is not vacuous.
    expect([...seen].sort()).toEqual(['degree', 'field_group', 'none', 'visible']);
  });

  it('scores each factor as the rules say', () => {
    fc.assert(
      fc.property(demandArb, profileArb, (d, p) => {
        const profile = { ...p, id: 'x' };
        const { score, reasons } = scoreMatch(d, profile, now);

        expect(reasons.map((r) => r.points)).toEqual(oraclePoints(d, profile));
        expect(score).toBe(oracleScore(d, profile));
      }),
      { ...runs, numRuns: 400 },
    );
  });

  it('the ranking scorer gives the oracle’s score to a profile that passes, and nothing to one that fails', () => {
    let passed = 0;
    let failed = 0;
    fc.assert(
      fc.property(demandArb, profileArb, (d, p) => {
        const profile = { ...p, id: 'x' };
        const passes = oracleFailures(d, profile).length === 0;
        if (passes) passed++;
        else failed++;
        expect(demandScorer(d, now)(profile)).toBe(passes ? oracleScore(d, profile) : undefined);
      }),
      { ...runs, numRuns: 600 },
    );
    expect(passed).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(50);
  });

  it('returns exactly the profiles that pass, best first, ties by id', () => {
    let returned = 0;
    fc.assert(
      fc.property(demandArb, profilesArb, (d, profiles) => {
        const ranked = rankExpertsForDemand(d, profiles, now);
        returned += ranked.length;

        expect(ranked.map((m) => m.expert.id)).toEqual(oracleRanking(d, profiles));
        for (const m of ranked) {
          expect(m).toEqual({
            expert: profiles.find((p) => p.id === m.expert.id),
            ...scoreMatch(d, m.expert, now),
          });
        }
      }),
      runs,
    );
    expect(returned).toBeGreaterThan(runs.numRuns);
  });

  it('never ranks a profile lower for being better on one factor', () => {
    const improve: ((p: Profile, d: MatchDemand) => Profile)[] = [
      (p) => ({ ...p, highestDegree: 'doctorate' }),
      (p) => ({ ...p, highestDegree: 'doctorate', academicTitle: 'professor' }),
      (p) => ({ ...p, yearsExperience: p.yearsExperience + 4 }),
      (p, d) => ({ ...p, languages: d.languages.map((l) => ({ code: l.code, level: 'native' as const })) }),
      (p, d) => ({ ...p, engagement: [d.engagement] }),
      (p) => ({ ...p, nativeOfProvince: true }),
      (p) => ({ ...p, nativeOfProvince: true, location: { kind: 'overseas', country: 'DE' } }),
      (p) => ({ ...p, updatedAt: now.toISOString() }),
      (p, d) => ({
        ...p,
        fields: [
          ...p.fields,
          { code: d.fieldCodes[0].includes('.') ? d.fieldCodes[0] : `${d.fieldCodes[0]}.1` },
        ],
      }),
    ];
    fc.assert(
      fc.property(
        demandArb,
        profilesArb,
        fc.nat(),
        fc.constantFrom(...improve.keys()),
        (d, profiles, n, k) => {
          const target = profiles[n % profiles.length];
          const better = improve[k](target, d);
          const pool = profiles.map((p) => (p === target ? better : p));
          const before = oracleRanking(d, profiles).indexOf(target.id);
          fc.pre(before >= 0);
          const after = rankExpertsForDemand(d, pool, now).findIndex((m) => m.expert.id === target.id);

          expect(after).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(before);
          expect(scoreMatch(d, better, now).score).toBeGreaterThanOrEqual(oracleScore(d, target));
        },
      ),
      runs,
    );
  });

  it('ranks for an expert only the open demands whose filters the expert passes', () => {
    // "Today" in Vietnam, from the time zone database rather than a fixed offset.
    const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
    const stateArb = fc.record({
      status: fc.constantFrom('draft', 'open', 'open', 'filled', 'closed') as fc.Arbitrary<Demand['status']>,
      openUntil: fc.constantFrom(null, '2026-11-20', '2026-11-21', '2026-11-22'),
    });
    const demandsArb = fc
      .array(fc.tuple(demandArb, stateArb), { minLength: 1, maxLength: 12 })
      .map((items) => items.map(([d, s], i) => ({ ...d, ...s, id: `d${String.fromCharCode(108 - i)}` })));

    fc.assert(
      fc.property(profileArb, demandsArb, (p, demands) => {
        const profile = { ...p, id: 'x' };
        const expected = demands
          .filter((d) => d.status === 'open' && (d.openUntil === null || d.openUntil >= vietnamDay))
          .filter((d) => oracleFailures(d, profile).length === 0)
          .map((d) => ({ id: d.id, score: oracleScore(d, profile) }))
          .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.id < b.id ? -1 : 1));

        const ranked = rankDemandsForExpert(profile, demands, now);

        expect(ranked.map((m) => [m.demand.id, m.score])).toEqual(expected.map((m) => [m.id, m.score]));
        for (const m of ranked) {
          expect(m).toEqual({
            demand: demands.find((d) => d.id === m.demand.id),
            ...scoreMatch(m.demand, profile, now),
          });
        }
      }),
      runs,
    );
  });
});
