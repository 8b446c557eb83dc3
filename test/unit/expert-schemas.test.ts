import { describe, expect, it } from 'vitest';
import {
  academicTitles,
  applyProfilePatch,
  degreeRank,
  degrees,
  type ExpertProfile,
  isListedInDirectory,
  isVisibleToAgencies,
  profilePatchSchema,
  profileRuleViolations,
  registrationSchema,
  titleRank,
  toDirectoryEntry,
  toSummary,
} from '#shared/domain/expert';
import { eachRuleWithItsNeighbours, issuesOf } from './support/schema-rules.ts';

const currentYear = new Date().getUTCFullYear();
const consent = {
  registry: true,
  shareWithAgencies: true,
  collaborationCalls: false,
  publicDirectory: false,
  textVersion: '2026-01-01',
};
const registration = {
  fullName: 'Lê Thị Hoa',
  email: 'hoa.le@example.org',
  highestDegree: 'doctorate',
  fields: [{ code: '3.2' }],
  location: { kind: 'in_province', country: 'VN' },
  nativeOfProvince: true,
  yearsExperience: 12,
  engagement: ['full_time'],
  consent,
};
const twoLetters = (n: number) => Array.from({ length: n }, (_, i) => `${String.fromCharCode(97 + i)}a`);

describe('registration: every rule with its accepted and refused neighbour', () => {
  eachRuleWithItsNeighbours(registrationSchema, registration, [
    ['a name of 120 characters', { fullName: 'n'.repeat(120) }, { fullName: 'n'.repeat(121) }, 'fullName'],
    ['a name with letters', { fullName: '  Hoa ' }, { fullName: '   ' }, 'fullName'],
    ['a known degree', { highestDegree: 'bachelor' }, { highestDegree: 'associate' }, 'highestDegree'],
    [
      'an e-mail address',
      { email: 'a@b.vn' },
      { email: 'hoa.le(at)example.org' },
      'email',
      'Not a valid e-mail address',
    ],
    ['one field', { fields: [{ code: '3.1' }] }, { fields: [] }, 'fields', 'Give at least one field'],
    [
      'at most five fields',
      { fields: ['1.1', '2.1', '3.1', '4.1', '5.1'].map((code) => ({ code })) },
      { fields: ['1.1', '2.1', '3.1', '4.1', '5.1', '6.1'].map((code) => ({ code })) },
      'fields',
      'Give at most five fields',
    ],
    [
      'distinct fields',
      { fields: [{ code: '3.2' }, { code: '3.3' }] },
      { fields: [{ code: '3.2' }, { code: '3.2' }] },
      'fields',
      'Each field code may appear once',
    ],
    [
      'a field of the taxonomy, not a group',
      { fields: [{ code: '6.5' }] },
      { fields: [{ code: '6' }] },
      'fields.0.code',
      'Unknown field code; use a code such as "2.3" from GET /api/meta',
    ],
    [
      'a field the taxonomy has',
      { fields: [{ code: '2.11' }] },
      { fields: [{ code: '2.12' }] },
      'fields.0.code',
    ],
    [
      'a specialization of 200 characters',
      { fields: [{ code: '3.2', specialization: 's'.repeat(200) }] },
      { fields: [{ code: '3.2', specialization: 's'.repeat(201) }] },
      'fields.0.specialization',
    ],
    [
      'in the province: country VN',
      { location: { kind: 'in_province', country: 'VN', city: 'Quảng Ngãi' } },
      { location: { kind: 'in_province', country: 'LA' } },
      'location.country',
      'Use country VN for in_province and in_country, and a foreign country for overseas',
    ],
    [
      'elsewhere in Vietnam: country VN',
      { location: { kind: 'in_country', country: 'VN' } },
      { location: { kind: 'in_country', country: 'KH' } },
      'location.country',
    ],
    [
      'overseas: a foreign country',
      { location: { kind: 'overseas', country: 'JP' } },
      { location: { kind: 'overseas', country: 'VN' } },
      'location.country',
      'Use country VN for in_province and in_country, and a foreign country for overseas',
    ],
    [
      'a two-letter upper-case country',
      { location: { kind: 'overseas', country: 'DE' } },
      { location: { kind: 'overseas', country: 'de' } },
      'location.country',
      'Use an ISO 3166 alpha-2 country code',
    ],
    [
      'not three letters',
      { location: { kind: 'overseas', country: 'US' } },
      { location: { kind: 'overseas', country: 'USA' } },
      'location.country',
    ],
    [
      'not one letter',
      { location: { kind: 'overseas', country: 'FR' } },
      { location: { kind: 'overseas', country: 'F' } },
      'location.country',
    ],
    [
      'a city of 100 characters',
      { location: { kind: 'overseas', country: 'JP', city: 'c'.repeat(100) } },
      { location: { kind: 'overseas', country: 'JP', city: 'c'.repeat(101) } },
      'location.city',
    ],
    ['no years of experience', { yearsExperience: 0 }, { yearsExperience: -1 }, 'yearsExperience'],
    [
      '70 years of experience',
      { yearsExperience: 70, birthYear: 1935 },
      { yearsExperience: 71 },
      'yearsExperience',
    ],
    ['whole years', { yearsExperience: 3 }, { yearsExperience: 2.5 }, 'yearsExperience'],
    [
      'an engagement mode',
      { engagement: ['relocate', 'part_time'] },
      { engagement: [] },
      'engagement',
      'Choose at least one engagement mode',
    ],
    [
      'distinct engagement modes',
      { engagement: ['part_time', 'full_time'] },
      { engagement: ['part_time', 'part_time'] },
      'engagement',
      'Each engagement mode may appear once',
    ],
    [
      'a phone number',
      { phone: '+84 (255) 382-1234' },
      { phone: 'call me' },
      'phone',
      'Not a valid phone number',
    ],
    ['a phone without +', { phone: '0912345678' }, { phone: '+0912345678 ext' }, 'phone'],
    ['a phone of 6 characters', { phone: '123456' }, { phone: '12345' }, 'phone'],
    ['a phone of 20 characters', { phone: '1'.repeat(20) }, { phone: '1'.repeat(21) }, 'phone'],
    ['a phone starting with +', { phone: '+123456' }, { phone: 'x+123456' }, 'phone'],
    ['born in 1930', { birthYear: 1930, yearsExperience: 40 }, { birthYear: 1929 }, 'birthYear'],
    [
      '16 years old this year',
      { birthYear: currentYear - 16, yearsExperience: 0 },
      { birthYear: currentYear - 15, yearsExperience: 0 },
      'birthYear',
    ],
    ['a gender of the list', { gender: 'unspecified' }, { gender: 'n/a' }, 'gender'],
    [
      'a hometown of 100 characters',
      { hometown: 'h'.repeat(100) },
      { hometown: 'h'.repeat(101) },
      'hometown',
    ],
    [
      'an employer of a known sector',
      { employer: { name: 'Bệnh viện Đa khoa', sector: 'state' } },
      { employer: { name: 'Bệnh viện Đa khoa', sector: 'army' } },
      'employer.sector',
    ],
    ['an employer of its known fields', { employer: {} }, { employer: { city: 'Huế' } }, 'employer'],
    [
      'ten languages',
      { languages: twoLetters(10).map((code) => ({ code, level: 'B1' })) },
      { languages: twoLetters(11).map((code) => ({ code, level: 'B1' })) },
      'languages',
    ],
    [
      'distinct languages',
      {
        languages: [
          { code: 'en', level: 'C1' },
          { code: 'fr', level: 'A2' },
        ],
      },
      {
        languages: [
          { code: 'en', level: 'C1' },
          { code: 'en', level: 'A2' },
        ],
      },
      'languages',
      'Each language may appear once',
    ],
    [
      'a two-letter language code',
      { languages: [{ code: 'ja', level: 'native' }] },
      { languages: [{ code: 'JA', level: 'native' }] },
      'languages.0.code',
      'Use an ISO 639-1 language code such as "en"',
    ],
    [
      'a three-letter language code',
      { languages: [{ code: 'fil', level: 'A1' }] },
      { languages: [{ code: 'f', level: 'A1' }] },
      'languages.0.code',
    ],
    [
      'not four letters',
      { languages: [{ code: 'de', level: 'A1' }] },
      { languages: [{ code: 'deut', level: 'A1' }] },
      'languages.0.code',
    ],
    [
      'a level of the scale',
      { languages: [{ code: 'en', level: 'C2' }] },
      { languages: [{ code: 'en', level: 'C3' }] },
      'languages.0.level',
    ],
    ['10,000 publications', { publications: 10000 }, { publications: 10001 }, 'publications'],
    ['no publications', { publications: 0 }, { publications: -1 }, 'publications'],
    ['10,000 patents', { patents: 10000 }, { patents: 10001 }, 'patents'],
    ['no patents', { patents: 0 }, { patents: -1 }, 'patents'],
    ['a bio of 2000 characters', { bio: 'b'.repeat(2000) }, { bio: 'b'.repeat(2001) }, 'bio'],
    [
      'consent to the registry',
      { consent: { ...consent, publicDirectory: true } },
      { consent: { ...consent, registry: false } },
      'consent.registry',
      'Consent to the registry purpose is required to register',
    ],
    [
      'the consent text version',
      { consent: { ...consent, textVersion: 'v'.repeat(40) } },
      { consent: { ...consent, textVersion: ' ' } },
      'consent.textVersion',
    ],
    ['only the known properties', { academicTitle: 'professor' }, { status: 'active' }, ''],
  ]);

  it('trims text and folds the e-mail address to lower case', () => {
    const parsed = registrationSchema.parse({
      ...registration,
      fullName: ' Lê Thị Hoa ',
      email: ' Hoa.Le@Example.ORG ',
      hometown: ' Mộ Đức ',
      bio: ' Bác sĩ ',
      fields: [{ code: '3.2', specialization: ' Tim mạch ' }],
      location: { kind: 'overseas', country: 'FR', city: ' Lyon ' },
      consent: { ...consent, textVersion: ' 2026-01-01 ' },
    });

    expect(parsed).toMatchObject({
      fullName: 'Lê Thị Hoa',
      email: 'hoa.le@example.org',
      hometown: 'Mộ Đức',
      bio: 'Bác sĩ',
      fields: [{ code: '3.2', specialization: 'Tim mạch' }],
      location: { city: 'Lyon' },
      consent: { textVersion: '2026-01-01' },
    });
  });
});

