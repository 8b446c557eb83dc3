import { describe, expect, it } from 'vitest';
import { generateProfiles } from '#shared/demo/generate-profiles';
import type { Demand } from '#shared/domain/demand';
import {
  degrees,
  type ExpertProfile,
  type ExpertSummary,
  engagementModes,
  languageLevels,
} from '#shared/domain/expert';
import {
  hardFilterFailures,
  type MatchDemand,
  type MatchProfile,
  maxPoints,
  passesHardFilters,
  rankDemandsForExpert,
  rankExpertsForDemand,
  scoreMatch,
} from '#shared/domain/matching';
import { fieldsOfScience } from '#shared/domain/taxonomy';

const now = new Date('2026-11-20T00:00:00Z');
const dayMs = 86_400_000;

/** A tiny seeded PRNG, so every property runs over the same generated cases each time. */
function rng(seed: number) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(45);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

type Profile = MatchProfile & { status: ExpertProfile['status']; consent: { shareWithAgencies: boolean } };

/** Generated registrations as stored profiles: some pending or withdrawn, updated over 3 years. */
const profiles: Profile[] = generateProfiles(800, { seed: 7 }).map((r, i) => ({
  id: `expert-${String(i).padStart(4, '0')}`,
  fullName: r.fullName,
  highestDegree: r.highestDegree,
  academicTitle: r.academicTitle ?? 'none',
  fields: r.fields,
  location: r.location,
  nativeOfProvince: r.nativeOfProvince,
  employer: r.employer,
  yearsExperience: r.yearsExperience,
  languages: r.languages ?? [],
  engagement: r.engagement,
  updatedAt: new Date(now.getTime() - Math.floor(random() * 1100) * dayMs).toISOString(),
  status: i % 9 === 4 ? 'pending_verification' : i % 13 === 5 ? 'withdrawn' : 'active',
  consent: { shareWithAgencies: r.consent.shareWithAgencies },
}));

const subFields = fieldsOfScience.filter((f) => f.parent !== null).map((f) => f.code);
const groupCodes = fieldsOfScience.filter((f) => f.parent === null).map((f) => f.code);

