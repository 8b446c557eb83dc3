import { describe, expect, it } from 'vitest';
import { demoFieldCodes, generateProfiles } from '#shared/demo/generate-profiles';
import { consentText } from '#shared/domain/consent';
import { degrees, locationKinds, registrationSchema } from '#shared/domain/expert';
import { provinces } from '#shared/domain/provinces/index';
import { fieldGroupCodes, fieldGroupOf, fieldsOfScience } from '#shared/domain/taxonomy';
import { foldVietnamese } from '#shared/domain/text';

describe('generateProfiles (demo data)', () => {
  it('generates profiles that all pass the registration schema', () => {
    const profiles = generateProfiles(5000);

    const failures = profiles
      .map((profile, index) => ({ index, result: registrationSchema.safeParse(profile) }))
      .filter(({ result }) => !result.success)
      .map(({ index, result }) => ({ index, issues: result.error?.issues }));

    expect(profiles).toHaveLength(5000);
    expect(failures).toEqual([]);
  });

  it('generates valid profiles for every shipped province, with its hometowns', () => {
    for (const province of provinces) {
      const profiles = generateProfiles(500, { province, seed: 11 });

      const invalid = profiles.filter((p) => !registrationSchema.safeParse(p).success);
      const foreignHometowns = profiles
        .map((p) => p.hometown)
        .filter((h) => h !== undefined && !province.hometowns.includes(h));

      expect(invalid).toEqual([]);
      expect(foreignHometowns).toEqual([]);
    }
  });

  it('gives every profile a unique ASCII e-mail, also across batches', () => {
    const first = generateProfiles(5000, { emailDomain: 'demo.quangngai.vn' });
    const second = generateProfiles(1000, { startIndex: 5000, emailDomain: 'demo.quangngai.vn' });

    const emails = [...first, ...second].map((p) => p.email);

    expect(new Set(emails).size).toBe(6000);
    expect(emails.filter((e) => !/^[a-z0-9.]+@demo\.quangngai\.vn$/.test(e))).toEqual([]);
  });

  it('is deterministic for a seed and varies with the seed', () => {
    const a = generateProfiles(300, { seed: 42 });
    const b = generateProfiles(300, { seed: 42 });
    const c = generateProfiles(300, { seed: 43 });

    expect(b).toEqual(a);
    expect(c.slice(1)).not.toEqual(a.slice(1));
  });

  it('makes a batch equal to the same slice of one larger call', () => {
    const whole = generateProfiles(120, { seed: 5 });

    const batch = generateProfiles(20, { seed: 5, startIndex: 100 });

    expect(batch).toEqual(whole.slice(100, 120));
  });

  it('covers every degree, field group and location kind in 500 profiles', () => {
    const profiles = generateProfiles(500);

    const seenDegrees = new Set(profiles.map((p) => p.highestDegree));
    const seenGroups = new Set(profiles.flatMap((p) => p.fields.map((f) => fieldGroupOf(f.code))));
    const seenKinds = new Set(profiles.map((p) => p.location.kind));

    expect([...seenDegrees].sort()).toEqual([...degrees].sort());
    expect([...seenGroups].sort()).toEqual([...fieldGroupCodes].sort());
    expect([...seenKinds].sort()).toEqual([...locationKinds].sort());
  });

  it('keeps the generated facts consistent with each other', () => {
    const profiles = generateProfiles(2000, { seed: 3 });

    const inconsistent = profiles.filter(
      (p) =>
        (p.academicTitle !== 'none' && p.highestDegree !== 'doctorate') ||
        (p.location.kind === 'overseas' && !p.nativeOfProvince) ||
        (p.hometown !== undefined) !== p.nativeOfProvince ||
        p.yearsExperience > 2026 - (p.birthYear ?? 0) - 18 ||
        p.fields.length > 3 ||
        p.engagement.length > 3 ||
        p.consent.textVersion !== consentText.version ||
        !/^\+84\d{9}$/.test(p.phone ?? ''),
    );

    expect(inconsistent).toEqual([]);
  });

  it('has Vietnamese specializations for every field code of the taxonomy', () => {
    const fieldCodes = fieldsOfScience.filter((f) => f.parent !== null).map((f) => f.code);

    expect([...demoFieldCodes].sort()).toEqual([...fieldCodes].sort());
  });

  it('always makes profile 0 the documented example, Nguyễn Văn An', () => {
    const [an] = generateProfiles(1, { seed: 999 });

    expect(an.fullName).toBe('Nguyễn Văn An');
    expect(foldVietnamese(an.fullName)).toBe('nguyen van an');
    expect(an).toMatchObject({
      email: 'an.nguyen.000000@example.vn',
      gender: 'male',
      highestDegree: 'doctorate',
      fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
      location: { kind: 'overseas', country: 'JP', city: 'Osaka' },
      nativeOfProvince: true,
      hometown: 'Bình Sơn',
      consent: { registry: true, shareWithAgencies: true, publicDirectory: true },
    });
    expect(registrationSchema.safeParse(an).success).toBe(true);
  });
});