describe('profile PATCH', () => {
  it('accepts any one editable field, and null to clear an optional one', () => {
    expect(profilePatchSchema.safeParse({ fullName: 'Lê Hoa' })).toEqual({
      success: true,
      data: { fullName: 'Lê Hoa' },
    });
    expect(profilePatchSchema.parse({ phone: null, academicTitle: null, languages: null })).toEqual({
      phone: null,
      academicTitle: null,
      languages: null,
    });
  });

  it.each([
    ['nothing to change', {}, '', 'Send at least one field to change'],
    ['a required field cleared', { fullName: null }, 'fullName', undefined],
    [
      'the e-mail address, even with an editable field',
      { email: 'x@example.org', bio: 'Bác sĩ' },
      '',
      undefined,
    ],
    [
      'a repeated field',
      { fields: [{ code: '2.3' }, { code: '2.3' }] },
      'fields',
      'Each field code may appear once',
    ],
    ['a bad phone number', { phone: 'call me' }, 'phone', 'Not a valid phone number'],
  ])('refuses %s', (_, patch, path, message) => {
    const issues = issuesOf(profilePatchSchema, patch);

    expect(issues.map((i) => i.path)).toEqual([path]);
    if (message) expect(issues[0].message).toBe(message);
  });
});

const stored: ExpertProfile = {
  id: 'e1',
  email: 'hoa.le@example.org',
  status: 'active',
  consent: { ...consent, textHash: 'abc', at: '2026-01-02T00:00:00Z' },
  createdAt: '2026-01-02T00:00:00Z',
  updatedAt: '2026-03-04T00:00:00Z',
  version: 3,
  fullName: 'Lê Thị Hoa',
  highestDegree: 'doctorate',
  academicTitle: 'associate_professor',
  fields: [{ code: '3.2' }],
  location: { kind: 'overseas', country: 'FR', city: 'Lyon' },
  nativeOfProvince: true,
  yearsExperience: 12,
  engagement: ['remote_advisory'],
  phone: '+33 6 12 34 56 78',
  birthYear: 1985,
  languages: [{ code: 'fr', level: 'C2' }],
  employer: { name: 'Hospices Civils de Lyon', sector: 'state' },
};

