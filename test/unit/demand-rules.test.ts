import { describe, expect, it } from 'vitest';
import {
  applyDemandPatch,
  canChangeDemand,
  type Demand,
  type DemandInput,
  demandInputSchema,
  demandListQuerySchema,
  demandPatchSchema,
  demandRuleViolations,
  isDemandOpen,
  isPastOpenUntil,
  isProvinceAgency,
  matchQuerySchema,
  newDemand,
  provinceDay,
} from '#shared/domain/demand';
import { quangNgai } from '#shared/domain/provinces/index';
import { eachRuleWithItsNeighbours, issuesOf } from './support/schema-rules.ts';

const input: DemandInput = {
  title: 'Kỹ sư cơ khí cho Khu kinh tế Dung Quất',
  fieldCodes: ['2.3'],
  minDegree: 'master',
  zone: 'dung-quat-ez',
  engagement: 'full_time',
};
const owner = { id: 'd1', agency: 'ban-quan-ly-kkt-dung-quat', at: '2026-11-01T00:00:00.000Z' };
const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i));
const language = (code: string) => ({ code, minLevel: 'B2' });

describe('demand input: every rule with its accepted and refused neighbour', () => {
  eachRuleWithItsNeighbours(demandInputSchema, input, [
    ['a title of 200 characters', { title: 't'.repeat(200) }, { title: 't'.repeat(201) }, 'title'],
    ['a title with words', { title: ' t ' }, { title: '  ' }, 'title'],
    [
      'a description of 4000 characters',
      { description: 'd'.repeat(4000) },
      { description: 'd'.repeat(4001) },
      'description',
    ],
    [
      'a field or a group of the taxonomy',
      { fieldCodes: ['6', '2.3'] },
      { fieldCodes: ['2.3', '7'] },
      'fieldCodes.1',
      'Unknown field code; use a code such as "2.3" from GET /api/meta',
    ],
    ['a field', { fieldCodes: ['1.1'] }, { fieldCodes: [] }, 'fieldCodes', 'Give at least one field'],
    [
      'five fields',
      { fieldCodes: ['1', '2', '3', '4', '5'] },
      { fieldCodes: ['1', '2', '3', '4', '5', '6'] },
      'fieldCodes',
      'Give at most five fields',
    ],
    [
      'distinct fields',
      { fieldCodes: ['2', '2.3'] },
      { fieldCodes: ['2.3', '2.3'] },
      'fieldCodes',
      'Each field code may appear once',
    ],
    ['a known minimum degree', { minDegree: 'doctorate' }, { minDegree: 'phd' }, 'minDegree'],
    ['no years asked', { minYearsExperience: 0 }, { minYearsExperience: -1 }, 'minYearsExperience'],
    ['50 years asked', { minYearsExperience: 50 }, { minYearsExperience: 51 }, 'minYearsExperience'],
    [
      'five languages',
      { languages: ['en', 'ja', 'ko', 'fr', 'de'].map(language) },
      { languages: ['en', 'ja', 'ko', 'fr', 'de', 'zh'].map(language) },
      'languages',
    ],
    [
      'distinct languages',
      { languages: [language('en'), language('ja')] },
      { languages: [language('en'), language('en')] },
      'languages',
      'Each language may appear once',
    ],
    [
      'a two- or three-letter language code',
      { languages: [language('ko'), language('vie')] },
      { languages: [language('KO')] },
      'languages.0.code',
      'Use an ISO 639-1 language code such as "en"',
    ],
    ['not one letter', { languages: [language('ko')] }, { languages: [language('k')] }, 'languages.0.code'],
    [
      'not four letters',
      { languages: [language('kor')] },
      { languages: [language('kore')] },
      'languages.0.code',
    ],
    [
      'a level of the scale',
      { languages: [{ code: 'en', minLevel: 'native' }] },
      { languages: [{ code: 'en', minLevel: 'B3' }] },
      'languages.0.minLevel',
    ],
    ['a zone id', { zone: 'khu-1' }, { zone: 'Khu 1' }, 'zone', 'Use an id from GET /api/meta'],
    ['a zone id of 64 characters', { zone: 'z'.repeat(64) }, { zone: 'z'.repeat(65) }, 'zone'],
    ['a zone id of one character', { zone: 'z' }, { zone: '' }, 'zone'],
    ['a zone id without a prefix', { zone: 'zone-1' }, { zone: '.zone-1' }, 'zone'],
    ['a zone id without a suffix', { zone: 'zone-1' }, { zone: 'zone-1.' }, 'zone'],
    ['a known engagement mode', { engagement: 'short_visit' }, { engagement: 'internship' }, 'engagement'],
    ['one person', { headcount: 1 }, { headcount: 0 }, 'headcount'],
    ['a thousand people', { headcount: 1000 }, { headcount: 1001 }, 'headcount'],
    ['a known priority', { priority: 'critical' }, { priority: 'urgent' }, 'priority'],
    [
      'twenty policies',
      { policyIds: list(20, (i) => `p${i}`) },
      { policyIds: list(21, (i) => `p${i}`) },
      'policyIds',
    ],
    [
      'distinct policies',
      { policyIds: ['p1', 'p2'] },
      { policyIds: ['p1', 'p1'] },
      'policyIds',
      'Each policy may appear once',
    ],
    [
      'a policy id of 64 characters',
      { policyIds: ['p'.repeat(64)] },
      { policyIds: ['p'.repeat(65)] },
      'policyIds.0',
    ],
    ['a policy id of one character', { policyIds: ['p'] }, { policyIds: [''] }, 'policyIds.0'],
    [
      'an open-until day',
      { openUntil: '2026-12-31' },
      { openUntil: '2026-12-31T17:00:00+07:00' },
      'openUntil',
      'Use a date such as 2026-12-31',
    ],
    ['a known status', { status: 'open' }, { status: 'archived' }, 'status'],
    ['only the known properties', { status: 'draft' }, { agency: 'so-y-te' }, ''],
  ]);
});

