import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#shared/domain/errors';
import {
  applyPolicyPatch,
  isPolicyInForce,
  newPolicy,
  type Policy,
  type PolicyInput,
  packageValueVnd,
  policyApplicabilityFailures,
  policyInputSchema,
  policyListQuerySchema,
  policyPatchSchema,
  policyStanding,
} from '#shared/domain/policy';
import { eachRuleWithItsNeighbours, issuesOf } from './support/schema-rules.ts';

const input: PolicyInput = {
  code: 'QN-TS-01',
  title: 'Hỗ trợ một lần cho tiến sĩ',
  legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa)',
  benefits: [{ kind: 'one_time_allowance', amountVnd: 200_000_000 }],
  validFrom: '2026-01-01',
};
const at = '2026-01-01T00:00:00.000Z';
const later = '2026-02-01T00:00:00.000Z';
const benefits = (n: number) => Array.from({ length: n }, () => ({ kind: 'housing', amountVnd: 1 }));
const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i));

describe('policy input: every rule with its accepted and refused neighbour', () => {
  const codeMessage = 'Use 2-40 letters, digits, . _ or -';
  eachRuleWithItsNeighbours(policyInputSchema, input, [
    [
      'a code of letters, digits, . _ and -',
      { code: 'QN.ts_01-b' },
      { code: 'QN TS 01' },
      'code',
      codeMessage,
    ],
    ['a code of two characters', { code: 'Q1' }, { code: 'Q' }, 'code', codeMessage],
    ['a code of 40 characters', { code: 'Q'.repeat(40) }, { code: 'Q'.repeat(41) }, 'code'],
    ['a code without a prefix', { code: ' QN-01 ' }, { code: 'Đ-QN-01' }, 'code'],
    ['a code without a suffix', { code: 'QN-01' }, { code: 'QN-01!' }, 'code'],
    ['a title of 300 characters', { title: 't'.repeat(300) }, { title: 't'.repeat(301) }, 'title'],
    ['a title with words', { title: ' t ' }, { title: ' ' }, 'title'],
    [
      'a legal basis of 500 characters',
      { legalBasis: 'l'.repeat(500) },
      { legalBasis: 'l'.repeat(501) },
      'legalBasis',
    ],
    ['a benefit', { benefits: benefits(1) }, { benefits: [] }, 'benefits', 'Give at least one benefit'],
    ['twenty benefits', { benefits: benefits(20) }, { benefits: benefits(21) }, 'benefits'],
    [
      'a benefit of a known kind',
      { benefits: [{ kind: 'relocation', amountVnd: 1 }] },
      { benefits: [{ kind: 'car', amountVnd: 1 }] },
      'benefits.0.kind',
    ],
    [
      'nothing paid',
      { benefits: [{ kind: 'other', amountVnd: 0 }] },
      { benefits: [{ kind: 'other', amountVnd: -1 }] },
      'benefits.0.amountVnd',
    ],
    [
      'a trillion dong',
      { benefits: [{ kind: 'research_grant', amountVnd: 1e12 }] },
      { benefits: [{ kind: 'research_grant', amountVnd: 1e12 + 1 }] },
      'benefits.0.amountVnd',
    ],
    [
      'a description of 1000 characters',
      { benefits: [{ kind: 'other', amountVnd: 1, description: 'd'.repeat(1000) }] },
      { benefits: [{ kind: 'other', amountVnd: 1, description: 'd'.repeat(1001) }] },
      'benefits.0.description',
    ],
    [
      'no minimum degree',
      { eligibility: { minDegree: null } },
      { eligibility: { minDegree: 'professor' } },
      'eligibility.minDegree',
    ],
    [
      'fields and groups of the taxonomy',
      { eligibility: { fieldCodes: ['2', '3.2'] } },
      { eligibility: { fieldCodes: ['2', '3.9'] } },
      'eligibility.fieldCodes.1',
      'Unknown field code',
    ],
    [
      'twenty field codes',
      { eligibility: { fieldCodes: list(20, () => '2') } },
      { eligibility: { fieldCodes: list(21, () => '2') } },
      'eligibility.fieldCodes',
    ],
    [
      'a zone id',
      { eligibility: { zones: ['dung-quat-ez', 'a1'] } },
      { eligibility: { zones: ['Dung Quat'] } },
      'eligibility.zones.0',
    ],
    [
      'a zone id of 64 characters',
      { eligibility: { zones: ['z'.repeat(64)] } },
      { eligibility: { zones: ['z'.repeat(65)] } },
      'eligibility.zones.0',
    ],
    [
      'a zone id of one character',
      { eligibility: { zones: ['z'] } },
      { eligibility: { zones: [''] } },
      'eligibility.zones.0',
    ],
    [
      'a zone id without a prefix',
      { eligibility: { zones: ['zone-1'] } },
      { eligibility: { zones: ['#zone-1'] } },
      'eligibility.zones.0',
    ],
    [
      'a zone id without a suffix',
      { eligibility: { zones: ['zone-1'] } },
      { eligibility: { zones: ['zone-1#'] } },
      'eligibility.zones.0',
    ],
    [
      'twenty zones',
      { eligibility: { zones: list(20, (i) => `z${i}`) } },
      { eligibility: { zones: list(21, (i) => `z${i}`) } },
      'eligibility.zones',
    ],
    [
      'natives only',
      { eligibility: { nativesOnly: true } },
      { eligibility: { nativesOnly: 'yes' } },
      'eligibility.nativesOnly',
    ],
    [
      'a calendar day',
      { validFrom: '2026-02-28' },
      { validFrom: '2026-02-30' },
      'validFrom',
      'Use a date such as 2026-12-31',
    ],
    ['no end', { validTo: null }, { validTo: '31/12/2026' }, 'validTo'],
    [
      'an end on the first day',
      { validTo: '2026-01-01' },
      { validTo: '2025-12-31' },
      'validTo',
      'validTo must not be before validFrom',
    ],
    ['inactive', { active: false }, { active: 'no' }, 'active'],
    ['only the known properties', { active: true }, { id: 'p1' }, ''],
  ]);

  it('trims the code and the texts', () => {
    expect(policyInputSchema.parse({ ...input, code: ' QN-01 ', title: ' Hỗ trợ ' })).toMatchObject({
      code: 'QN-01',
      title: 'Hỗ trợ',
    });
  });
});