function randomDemand(i: number): Demand {
  const codes = new Set<string>();
  const count = 1 + Math.floor(random() * 3);
  while (codes.size < count) codes.add(random() < 0.1 ? pick(groupCodes) : pick(subFields));
  const languages =
    random() < 0.6
      ? [{ code: pick(['en', 'ja', 'fr', 'ko']), minLevel: pick(languageLevels.slice(1, 5)) }]
      : [];
  return {
    id: `demand-${String(i).padStart(3, '0')}`,
    agency: 'so-khoa-hoc-cong-nghe',
    title: `Demand ${i}`,
    description: '',
    fieldCodes: [...codes],
    minDegree: pick(degrees),
    minYearsExperience: pick([0, 0, 3, 5, 10]),
    languages,
    zone: pick(['dung-quat-ez', 'industrial-parks', 'mountainous-areas', 'provincial-centre']),
    engagement: pick(engagementModes),
    headcount: 1,
    priority: 'normal',
    policyIds: [],
    openUntil: null,
    status: 'open',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
}

const demands = Array.from({ length: 60 }, (_, i) => randomDemand(i));
const rankOf = (ranked: { expert: { id: string } }[], id: string) =>
  ranked.findIndex((m) => m.expert.id === id);

describe('matching: hard filters', () => {
  it('never returns a profile that fails a hard filter, and returns every one that passes', () => {
    for (const demand of demands) {
      const ranked = rankExpertsForDemand(demand, profiles, now);

      for (const match of ranked) expect(hardFilterFailures(demand, match.expert)).toEqual([]);
      const passing = profiles.filter((p) => passesHardFilters(demand, p)).map((p) => p.id);
      expect(ranked.map((m) => m.expert.id).sort()).toEqual(passing.sort());
    }
  });

  it('names each filter a profile fails: visibility, degree, field group', () => {
    const demand = { ...demands[0], fieldCodes: ['3.2'], minDegree: 'doctorate' as const };
    const engineer = { ...profiles[1], highestDegree: 'master' as const, fields: [{ code: '2.3' }] };

    expect(hardFilterFailures(demand, { ...engineer, status: 'withdrawn' })).toEqual([
      'visible',
      'degree',
      'field_group',
    ]);
    expect(hardFilterFailures(demand, { ...engineer, consent: { shareWithAgencies: false } })).toContain(
      'visible',
    );
  });

  it('generates cases where every filter excludes someone (the properties are not vacuous)', () => {
    const failures = new Set(demands.flatMap((d) => profiles.flatMap((p) => hardFilterFailures(d, p))));
    const returned = demands.reduce((n, d) => n + rankExpertsForDemand(d, profiles, now).length, 0);

    expect([...failures].sort()).toEqual(['degree', 'field_group', 'visible']);
    expect(returned).toBeGreaterThan(1000);
  });
});

describe('matching: scores and reasons', () => {
  it('gives integer scores from 0 to 100 whose reasons sum to them', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const demand of demands) {
      for (const { expert, score, reasons } of rankExpertsForDemand(demand, profiles, now)) {
        const sum = reasons.reduce((total, r) => total + r.points, 0);
        const readable = reasons.every((r) => Number.isInteger(r.points) && r.detail.length > 5);
        if (!Number.isInteger(score) || score < 0 || score > 100 || sum !== score || !readable) {
          wrong.push(`${demand.id}/${expert.id}: ${score}`);
        }
        checked++;
      }
    }

    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('lists every factor once, with points within its maximum', () => {
    const [match] = rankExpertsForDemand(demands[0], profiles, now);
    const factors = match.reasons.map((r) => r.factor);

    expect(factors.filter((f) => f === 'field_exact' || f === 'field_group')).toHaveLength(1);
    expect(factors.slice(1)).toEqual([
      'degree',
      'title',
      'experience',
      'languages',
      'engagement',
      'native',
      'recency',
    ]);
    for (const reason of match.reasons) expect(reason.points).toBeLessThanOrEqual(maxPoints[reason.factor]);
  });

  it('explains a perfect fit in readable words and gives it 100', () => {
    const demand: MatchDemand = {
      fieldCodes: ['2.3'],
      minDegree: 'bachelor',
      minYearsExperience: 0,
      languages: [{ code: 'en', minLevel: 'B2' }],
      engagement: 'remote_advisory',
    };
    const an: ExpertSummary = {
      ...profiles[0],
      highestDegree: 'doctorate',
      academicTitle: 'professor',
      yearsExperience: 12,
      fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
      location: { kind: 'overseas', country: 'JP', city: 'Osaka' },
      nativeOfProvince: true,
      languages: [{ code: 'en', level: 'C1' }],
      engagement: ['remote_advisory'],
      updatedAt: now.toISOString(),
    };

    const { score, reasons } = scoreMatch(demand, an, now);

    expect(score).toBe(100);
    expect(reasons.map((r) => r.detail)).toEqual([
      'Works in 2.3 Mechanical engineering, a field the demand asks for',
      'doctorate: 2 levels above the minimum degree (bachelor)',
      'Academic title: professor',
      '12 years of experience (no minimum asked)',
      'Languages: en C1 meets B2',
      'Open to remote_advisory, as asked',
      'Native of the province living overseas (JP): a province priority',
      'Profile updated 0 days ago',
    ]);
  });

  it('orders best first with ties broken by id, whatever the input order', () => {
    for (const demand of demands.slice(0, 20)) {
      const ranked = rankExpertsForDemand(demand, profiles, now);
      const shuffled = [...profiles].sort(() => random() - 0.5);

      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1], ranked[i]];
        expect(a.score > b.score || (a.score === b.score && a.expert.id < b.expert.id)).toBe(true);
      }
      expect(rankExpertsForDemand(demand, shuffled, now).map((m) => m.expert.id)).toEqual(
        ranked.map((m) => m.expert.id),
      );
    }
  });
});

/** Ways to make a profile strictly better on one factor for a demand (none when it cannot be). */
const improvements: Record<string, (p: Profile, d: Demand) => Profile | null> = {
  degree: (p) => {
    const next = degrees[degrees.indexOf(p.highestDegree) + 1];
    return next ? { ...p, highestDegree: next } : null;
  },
  title: (p) => {
    if (p.highestDegree !== 'doctorate' || p.academicTitle === 'professor') return null;
    return { ...p, academicTitle: p.academicTitle === 'none' ? 'associate_professor' : 'professor' };
  },
  experience: (p) => ({ ...p, yearsExperience: p.yearsExperience + 1 + Math.floor(random() * 8) }),
  language: (p, d) => {
    const wanted = d.languages[0];
    if (!wanted) return null;
    const current = p.languages.find((l) => l.code === wanted.code);
    const level = languageLevels[current ? languageLevels.indexOf(current.level) + 1 : 0];
    if (!level) return null;
    const others = p.languages.filter((l) => l.code !== wanted.code);
    return { ...p, languages: [...others, { code: wanted.code, level }] };
  },
  engagement: (p, d) =>
    p.engagement.includes(d.engagement) ? null : { ...p, engagement: [...p.engagement, d.engagement] },
  native: (p) => (p.nativeOfProvince ? null : { ...p, nativeOfProvince: true }),
  overseas: (p) =>
    p.nativeOfProvince && p.location.kind !== 'overseas'
      ? { ...p, location: { kind: 'overseas', country: 'DE', city: 'Berlin' } }
      : null,
  recency: (p) => {
    const newer = Date.parse(p.updatedAt) + (1 + Math.floor(random() * 400)) * dayMs;
    return { ...p, updatedAt: new Date(Math.min(newer, now.getTime())).toISOString() };
  },
  exactField: (p, d) => {
    const code = d.fieldCodes.find((c) => c.includes('.') && !p.fields.some((f) => f.code === c));
    return code && p.fields.length < 5 ? { ...p, fields: [...p.fields, { code }] } : null;
  },
};

