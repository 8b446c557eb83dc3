import { describe, expect, it } from 'vitest';
import { profilePatchSchema, profileRuleViolations, registrationSchema } from '#shared/domain/expert';
import { fieldGroupOf, fieldsOfScience, isFieldCode, isFieldOrGroupCode } from '#shared/domain/taxonomy';

const base = {
  highestDegree: 'doctorate' as const,
  academicTitle: 'none' as const,
  birthYear: 1980,
  yearsExperience: 20,
};

describe('profile rules across fields', () => {
  it('accepts a consistent profile', () => {
    expect(profileRuleViolations(base)).toEqual([]);
  });

  it('refuses a title without a doctorate', () => {
    expect(profileRuleViolations({ ...base, highestDegree: 'master', academicTitle: 'professor' })).toEqual([
      { path: 'academicTitle', message: expect.any(String) },
    ]);
  });

  it('refuses more experience than the age allows', () => {
    expect(profileRuleViolations({ ...base, birthYear: 2000, yearsExperience: 25 })[0].path).toBe(
      'yearsExperience',
    );
  });
});

describe('payload schemas', () => {
  it('rejects e-mail and consent in a PATCH', () => {
    const result = profilePatchSchema.safeParse({ email: 'x@example.org', consent: {} });

    expect(result.success).toBe(false);
  });

  it('normalises e-mail to lower case and trims text', () => {
    const parsed = registrationSchema.parse({
      fullName: '  Lê Thị Hoa ',
      email: ' Hoa.Le@Example.ORG ',
      highestDegree: 'master',
      fields: [{ code: '3.2' }],
      location: { kind: 'in_province', country: 'VN' },
      nativeOfProvince: true,
      yearsExperience: 3,
      engagement: ['full_time'],
      consent: {
        registry: true,
        shareWithAgencies: false,
        collaborationCalls: false,
        publicDirectory: false,
        textVersion: 'v',
      },
    });

    expect(parsed.fullName).toBe('Lê Thị Hoa');
    expect(parsed.email).toBe('hoa.le@example.org');
  });
});

describe('the field taxonomy', () => {
  it('has the six OECD groups and their 42 fields, each labelled in Vietnamese and English', () => {
    expect(fieldsOfScience.filter((f) => f.parent === null).map((f) => f.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(fieldsOfScience.filter((f) => f.parent !== null)).toHaveLength(7 + 11 + 5 + 5 + 9 + 5);
    expect(fieldsOfScience.every((f) => f.vi && f.en)).toBe(true);
  });

  it('tells fields from groups', () => {
    expect(isFieldCode('2.11')).toBe(true);
    expect(isFieldCode('2')).toBe(false);
    expect(isFieldOrGroupCode('2')).toBe(true);
    expect(isFieldOrGroupCode('2.12')).toBe(false);
    expect(fieldGroupOf('5.9')).toBe('5');
  });
});
