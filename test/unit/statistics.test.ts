import { describe, expect, it } from 'vitest';
import { getProvince } from '#shared/domain/provinces/index';
import { compareReports, type Report } from '#shared/domain/report';
import {
  ageBand,
  ageBandsOf,
  type CountablePerson,
  counterDelta,
  demandContribution,
  dimension,
  monthlyTrend,
  offerContribution,
  personContribution,
  rosterEntryContribution,
  sumCounters,
  suppressCount,
  suppressSmallGroups,
  targetShare,
  targetValues,
} from '#shared/domain/statistics';

const person = (overrides: Partial<CountablePerson> = {}): CountablePerson => ({
  status: 'active',
  highestDegree: 'doctorate',
  academicTitle: 'none',
  fields: [{ code: '2.3' }, { code: '2.2' }, { code: '1.1' }],
  location: { kind: 'overseas', country: 'JP' },
  nativeOfProvince: true,
  gender: 'female',
  birthYear: 1990,
  employer: { sector: 'university' },
  engagement: ['remote_advisory'],
  consent: { shareWithAgencies: true, collaborationCalls: false, publicDirectory: false },
  createdAt: '2026-03-14T08:00:00.000Z',
  ...overrides,
});

describe('age bands', () => {
  it.each([
    [1997, 'under_30'],
    [1996, '30_39'],
    [1987, '30_39'],
    [1986, '40_49'],
    [1977, '40_49'],
    [1976, '50_59'],
    [1967, '50_59'],
    [1966, '60_plus'],
    [undefined, 'unknown'],
  ] as const)('born %s is %s in 2026', (birthYear, band) => {
    expect(ageBand(birthYear, 2026)).toBe(band);
  });

  it('bands birth-year counts as of the year asked, so a band moves with time and a count never drifts', () => {
    const byYear = { '1990': 3, '1987': 2, unknown: 4 };
    expect(ageBandsOf(byYear, 2026)).toMatchObject({ '30_39': 5, unknown: 4, '40_49': 0 });
    expect(ageBandsOf(byYear, 2029)).toMatchObject({ '30_39': 3, '40_49': 2, unknown: 4 });
  });
});

describe('small groups', () => {
  it('hides every group of 1-4 and keeps zeros and groups of 5 or more', () => {
    expect(suppressSmallGroups({ a: 4, b: 1, c: 5, d: 0, e: 12 })).toEqual({
      a: null,
      b: null,
      c: 5,
      d: 0,
      e: 12,
    });
  });

  it('hides the next smallest group when only one is hidden, so the total cannot give it away', () => {
    expect(suppressSmallGroups({ a: 3, b: 9, c: 6, d: 40 })).toEqual({ a: null, b: 9, c: null, d: 40 });
    expect(suppressSmallGroups({ a: 3 })).toEqual({ a: null });
  });

  it('hides a lone count below five', () => {
    expect([0, 1, 4, 5, 6].map((n) => suppressCount(n))).toEqual([0, null, null, 5, 6]);
  });
});

describe('what a person contributes', () => {
  it('counts an active person in every breakdown, each field group once', () => {
    const c = personContribution(person());
    expect(c).toMatchObject({
      total: 1,
      'status:active': 1,
      'degree:doctorate': 1,
      'fieldGroup:2': 1,
      'fieldGroup:1': 1,
      'field:2.3': 1,
      'country:JP': 1,
      'native:yes': 1,
      'birthYear:1990': 1,
      'month:2026-03': 1,
      'monthDegree:2026-03:doctorate': 1,
      'consent:shareWithAgencies': 1,
      'leadership:unknown': 1,
      'abroad:unknown': 1,
    });
    expect(c).not.toHaveProperty('consent:collaborationCalls');
  });

  it('counts a withdrawn person only by status, and nothing for an erased one', () => {
    expect(personContribution(person({ status: 'withdrawn' }))).toEqual({ 'status:withdrawn': 1 });
    expect(personContribution(undefined)).toEqual({});
  });

  it('moves the counters by new minus old: a consent withdrawal, an erasure', () => {
    const before = person();
    const after = person({
      consent: { shareWithAgencies: false, collaborationCalls: false, publicDirectory: false },
    });
    expect(counterDelta(personContribution(before), personContribution(after))).toEqual({
      'consent:shareWithAgencies': -1,
    });
    const erased = counterDelta(personContribution(before), personContribution(undefined));
    expect(erased.total).toBe(-1);
    expect(sumCounters(personContribution(before), erased)).toEqual(
      Object.fromEntries(Object.keys(personContribution(before)).map((k) => [k, 0])),
    );
  });

  it('counts leaders by birth year and provincial leaders by time abroad', () => {
    const c = personContribution(person({ leadershipPost: 'provincial', abroadSixMonths: true }));
    expect(c).toMatchObject({ 'leaderBirthYear:1990': 1, 'provincialLeaderAbroad:yes': 1 });
    expect(personContribution(person({ leadershipPost: 'none' }))).not.toHaveProperty('leaderBirthYear:1990');
  });
});