describe('matching: monotonic in every factor', () => {
  it.each(Object.keys(improvements))('a profile made better on %s never scores or ranks lower', (factor) => {
    let checked = 0;
    for (const demand of demands.slice(0, 30)) {
      const pool = profiles.filter((p) => passesHardFilters(demand, p)).slice(0, 150);
      const before = rankExpertsForDemand(demand, pool, now);
      for (const profile of pool.slice(0, 10)) {
        const better = improvements[factor](profile, demand);
        if (!better) continue;
        const after = rankExpertsForDemand(
          demand,
          pool.map((p) => (p.id === profile.id ? better : p)),
          now,
        );

        expect(scoreMatch(demand, better, now).score).toBeGreaterThanOrEqual(
          scoreMatch(demand, profile, now).score,
        );
        expect(rankOf(after, profile.id)).toBeLessThanOrEqual(rankOf(before, profile.id));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('matching: exact field over the same group', () => {
  it('ranks an exact sub-field match above an otherwise equal same-group match', () => {
    let checked = 0;
    for (const demand of demands) {
      const exact = demand.fieldCodes.find((c) => c.includes('.'));
      const group = exact?.split('.')[0];
      // A demand naming the whole group counts every field in it as exact.
      if (!exact || !group || demand.fieldCodes.includes(group)) continue;
      const sibling = subFields.find(
        (c) => c.startsWith(`${group}.`) && !demand.fieldCodes.includes(c) && c !== exact,
      );
      if (!sibling) continue;
      for (const base of profiles.filter((p) => passesHardFilters(demand, p)).slice(0, 10)) {
        // The same-group twin gets the smaller id, so a tie would put it first.
        const sameGroup = { ...base, id: 'a-same-group', fields: [{ code: sibling }] };
        const exactMatch = { ...base, id: 'z-exact', fields: [{ code: exact }] };

        const ranked = rankExpertsForDemand(demand, [sameGroup, exactMatch], now);

        expect(ranked.map((m) => m.expert.id)).toEqual(['z-exact', 'a-same-group']);
        expect(ranked[0].reasons[0].factor).toBe('field_exact');
        expect(ranked[1].reasons[0].factor).toBe('field_group');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('counts any field inside a group the demand names as a match on it', () => {
    const demand = { ...demands[0], fieldCodes: ['6'], minDegree: 'bachelor' as const };
    const historian = { ...profiles[0], fields: [{ code: '6.1' }] };

    expect(scoreMatch(demand, historian, now).reasons[0]).toMatchObject({
      factor: 'field_exact',
      points: 34,
    });
  });
});

describe('rankDemandsForExpert', () => {
  const expert = profiles.find((p) => p.status === 'active' && p.consent.shareWithAgencies) as Profile;

  it('ranks the open demands the expert passes the filters for, with the same scores', () => {
    const ranked = rankDemandsForExpert(expert, demands, now);

    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.map((m) => m.demand.id).sort()).toEqual(
      demands.filter((d) => passesHardFilters(d, expert)).map((d) => d.id),
    );
    for (const match of ranked) expect(match.score).toBe(scoreMatch(match.demand, expert, now).score);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(a.score > b.score || (a.score === b.score && a.demand.id < b.demand.id)).toBe(true);
    }
  });

  it('leaves out demands that are not open or are past their open-until day', () => {
    const fits = { ...demands[0], fieldCodes: [expert.fields[0].code], minDegree: 'bachelor' as const };
    const candidates = [
      { ...fits, id: 'open' },
      { ...fits, id: 'open-until-today', openUntil: '2026-11-20' },
      { ...fits, id: 'draft', status: 'draft' as const },
      { ...fits, id: 'closed', status: 'closed' as const },
      { ...fits, id: 'past', openUntil: '2026-11-19' },
    ];

    const ids = rankDemandsForExpert(expert, candidates, now).map((m) => m.demand.id);

    expect(ids.sort()).toEqual(['open', 'open-until-today']);
  });

  it('returns nothing to an expert who does not share the profile with agencies', () => {
    expect(rankDemandsForExpert({ ...expert, consent: { shareWithAgencies: false } }, demands, now)).toEqual(
      [],
    );
  });
});
