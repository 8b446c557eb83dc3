import { describe, expect, it } from 'vitest';
import { matchReasonSchema } from '#shared/domain/demand-views';
import { type EngagementMode, engagementModes } from '#shared/domain/expert';
import { type MatchDemand, type MatchFactor, type MatchProfile, scoreMatch } from '#shared/domain/matching';

// Each factor of the score pinned to its points and its explanation (matching.ts, header comment).
const now = new Date('2026-11-20T12:00:00Z');
const dayMs = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();

const demand = (overrides: Partial<MatchDemand> = {}): MatchDemand => ({
  fieldCodes: ['2.3'],
  minDegree: 'master',
  minYearsExperience: 5,
  languages: [],
  engagement: 'remote_advisory',
  ...overrides,
});

const expert = (overrides: Partial<MatchProfile> = {}): MatchProfile => ({
  id: 'expert-1',
  fullName: 'Trần Minh Đức',
  highestDegree: 'master',
  academicTitle: 'none',
  fields: [{ code: '2.3' }],
  location: { kind: 'in_province', country: 'VN' },
  nativeOfProvince: false,
  yearsExperience: 5,
  languages: [],
  engagement: ['remote_advisory'],
  updatedAt: daysAgo(0),
  ...overrides,
});

const reasonFor = (factor: MatchFactor, d: MatchDemand, p: MatchProfile) => {
  const { score, reasons } = scoreMatch(d, p, now);
  expect(reasons.reduce((sum, r) => sum + r.points, 0)).toBe(score);
  return reasons.find((r) => r.factor === factor);
};

type Row = [
  name: string,
  expert: Partial<MatchProfile>,
  demand: Partial<MatchDemand>,
  factor: MatchFactor,
  points: number,
  detail: string,
];

/** One test per row: the profile and demand (defaults overridden) earn exactly that reason. */
const pinsEachRow = (rows: Row[]) =>
  it.each(rows)('%s', (_, p, d, factor, points, detail) => {
    const reason = reasonFor(factor, demand(d), expert(p));
    // As the API declares it (typed params per code).
    expect(matchReasonSchema.safeParse(reason).error).toBeUndefined();
    // The English detail is written from the code and params alone, so it pins them too.
    expect(reason).toEqual({
      factor,
      points,
      detail,
      code: expect.any(String),
      params: expect.any(Object),
    });
  });

describe('matching factor: field', () => {
  pinsEachRow([
    [
      'the exact field',
      { fields: [{ code: '2.3' }] },
      {},
      'field_exact',
      34,
      'Works in 2.3 Mechanical engineering, a field the demand asks for',
    ],
    [
      'a field inside a group the demand names',
      { fields: [{ code: '6.2' }] },
      { fieldCodes: ['6'] },
      'field_exact',
      34,
      'Works in 6.2 Languages and literature, a field the demand asks for',
    ],
    [
      'every exact field, not the others',
      { fields: [{ code: '3.1' }, { code: '2.3' }, { code: '2.4' }] },
      { fieldCodes: ['2.4', '2.3'] },
      'field_exact',
      34,
      'Works in 2.3 Mechanical engineering, 2.4 Chemical engineering, a field the demand asks for',
    ],
    [
      'only the same group',
      { fields: [{ code: '2.5' }] },
      {},
      'field_group',
      14,
      'Works in 2.5 Materials engineering: the same field group (2 Engineering and technology), not the exact field',
    ],
    [
      'two fields of the same group, the group named once',
      { fields: [{ code: '1.1' }, { code: '2.1' }, { code: '2.7' }] },
      { fieldCodes: ['2.3'] },
      'field_group',
      14,
      'Works in 2.1 Civil engineering, 2.7 Environmental engineering: the same field group (2 Engineering and technology), not the exact field',
    ],
    [
      'fields of two named groups',
      { fields: [{ code: '1.2' }, { code: '2.1' }] },
      { fieldCodes: ['2.3', '1.1'] },
      'field_group',
      14,
      'Works in 1.2 Computer and information sciences, 2.1 Civil engineering: the same field group (1 Natural sciences, 2 Engineering and technology), not the exact field',
    ],
    [
      'a code the taxonomy no longer has, by its code alone',
      { fields: [{ code: '2.99' }] },
      {},
      'field_group',
      14,
      'Works in 2.99: the same field group (2 Engineering and technology), not the exact field',
    ],
  ]);
});