describe('demands and offers', () => {
  it('counts demands with their headcount by status, zone and agency', () => {
    expect(
      demandContribution({ status: 'open', zone: 'dung-quat-ez', agency: 'so-y-te', headcount: 3 }),
    ).toEqual({
      total: 1,
      headcount: 3,
      'status:open': 1,
      'statusHeadcount:open': 3,
      'zone:dung-quat-ez': 1,
      'zoneHeadcount:dung-quat-ez': 3,
      'agency:so-y-te': 1,
      'agencyHeadcount:so-y-te': 3,
    });
  });

  it('counts offers by state, policy and zone with their value, and an accepted one as filled', () => {
    const c = offerContribution({
      status: 'accepted',
      agency: 'so-y-te',
      demand: { zone: 'dung-quat-ez' },
      policies: [{ code: 'QN-01', benefits: [{ kind: 'monthly_allowance', amountVnd: 1_000_000 }] }],
      packageValueVnd: 12_000_000,
      sentAt: '2026-03-01T00:00:00.000Z',
    });
    expect(c).toMatchObject({
      'state:accepted': 1,
      'stateValueVnd:accepted': 12_000_000,
      'policyValueVnd:QN-01': 12_000_000,
      'zoneFilled:dung-quat-ez': 1,
      'agencyFilled:so-y-te': 1,
      sent: 1,
    });
  });
});

describe('targets', () => {
  const people = sumCounters(
    ...Array.from({ length: 6 }, (_, i) =>
      personContribution(
        person({
          highestDegree: i < 2 ? 'doctorate' : i < 5 ? 'master' : 'bachelor',
          leadershipPost: i < 4 ? 'provincial' : 'none',
          abroadSixMonths: i === 0,
          birthYear: i < 1 ? 1995 : 1970,
          createdAt: i < 3 ? '2026-01-10T00:00:00Z' : '2026-03-10T00:00:00Z',
        }),
      ),
    ),
  );

  it('measures every target from the counters', () => {
    expect(targetValues(people, 2026)).toEqual({
      intellectuals: 6,
      doctorates: 2,
      masters_or_higher: 5,
      leaders_under_40_share: 25,
      provincial_leaders_international_share: 25,
    });
    expect(dimension(people, 'degree')).toEqual({ doctorate: 2, master: 3, bachelor: 1 });
  });

  it('gives the share of a target met, and none for a target with nothing to measure yet', () => {
    const [intellectuals, , , leaders] = getProvince('quang-ngai').targets;
    expect(targetShare(intellectuals, 12_500)).toBe(0.25);
    expect(targetShare(leaders, 7.5)).toBe(0.5);
    expect(targetShare(leaders, null)).toBeNull();
  });

  it('draws the monthly trend as a running total, months without registrations included', () => {
    expect(monthlyTrend(people, 'intellectuals', '2026-04')).toEqual([
      { month: '2026-01', value: 3 },
      { month: '2026-02', value: 3 },
      { month: '2026-03', value: 6 },
      { month: '2026-04', value: 6 },
    ]);
    expect(monthlyTrend(people, 'doctorates', '2026-02')).toEqual([
      { month: '2026-01', value: 2 },
      { month: '2026-02', value: 2 },
    ]);
  });
});