describe('applying a profile PATCH', () => {
  it('replaces the fields sent and keeps the others, without touching the stored profile', () => {
    const next = applyProfilePatch(stored, { fullName: 'Lê Hoa', yearsExperience: 13, bio: undefined });

    expect(next).toEqual({ ...stored, fullName: 'Lê Hoa', yearsExperience: 13 });
    expect('bio' in next).toBe(false);
    expect(stored.fullName).toBe('Lê Thị Hoa');
  });

  it('clears with null: the title to none, languages to none, anything else removed', () => {
    const next = applyProfilePatch(stored, {
      academicTitle: null,
      languages: null,
      phone: null,
      birthYear: null,
    });

    expect(next.academicTitle).toBe('none');
    expect(next.languages).toEqual([]);
    expect(next).toHaveProperty('phone', undefined);
    expect(next).toHaveProperty('birthYear', undefined);
    expect(next.employer).toEqual(stored.employer);
  });
});

describe('what others see of a profile', () => {
  it('shows HR a summary without e-mail, phone, birth year or consent', () => {
    expect(toSummary(stored)).toEqual({
      id: 'e1',
      fullName: 'Lê Thị Hoa',
      highestDegree: 'doctorate',
      academicTitle: 'associate_professor',
      fields: [{ code: '3.2' }],
      location: { kind: 'overseas', country: 'FR', city: 'Lyon' },
      nativeOfProvince: true,
      employer: { name: 'Hospices Civils de Lyon', sector: 'state' },
      yearsExperience: 12,
      languages: [{ code: 'fr', level: 'C2' }],
      engagement: ['remote_advisory'],
      updatedAt: '2026-03-04T00:00:00Z',
    });
  });

  it('fills in no title and no languages in the summary and the directory', () => {
    const bare = { ...stored, academicTitle: undefined, languages: undefined };

    expect(toSummary(bare)).toMatchObject({ academicTitle: 'none', languages: [] });
    expect(toDirectoryEntry(bare)).toEqual({
      id: 'e1',
      fullName: 'Lê Thị Hoa',
      highestDegree: 'doctorate',
      academicTitle: 'none',
      fields: [{ code: '3.2' }],
      country: 'FR',
    });
    expect(toDirectoryEntry(stored).academicTitle).toBe('associate_professor');
  });

  it.each([
    ['active and shared', 'active', true, true],
    ['active, not shared', 'active', false, false],
    ['shared, pending verification', 'pending_verification', true, false],
    ['shared, withdrawn', 'withdrawn', true, false],
  ] as const)('is visible to agencies when %s: %s', (_, status, shareWithAgencies, visible) => {
    expect(isVisibleToAgencies({ status, consent: { ...stored.consent, shareWithAgencies } })).toBe(visible);
  });

  it.each([
    ['active and opted in', 'active', true, true],
    ['active, not opted in', 'active', false, false],
    ['opted in, pending verification', 'pending_verification', true, false],
  ] as const)('is listed in the public directory when %s: %s', (_, status, publicDirectory, listed) => {
    expect(isListedInDirectory({ status, consent: { ...stored.consent, publicDirectory } })).toBe(listed);
  });
});