describe('policy PATCH and list query', () => {
  it.each([
    ['one field', { title: 'Mới' }],
    ['an end without a start', { validTo: '2020-01-01' }],
    ['a start without an end', { validFrom: '2030-01-01' }],
    ['a start and an end on the same day', { validFrom: '2026-05-01', validTo: '2026-05-01' }],
  ])('accepts %s', (_, patch) => {
    expect(issuesOf(policyPatchSchema, patch)).toEqual([]);
  });

  it.each([
    ['nothing to change', {}, '', 'Send at least one field to change'],
    [
      'an end before the start',
      { validFrom: '2026-05-01', validTo: '2026-04-30' },
      'validTo',
      'validTo must not be before validFrom',
    ],
  ])('refuses %s', (_, patch, path, message) => {
    expect(issuesOf(policyPatchSchema, patch)).toEqual([{ path, message }]);
  });

  it('filters the list by active or not', () => {
    expect(policyListQuerySchema.safeParse({ active: 'false', limit: '5' }).success).toBe(true);
    expect(policyListQuerySchema.safeParse({ active: 'yes' }).success).toBe(false);
  });
});

describe('a new policy', () => {
  it('fills in the defaults: no description, no eligibility rule, no end, active, version 1', () => {
    expect(newPolicy(input, 'p1', at)).toEqual({
      id: 'p1',
      code: 'QN-TS-01',
      title: 'Hỗ trợ một lần cho tiến sĩ',
      legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa)',
      benefits: [{ kind: 'one_time_allowance', amountVnd: 200_000_000, description: '' }],
      eligibility: { minDegree: null, fieldCodes: [], zones: [], nativesOnly: false },
      validFrom: '2026-01-01',
      validTo: null,
      active: true,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  });

  it('keeps what the administrator gave', () => {
    const eligibility = {
      minDegree: 'master' as const,
      fieldCodes: ['2'],
      zones: ['dung-quat-ez'],
      nativesOnly: true,
    };

    const policy = newPolicy(
      {
        ...input,
        benefits: [{ kind: 'housing', amountVnd: 5, description: 'Nhà công vụ' }],
        eligibility,
        validTo: '2030-12-31',
        active: false,
      },
      'p2',
      at,
    );

    expect(policy).toMatchObject({
      benefits: [{ kind: 'housing', amountVnd: 5, description: 'Nhà công vụ' }],
      eligibility,
      validTo: '2030-12-31',
      active: false,
    });
  });
});

describe('applying a policy PATCH', () => {
  const current = newPolicy(
    {
      ...input,
      validTo: '2026-12-31',
      eligibility: { minDegree: 'master', fieldCodes: ['2'], zones: ['dung-quat-ez'], nativesOnly: true },
    },
    'p1',
    at,
  );

  it('keeps the title and eligibility a PATCH does not send', () => {
    expect(applyPolicyPatch(current, { active: false }, later)).toEqual({
      ...current,
      active: false,
      updatedAt: later,
      version: 2,
    });
  });

  it('changes the fields sent, keeps the others, and counts a version', () => {
    const next = applyPolicyPatch(
      current,
      { title: 'Mới', benefits: [{ kind: 'housing', amountVnd: 9 }] },
      later,
    );

    expect(next).toEqual({
      ...current,
      title: 'Mới',
      benefits: [{ kind: 'housing', amountVnd: 9, description: '' }],
      updatedAt: later,
      version: 2,
    });
    expect(current.title).toBe(input.title);
  });

  it('changes every field that can be changed', () => {
    const patch = {
      code: 'QN-TS-02',
      title: 'Mới',
      legalBasis: 'Quyết định mới',
      benefits: [{ kind: 'monthly_allowance' as const, amountVnd: 1, description: 'Hằng tháng' }],
      eligibility: { nativesOnly: true },
      validFrom: '2026-03-01',
      validTo: null,
      active: false,
    };

    expect(applyPolicyPatch(current, patch, later)).toEqual({
      ...current,
      ...patch,
      eligibility: { minDegree: null, fieldCodes: [], zones: [], nativesOnly: true },
      updatedAt: later,
      version: 2,
    });
  });

  it('accepts an end on the start day and refuses one before it, against the stored dates', () => {
    expect(applyPolicyPatch(current, { validTo: '2026-01-01' }, later).validTo).toBe('2026-01-01');
    expect(applyPolicyPatch(current, { validFrom: '2026-12-31' }, later).validFrom).toBe('2026-12-31');

    const tooLate = () => applyPolicyPatch(current, { validFrom: '2027-01-01' }, later);

    expect(tooLate).toThrow(ValidationFailed);
    expect(tooLate).toThrow(
      expect.objectContaining({
        message: 'Invalid body',
        details: [{ path: 'validTo', message: 'validTo must not be before validFrom' }],
      }),
    );
  });
});

describe('a policy in force on a day in the province', () => {
  const policy = newPolicy({ ...input, validFrom: '2026-03-01', validTo: '2026-03-31' }, 'p1', at);
  it.each([
    ['the day before its first day', policy, '2026-02-28', 'upcoming'],
    ['its first day', policy, '2026-03-01', 'in_force'],
    ['its last day', policy, '2026-03-31', 'in_force'],
    ['the day after its last day', policy, '2026-04-01', 'ended'],
    ['any day on, without an end', { ...policy, validTo: null }, '2036-01-01', 'in_force'],
    ['a day before, without an end', { ...policy, validTo: null }, '2026-02-28', 'upcoming'],
    ['a day inside, when inactive', { ...policy, active: false }, '2026-03-15', 'inactive'],
    ['a day before, when inactive', { ...policy, active: false }, '2026-02-28', 'inactive'],
  ] as const)('%s: %s', (_, p, day, standing) => {
    expect(policyStanding(p, day)).toBe(standing);
    expect(isPolicyInForce(p, day)).toBe(standing === 'in_force');
  });
});

describe('whether a policy applies to an expert in a zone on a day', () => {
  const engineer = {
    highestDegree: 'master' as const,
    fields: [{ code: '3.1' }, { code: '2.3' }],
    nativeOfProvince: false,
  };
  const policy = (
    changes: Partial<Policy> = {},
    eligibility: Partial<Policy['eligibility']> = {},
  ): Policy => {
    const base = newPolicy({ ...input, validFrom: '2026-03-01', validTo: '2026-03-31' }, 'p1', at);
    return { ...base, ...changes, eligibility: { ...base.eligibility, ...eligibility } };
  };
  /** "rule: why", each failure's path and message without the policy's index and code. */
  const rule = (f: { path: string; message: string }) =>
    `${f.path.replace('policyIds.2.', '')}: ${f.message.replace('QN-TS-01: ', '')}`;
  const failures = (p: Policy, day = '2026-03-15', zone = 'dung-quat-ez', expert = engineer) =>
    policyApplicabilityFailures(p, 2, expert, zone, day);

  it.each([
    ['on its first day', policy(), '2026-03-01', []],
    ['on its last day', policy(), '2026-03-31', []],
    ['the day before', policy(), '2026-02-28', ['validity: valid from 2026-03-01 to 2026-03-31']],
    ['the day after', policy(), '2026-04-01', ['validity: valid from 2026-03-01 to 2026-03-31']],
    ['years on, without an end', policy({ validTo: null }), '2036-01-01', []],
    [
      'before it starts, without an end',
      policy({ validTo: null }),
      '2026-01-01',
      ['validity: valid from 2026-03-01 to further notice'],
    ],
    ['when inactive', policy({ active: false }), '2026-03-15', ['active: the policy is not active']],
  ])('%s', (_, p, day, expected) => {
    expect(failures(p, day).map(rule)).toEqual(expected);
  });

  it.each<[string, Partial<Policy['eligibility']>, typeof engineer, string[]]>([
    ['no minimum degree', {}, engineer, []],
    ['exactly the minimum degree', { minDegree: 'master' }, engineer, []],
    [
      'one degree short',
      { minDegree: 'doctorate' },
      engineer,
      ['eligibility.minDegree: requires at least a doctorate'],
    ],
    ['no field rule', { fieldCodes: [] }, engineer, []],
    ['one of the expert fields by its exact code', { fieldCodes: ['1.1', '2.3'] }, engineer, []],
    [
      'a sibling of the field',
      { fieldCodes: ['2.4'] },
      engineer,
      ['eligibility.fieldCodes: requires a field in 2.4'],
    ],
    ['the group of a field', { fieldCodes: ['2'] }, engineer, []],
    [
      'other groups',
      { fieldCodes: ['5', '6.1'] },
      engineer,
      ['eligibility.fieldCodes: requires a field in 5, 6.1'],
    ],
    ['no zone rule', { zones: [] }, engineer, []],
    ['the zone among others', { zones: ['industrial-parks', 'dung-quat-ez'] }, engineer, []],
    [
      'other zones',
      { zones: ['industrial-parks', 'mountainous-areas'] },
      engineer,
      ['eligibility.zones: applies only in industrial-parks, mountainous-areas'],
    ],
    ['natives only, for a native', { nativesOnly: true }, { ...engineer, nativeOfProvince: true }, []],
    [
      'natives only, for others',
      { nativesOnly: true },
      engineer,
      ['eligibility.nativesOnly: applies to natives of the province only'],
    ],
    ['anyone, for others', { nativesOnly: false }, engineer, []],
  ])('eligibility: %s', (_, eligibility, expert, expected) => {
    const found = failures(policy({}, eligibility), '2026-03-15', 'dung-quat-ez', expert);

    expect(found.map(rule)).toEqual(expected);
    expect(found.every((f) => f.path.startsWith('policyIds.2.') && f.message.startsWith('QN-TS-01: '))).toBe(
      true,
    );
  });
});

describe('the first-year value of a package', () => {
  it('counts a monthly allowance twelve times and every other benefit once, across policies', () => {
    const withBenefits = (...items: Policy['benefits']) => ({ benefits: items });

    expect(
      packageValueVnd([
        withBenefits({ kind: 'monthly_allowance', amountVnd: 3, description: '' }),
        withBenefits(
          { kind: 'relocation', amountVnd: 100, description: '' },
          { kind: 'research_grant', amountVnd: 1000, description: '' },
        ),
      ]),
    ).toBe(36 + 100 + 1000);
  });
});