describe('matching factor: degree, 6 points per level above the minimum', () => {
  pinsEachRow([
    [
      'bachelor for bachelor',
      { highestDegree: 'bachelor' },
      { minDegree: 'bachelor' },
      'degree',
      0,
      'bachelor meets the minimum degree (bachelor)',
    ],
    [
      'master for master',
      { highestDegree: 'master' },
      { minDegree: 'master' },
      'degree',
      0,
      'master meets the minimum degree (master)',
    ],
    [
      'master for bachelor',
      { highestDegree: 'master' },
      { minDegree: 'bachelor' },
      'degree',
      6,
      'master: 1 level above the minimum degree (bachelor)',
    ],
    [
      'doctorate for master',
      { highestDegree: 'doctorate' },
      { minDegree: 'master' },
      'degree',
      6,
      'doctorate: 1 level above the minimum degree (master)',
    ],
    [
      'doctorate for bachelor',
      { highestDegree: 'doctorate' },
      { minDegree: 'bachelor' },
      'degree',
      12,
      'doctorate: 2 levels above the minimum degree (bachelor)',
    ],
  ]);

  it('never goes below zero for a degree under the minimum (the hard filter keeps those out)', () => {
    const reason = reasonFor(
      'degree',
      demand({ minDegree: 'doctorate' }),
      expert({ highestDegree: 'bachelor' }),
    );

    expect(reason?.points).toBe(0);
  });
});

describe('matching factor: academic title', () => {
  pinsEachRow([
    [
      'none',
      { highestDegree: 'doctorate', academicTitle: 'none' },
      {},
      'title',
      0,
      'Academic title: no academic title',
    ],
    [
      'associate professor',
      { highestDegree: 'doctorate', academicTitle: 'associate_professor' },
      {},
      'title',
      4,
      'Academic title: associate professor',
    ],
    [
      'professor',
      { highestDegree: 'doctorate', academicTitle: 'professor' },
      {},
      'title',
      6,
      'Academic title: professor',
    ],
  ]);

  it('reads a profile without a title as none', () => {
    const untitled = { ...expert(), academicTitle: undefined } as unknown as MatchProfile;

    expect(reasonFor('title', demand(), untitled)).toEqual({
      factor: 'title',
      points: 0,
      code: 'title',
      params: { title: 'none' },
      detail: 'Academic title: no academic title',
    });
  });
});

describe('matching factor: experience, 8 at the minimum, +1 per 3 years more (up to 12)', () => {
  const asked = (years: number, min: number) => `${years} years of experience, at least the ${min} asked for`;
  const fewer = (years: number, min: number) =>
    `${years} years of experience, fewer than the ${min} asked for`;
  pinsEachRow([
    [
      'none asked, none had',
      { yearsExperience: 0 },
      { minYearsExperience: 0 },
      'experience',
      8,
      '0 years of experience (no minimum asked)',
    ],
    [
      'none asked, 4 had',
      { yearsExperience: 4 },
      { minYearsExperience: 0 },
      'experience',
      9,
      '4 years of experience (no minimum asked)',
    ],
    ['exactly the minimum', { yearsExperience: 5 }, { minYearsExperience: 5 }, 'experience', 8, asked(5, 5)],
    [
      '2 years more: no extra point yet',
      { yearsExperience: 7 },
      { minYearsExperience: 5 },
      'experience',
      8,
      asked(7, 5),
    ],
    ['3 years more', { yearsExperience: 8 }, { minYearsExperience: 5 }, 'experience', 9, asked(8, 5)],
    ['6 years more', { yearsExperience: 11 }, { minYearsExperience: 5 }, 'experience', 10, asked(11, 5)],
    [
      '12 years more: the cap',
      { yearsExperience: 17 },
      { minYearsExperience: 5 },
      'experience',
      12,
      asked(17, 5),
    ],
    [
      '30 years more: still the cap',
      { yearsExperience: 35 },
      { minYearsExperience: 5 },
      'experience',
      12,
      asked(35, 5),
    ],
    ['one year short', { yearsExperience: 9 }, { minYearsExperience: 10 }, 'experience', 7, fewer(9, 10)],
    ['half the minimum', { yearsExperience: 5 }, { minYearsExperience: 10 }, 'experience', 4, fewer(5, 10)],
    ['a share rounded down', { yearsExperience: 2 }, { minYearsExperience: 3 }, 'experience', 5, fewer(2, 3)],
    [
      'none of the minimum',
      { yearsExperience: 0 },
      { minYearsExperience: 10 },
      'experience',
      0,
      fewer(0, 10),
    ],
  ]);
});