describe('roster entries', () => {
  const entry = {
    id: 'e1',
    status: 'roster',
    fullName: 'Phan Thị Nhập',
    birthYear: 1980,
    highestDegree: 'master',
    fields: [{ code: '2.3' }],
    location: { kind: 'in_province', country: 'VN' },
    nativeOfProvince: true,
    employer: { sector: 'state' },
    createdAt: '2026-05-02T00:00:00.000Z',
  };

  it('count an entry that stands as an active person, without engagement or consents', () => {
    const counted = rosterEntryContribution(entry);
    expect(counted).toMatchObject({
      total: 1,
      'status:active': 1,
      'degree:master': 1,
      'fieldGroup:2': 1,
      'locationKind:in_province': 1,
      'birthYear:1980': 1,
      'month:2026-05': 1,
      'sector:state': 1,
    });
    expect(Object.keys(counted).some((k) => k.startsWith('engagement:') || k.startsWith('consent:'))).toBe(
      false,
    );
  });

  it('count nothing for a claimed entry (its person is counted as registered), so a claim moves the roster by −1', () => {
    expect(rosterEntryContribution({ ...entry, status: 'claimed', claimedBy: 'x' })).toEqual({});
    const claim = counterDelta(
      rosterEntryContribution(entry),
      rosterEntryContribution({ ...entry, status: 'claimed' }),
    );
    expect(claim.total).toBe(-1);
    expect(rosterEntryContribution(undefined)).toEqual({});
  });

  it('count an entry without location as unknown', () => {
    const { location: _l, ...noLocation } = entry;
    expect(rosterEntryContribution(noLocation)).toMatchObject({
      'locationKind:unknown': 1,
      'country:unknown': 1,
    });
  });
});

describe('comparing two frozen reports', () => {
  const report = (id: string, kr: number | null, au: number | null, total: number): Report =>
    ({
      id,
      title: `Báo cáo ${id}`,
      periodFrom: '2027-01-01',
      periodTo: '2027-06-30',
      cutOff: '2027-07-01T00:00:00.000Z',
      createdAt: '2027-07-01T00:00:00.000Z',
      periodRegistrations: null,
      createdBy: { kind: 'staff', id: 'admin' },
      statistics: {
        asOf: '2027-07-01T00:00:00.000Z',
        experts: {
          total,
          bySource: { registered: total, roster: null },
          country: Object.fromEntries(Object.entries({ KR: kr, AU: au }).filter(([, v]) => v !== undefined)),
          registrationsByMonth: [],
        },
        demands: { total: 0, headcount: 0, filled: null, byZone: {}, byAgency: {}, byStatus: {} },
        offers: { total: 0, valueVnd: 0, byState: {}, byPolicy: {}, byZone: {} },
        calls: { total: 0, byStatus: {}, responses: null },
        funnel: {},
      },
      targets: [],
    }) as unknown as Report;

  const cell = (a: Report, b: Report, table: string, key: string, column = 1) =>
    compareReports(a, b)
      .tables.find((t) => t.name === table)
      ?.rows.find((r) => r.key === key)?.cells[column];

  it('gives each figure of both reports and the difference b − a', () => {
    expect(cell(report('a', 7, 6, 13), report('b', 10, 6, 16), 'Quốc gia', 'KR')).toEqual({
      a: 7,
      b: 10,
      difference: 3,
    });
    expect(
      cell(report('a', 7, 6, 13), report('b', 10, 6, 16), 'Tổng quan', 'Tổng số trí thức đang hoạt động', 0),
    ).toEqual({ a: 13, b: 16, difference: 3 });
  });

  it('keeps a hidden group hidden, and its difference, on either side', () => {
    expect(cell(report('a', 7, null, 13), report('b', 10, 6, 16), 'Quốc gia', 'AU')).toEqual({
      a: null,
      b: 6,
      difference: null,
    });
    expect(cell(report('a', 7, 6, 13), report('b', 10, null, 16), 'Quốc gia', 'AU')?.difference).toBeNull();
    expect(
      cell(report('a', 7, 6, 13), report('b', 10, 6, 16), 'Tổng quan', 'Trong đó từ danh sách nhập', 0),
    ).toEqual({
      a: null,
      b: null,
      difference: null,
    });
  });

  it('marks a row only one report has', () => {
    const a = report('a', 7, 6, 13);
    const b = report('b', 10, 6, 16);
    (b.statistics.experts.country as Record<string, number>).JP = 5;
    const row = compareReports(a, b)
      .tables.find((t) => t.name === 'Quốc gia')
      ?.rows.find((r) => r.key === 'JP');
    expect(row).toMatchObject({
      onlyIn: 'b',
      cells: [
        { a: null, b: 'JP', difference: null },
        { a: null, b: 5, difference: null },
      ],
    });
  });
});