describe('demand PATCH and queries', () => {
  it('accepts any one field and refuses an empty PATCH', () => {
    expect(issuesOf(demandPatchSchema, { headcount: 3 })).toEqual([]);
    expect(issuesOf(demandPatchSchema, {})).toEqual([
      { path: '', message: 'Send at least one field to change' },
    ]);
    expect(issuesOf(demandPatchSchema, { fieldCodes: ['2.3', '2.3'] }).map((i) => i.path)).toEqual([
      'fieldCodes',
    ]);
  });

  it('filters the list by status, agency and zone ids', () => {
    expect(demandListQuerySchema.safeParse({ status: 'filled', agency: 'so-y-te', zone: 'z1' }).success).toBe(
      true,
    );
    expect(demandListQuerySchema.safeParse({ agency: 'Sở Y tế' }).success).toBe(false);
    expect(matchQuerySchema.safeParse({ limit: '7' }).success).toBe(true);
    expect(matchQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
  });
});

describe('a new demand and its changes', () => {
  it('fills in the defaults: no description, no minimum years, no languages, one person, a draft', () => {
    expect(newDemand(input, owner)).toEqual({
      id: 'd1',
      agency: 'ban-quan-ly-kkt-dung-quat',
      title: input.title,
      description: '',
      fieldCodes: ['2.3'],
      minDegree: 'master',
      minYearsExperience: 0,
      languages: [],
      zone: 'dung-quat-ez',
      engagement: 'full_time',
      headcount: 1,
      priority: 'normal',
      policyIds: [],
      openUntil: null,
      status: 'draft',
      createdAt: owner.at,
      updatedAt: owner.at,
      version: 1,
    });
  });

  it('keeps what the agency gave', () => {
    const given = {
      description: 'Thiết kế nhà máy',
      minYearsExperience: 5,
      languages: [{ code: 'en', minLevel: 'B2' as const }],
      headcount: 3,
      priority: 'high' as const,
      policyIds: ['p1'],
      openUntil: '2026-12-31',
      status: 'open' as const,
    };

    expect(newDemand({ ...input, ...given }, owner)).toMatchObject(given);
  });

  it('applies the fields a PATCH sends, leaves out undefined ones, and counts a version', () => {
    const current = newDemand(input, owner);

    const next = applyDemandPatch(
      current,
      { headcount: 4, title: undefined, status: 'open' },
      '2026-11-02T00:00:00Z',
    );

    expect(next).toEqual({
      ...current,
      headcount: 4,
      status: 'open',
      updatedAt: '2026-11-02T00:00:00Z',
      version: 2,
    });
    expect(current.status).toBe('draft');
  });
});

describe('demand rules that need the province', () => {
  it('takes a zone of the province and names the zones when it is not one', () => {
    const zones = quangNgai.zones.map((z) => z.id);

    const draft = { status: 'draft', openUntil: null } as const;
    const now = new Date('2026-11-20T03:00:00Z');

    expect(demandRuleViolations({ ...draft, zone: zones[1] }, quangNgai, now)).toEqual([]);
    expect(demandRuleViolations({ ...draft, zone: 'hoang-sa' }, quangNgai, now)).toEqual([
      { path: 'zone', message: `Unknown zone; use one of ${zones.join(', ')}` },
    ]);
  });

  // 2026-11-20 17:30 UTC is already 2026-11-21 in Vietnam.
  const lateEvening = new Date('2026-11-20T17:30:00Z');
  const pastDay = {
    path: 'openUntil',
    message: 'An open demand must be open until today (2026-11-21, Vietnam time) or later',
  };
  it.each([
    ['an open demand until yesterday (Vietnam time)', 'open', '2026-11-20', [pastDay]],
    ['an open demand until a day in 2020', 'open', '2020-01-01', [pastDay]],
    ['an open demand until today', 'open', '2026-11-21', []],
    ['an open demand with no end', 'open', null, []],
    ['a draft until a past day', 'draft', '2020-01-01', []],
    ['a closed demand until a past day', 'closed', '2026-11-20', []],
    ['a filled demand until a past day', 'filled', '2026-11-20', []],
  ] as const)('judges %s', (_, status, openUntil, expected) => {
    const demand = { zone: quangNgai.zones[0].id, status, openUntil };

    expect(demandRuleViolations(demand, quangNgai, lateEvening)).toEqual(expected);
    expect(isPastOpenUntil(demand, lateEvening)).toBe(expected.length > 0);
  });

  it('knows the agencies of the province', () => {
    expect(isProvinceAgency(quangNgai.agencies[0].id, quangNgai)).toBe(true);
    expect(isProvinceAgency('so-y-te-ha-noi', quangNgai)).toBe(false);
  });

  it.each([
    ['an administrator', { agency: null, isAdmin: true }, true],
    ['the owner agency', { agency: 'so-y-te', isAdmin: false }, true],
    ['another agency', { agency: 'so-khcn', isAdmin: false }, false],
    ['staff without an agency', { agency: null, isAdmin: false }, false],
  ])('lets %s change it: %s', (_, staff, allowed) => {
    expect(canChangeDemand(staff, { agency: 'so-y-te' })).toBe(allowed);
  });

  it('does not let staff without an agency change a demand without one', () => {
    expect(canChangeDemand({ agency: null, isAdmin: false }, { agency: null as unknown as string })).toBe(
      false,
    );
  });
});

describe("deadlines in Vietnam's time zone (UTC+7)", () => {
  it.each([
    ['16:59:59 UTC is still the same day', '2026-11-20T16:59:59.999Z', '2026-11-20'],
    ['17:00 UTC is midnight of the next day', '2026-11-20T17:00:00.000Z', '2026-11-21'],
    ['UTC midnight is 07:00 the same day', '2026-11-20T00:00:00.000Z', '2026-11-20'],
    ['New Year comes seven hours before UTC', '2026-12-31T17:30:00.000Z', '2027-01-01'],
  ])('%s', (_, instant, day) => {
    expect(provinceDay(new Date(instant))).toBe(day);
  });

  const demand = (changes: Partial<Demand>) => ({
    status: 'open' as const,
    openUntil: '2026-11-20',
    ...changes,
  });
  it.each([
    ['open on its last day, late evening in Vietnam', demand({}), '2026-11-20T16:59:59Z', true],
    [
      'past its last day once it is midnight in Vietnam, though not in UTC',
      demand({}),
      '2026-11-20T17:00:00Z',
      false,
    ],
    ['open without an end', demand({ openUntil: null }), '2036-01-01T00:00:00Z', true],
    ['not open as a draft', demand({ status: 'draft' }), '2026-11-01T00:00:00Z', false],
    ['not open once filled', demand({ status: 'filled' }), '2026-11-01T00:00:00Z', false],
  ])('a demand is %s', (_, d, instant, open) => {
    expect(isDemandOpen(d, new Date(instant))).toBe(open);
  });
});