describe('rules across profile fields', () => {
  const doctor = { highestDegree: 'doctorate', academicTitle: 'none', yearsExperience: 10 } as const;
  const titleRule = {
    path: 'academicTitle',
    message: 'Professor and associate professor titles require a doctorate',
  };
  const ageRule = { path: 'yearsExperience', message: 'More years of experience than the birth year allows' };

  it.each([
    ['a professor with a doctorate', { academicTitle: 'professor' }, []],
    ['an associate professor with a doctorate', { academicTitle: 'associate_professor' }, []],
    ['a master without a title', { highestDegree: 'master' }, []],
    ['a bachelor with no title given', { highestDegree: 'bachelor', academicTitle: undefined }, []],
    [
      'an associate professor with a master',
      { highestDegree: 'master', academicTitle: 'associate_professor' },
      [titleRule],
    ],
    ['a professor with a bachelor', { highestDegree: 'bachelor', academicTitle: 'professor' }, [titleRule]],
    ['experience from 14 on', { birthYear: currentYear - 30, yearsExperience: 16 }, []],
    ['experience from 13', { birthYear: currentYear - 30, yearsExperience: 17 }, [ageRule]],
    ['any experience with no birth year', { yearsExperience: 70 }, []],
    [
      'both broken',
      {
        highestDegree: 'master',
        academicTitle: 'professor',
        birthYear: currentYear - 20,
        yearsExperience: 7,
      },
      [titleRule, ageRule],
    ],
  ] as const)('%s', (_, change, violations) => {
    expect(profileRuleViolations({ ...doctor, ...change })).toEqual(violations);
  });
});

describe('ranks stored with a profile', () => {
  it('numbers degrees from 1 and titles from 0, as the match index keys and search filters hold them', () => {
    expect(degrees.map(degreeRank)).toEqual([1, 2, 3]);
    expect(academicTitles.map(titleRank)).toEqual([0, 1, 2]);
  });
});