describe('matching factor: languages, 2 credits met and 1 one level short, out of 2 per language', () => {
  const en = (minLevel: 'A1' | 'B2' | 'C1') => ({ languages: [{ code: 'en', minLevel }] });
  pinsEachRow([
    ['none required', { languages: [] }, { languages: [] }, 'languages', 10, 'No language is required'],
    [
      'above the level',
      { languages: [{ code: 'en', level: 'C1' }] },
      en('B2'),
      'languages',
      10,
      'Languages: en C1 meets B2',
    ],
    [
      'exactly the level',
      { languages: [{ code: 'en', level: 'B2' }] },
      en('B2'),
      'languages',
      10,
      'Languages: en B2 meets B2',
    ],
    [
      'native',
      { languages: [{ code: 'en', level: 'native' }] },
      en('C1'),
      'languages',
      10,
      'Languages: en native meets C1',
    ],
    [
      'one level short',
      { languages: [{ code: 'en', level: 'B1' }] },
      en('B2'),
      'languages',
      5,
      'Languages: en B1 is one level below B2',
    ],
    [
      'two levels short',
      { languages: [{ code: 'en', level: 'A2' }] },
      en('B2'),
      'languages',
      0,
      'Languages: en A2 is below B2',
    ],
    ['not spoken', { languages: [] }, en('B2'), 'languages', 0, 'Languages: no en (B2 asked)'],
    [
      'not spoken, A1 asked',
      { languages: [{ code: 'fr', level: 'C2' }] },
      en('A1'),
      'languages',
      0,
      'Languages: no en (A1 asked)',
    ],
    [
      'the asked language among others',
      {
        languages: [
          { code: 'fr', level: 'C2' },
          { code: 'en', level: 'A2' },
        ],
      },
      en('B2'),
      'languages',
      0,
      'Languages: en A2 is below B2',
    ],
    [
      'one of two met',
      {
        languages: [
          { code: 'en', level: 'C2' },
          { code: 'ja', level: 'A1' },
        ],
      },
      {
        languages: [
          { code: 'en', minLevel: 'B2' },
          { code: 'ja', minLevel: 'B1' },
        ],
      },
      'languages',
      5,
      'Languages: en C2 meets B2; ja A1 is below B1',
    ],
    [
      'three credits of four, rounded down',
      {
        languages: [
          { code: 'en', level: 'B1' },
          { code: 'ja', level: 'B1' },
        ],
      },
      {
        languages: [
          { code: 'en', minLevel: 'B2' },
          { code: 'ja', minLevel: 'B1' },
        ],
      },
      'languages',
      7,
      'Languages: en B1 is one level below B2; ja B1 meets B1',
    ],
  ]);

  it('reads a profile without languages as speaking none', () => {
    const silent = { ...expert(), languages: undefined } as unknown as MatchProfile;

    expect(reasonFor('languages', demand(en('B2')), silent)?.points).toBe(0);
    expect(reasonFor('languages', demand(), silent)?.points).toBe(10);
  });
});

describe('matching factor: engagement', () => {
  // Rows: the demand's mode; columns: the expert's only mode. 10 as asked, 5 a fitting mode, else 0.
  const modes = engagementModes;
  const table: Record<EngagementMode, number[]> = {
    relocate: [10, 5, 0, 0, 0, 0],
    full_time: [5, 10, 0, 0, 0, 0],
    part_time: [0, 5, 10, 0, 0, 5],
    remote_advisory: [0, 0, 0, 10, 5, 5],
    short_visit: [0, 0, 0, 5, 10, 5],
    project_based: [0, 0, 5, 5, 0, 10],
  };

  it.each(modes)('a demand for %s gives each single mode its points', (wanted) => {
    const points = modes.map(
      (mode) =>
        reasonFor('engagement', demand({ engagement: wanted }), expert({ engagement: [mode] }))?.points,
    );

    expect(points).toEqual(table[wanted]);
  });

  pinsEachRow([
    [
      'as asked, among others',
      { engagement: ['part_time', 'relocate'] },
      { engagement: 'relocate' },
      'engagement',
      10,
      'Open to relocate, as asked',
    ],
    [
      'names only the fitting modes',
      { engagement: ['part_time', 'full_time'] },
      { engagement: 'relocate' },
      'engagement',
      5,
      'Open to full_time, which partly fits relocate',
    ],
    [
      'two fitting modes',
      { engagement: ['remote_advisory', 'project_based'] },
      { engagement: 'short_visit' },
      'engagement',
      5,
      'Open to remote_advisory, project_based, which partly fits short_visit',
    ],
    [
      'none fitting',
      { engagement: ['part_time', 'short_visit'] },
      { engagement: 'relocate' },
      'engagement',
      0,
      'Not open to relocate (open to part_time, short_visit)',
    ],
  ]);
});

describe('matching factor: native of the province', () => {
  const overseas = { kind: 'overseas', country: 'JP', city: 'Osaka' } as const;
  pinsEachRow([
    [
      'native living overseas',
      { nativeOfProvince: true, location: overseas },
      {},
      'native',
      10,
      'Native of the province living overseas (JP): a province priority',
    ],
    ['native living in the province', { nativeOfProvince: true }, {}, 'native', 5, 'Native of the province'],
    [
      'native elsewhere in Vietnam',
      { nativeOfProvince: true, location: { kind: 'in_country', country: 'VN' } },
      {},
      'native',
      5,
      'Native of the province',
    ],
    [
      'overseas, not a native',
      { nativeOfProvince: false, location: overseas },
      {},
      'native',
      0,
      'Not a native of the province',
    ],
    [
      'in the province, not a native',
      { nativeOfProvince: false },
      {},
      'native',
      0,
      'Not a native of the province',
    ],
  ]);
});

describe('matching factor: recency, 6 within 180 days, 4 within a year, 2 within two', () => {
  pinsEachRow([
    ['updated now', { updatedAt: daysAgo(0) }, {}, 'recency', 6, 'Profile updated 0 days ago'],
    ['a day ago', { updatedAt: daysAgo(1) }, {}, 'recency', 6, 'Profile updated 1 day ago'],
    ['two days ago', { updatedAt: daysAgo(2) }, {}, 'recency', 6, 'Profile updated 2 days ago'],
    [
      '180 and a half days ago',
      { updatedAt: daysAgo(180.5) },
      {},
      'recency',
      6,
      'Profile updated 180 days ago',
    ],
    ['181 days ago', { updatedAt: daysAgo(181) }, {}, 'recency', 4, 'Profile updated 181 days ago'],
    ['365 days ago', { updatedAt: daysAgo(365) }, {}, 'recency', 4, 'Profile updated 365 days ago'],
    ['366 days ago', { updatedAt: daysAgo(366) }, {}, 'recency', 2, 'Profile updated 366 days ago'],
    ['730 days ago', { updatedAt: daysAgo(730) }, {}, 'recency', 2, 'Profile updated 730 days ago'],
    ['731 days ago', { updatedAt: daysAgo(731) }, {}, 'recency', 0, 'Profile updated 731 days ago'],
    [
      'in the future (clock skew)',
      { updatedAt: daysAgo(-3) },
      {},
      'recency',
      6,
      'Profile updated 0 days ago',
    ],
    ['at an unknown time', { updatedAt: 'unknown' }, {}, 'recency', 0, 'Profile update time unknown'],
  ]);
});

describe('matching: strictly better on a factor, strictly higher score', () => {
  // Chains of profiles, each a step better than the last on one factor where the design gives
  // that step points; everything else equal.
  const chains: [factor: string, steps: Partial<MatchProfile>[], demand?: Partial<MatchDemand>][] = [
    ['field', [{ fields: [{ code: '2.5' }] }, { fields: [{ code: '2.3' }] }]],
    [
      'degree',
      [{ highestDegree: 'bachelor' }, { highestDegree: 'master' }, { highestDegree: 'doctorate' }],
      { minDegree: 'bachelor' },
    ],
    [
      'title',
      [
        { highestDegree: 'doctorate', academicTitle: 'none' },
        { highestDegree: 'doctorate', academicTitle: 'associate_professor' },
        { highestDegree: 'doctorate', academicTitle: 'professor' },
      ],
    ],
    [
      'experience',
      [0, 3, 5, 8, 11, 14, 17].map((yearsExperience) => ({ yearsExperience })),
      { minYearsExperience: 5 },
    ],
    [
      'languages',
      [[], [{ code: 'en', level: 'B1' as const }], [{ code: 'en', level: 'B2' as const }]].map(
        (languages) => ({
          languages,
        }),
      ),
      { languages: [{ code: 'en', minLevel: 'B2' }] },
    ],
    [
      'engagement',
      [{ engagement: ['relocate'] }, { engagement: ['short_visit'] }, { engagement: ['remote_advisory'] }],
    ],
    [
      'native',
      [
        { nativeOfProvince: false, location: { kind: 'overseas', country: 'DE' } },
        { nativeOfProvince: true, location: { kind: 'in_province', country: 'VN' } },
        { nativeOfProvince: true, location: { kind: 'overseas', country: 'DE' } },
      ],
    ],
    ['recency', [800, 500, 300, 100].map((days) => ({ updatedAt: daysAgo(days) }))],
  ];

  it.each(chains)('%s', (_, steps, d) => {
    const scores = steps.map((step) => scoreMatch(demand(d), expert(step), now).score);

    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
  });
});
