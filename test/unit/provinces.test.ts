import { describe, expect, it } from 'vitest';
import { type LocalizedName, sourcedTargets } from '#shared/domain/province';
import { defaultProvinceId, getProvince, provinces } from '#shared/domain/provinces/index';

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function expectNamed(item: LocalizedName): void {
  expect(item.vi.trim()).not.toBe('');
  expect(item.en.trim()).not.toBe('');
  // Vietnamese is stored precomposed (NFC), so search folding and comparisons behave.
  expect(item.vi).toBe(item.vi.normalize('NFC'));
}

describe('province configurations', () => {
  it('ship Quảng Ngãi as the default, with Kon Tum and Sơn La as examples', () => {
    // Prepare / act
    const ids = provinces.map((p) => p.id);

    // Assert
    expect(ids).toEqual(['quang-ngai', 'kon-tum', 'son-la']);
    expect(defaultProvinceId).toBe('quang-ngai');
    expect(getProvince(defaultProvinceId).name).toEqual({ vi: 'Quảng Ngãi', en: 'Quang Ngai' });
  });

  describe.each(provinces.map((p) => [p.id, p] as const))('%s', (_id, province) => {
    it('has a kebab-case id and non-empty names', () => {
      expect(province.id).toMatch(kebabCase);
      expectNamed(province.name);
    });

    it('has unique kebab-case zone ids with both names', () => {
      const ids = province.zones.map((z) => z.id);

      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      for (const zone of province.zones) {
        expect(zone.id).toMatch(kebabCase);
        expectNamed(zone);
      }
    });

    it('has unique kebab-case agency ids with both names, including the tracking body', () => {
      const ids = province.agencies.map((a) => a.id);

      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain('so-noi-vu');
      expect(province.agencies.some((a) => a.kind === 'university')).toBe(true);
      for (const agency of province.agencies) {
        expect(agency.id).toMatch(kebabCase);
        expectNamed(agency);
      }
    });

    it('has distinct hometowns, consistent 2030 targets and bilingual priorities', () => {
      expect(province.hometowns.length).toBeGreaterThan(5);
      expect(new Set(province.hometowns).size).toBe(province.hometowns.length);
      for (const hometown of province.hometowns) expect(hometown).toBe(hometown.normalize('NFC'));

      for (const target of province.targets) {
        expect(target.year).toBe(2030);
        expectNamed(target.label);
        expect(target.source?.document, target.id).toBeTruthy();
      }

      expect(province.priorities.length).toBeGreaterThanOrEqual(3);
      for (const priority of province.priorities) expectNamed(priority);
    });
  });

  it('gives Quảng Ngãi the zones, agencies and targets of its programme', () => {
    const province = getProvince('quang-ngai');

    expect(province.zones.map((z) => z.id)).toEqual([
      'dung-quat-ez',
      'industrial-parks',
      'mountainous-areas',
      'provincial-centre',
    ]);
    expect(Object.fromEntries(province.targets.map((t) => [t.id, [t.min, t.max ?? null, t.unit]]))).toEqual({
      intellectuals: [50000, null, 'people'],
      doctorates: [120, null, 'people'],
      masters_or_higher: [3000, null, 'people'],
      leaders_under_40_share: [15, 20, 'percent'],
      provincial_leaders_international_share: [25, 35, 'percent'],
    });
    expect(sourcedTargets(province)).toHaveLength(5);
    expect(province.agencies.find((a) => a.id === 'bql-kkt-dung-quat')?.kind).toBe('management_board');
    expect(province.agencies.find((a) => a.id === 'benh-vien-da-khoa-tinh')?.kind).toBe('hospital');
    expect(province.agencies.find((a) => a.id === 'dai-hoc-pham-van-dong')?.kind).toBe('university');
    expect(province.hometowns).toContain('Bình Sơn');
  });

  it('finds a province by id', () => {
    expect(getProvince('son-la').name.vi).toBe('Sơn La');
    expect(getProvince('kon-tum').agencies.map((a) => a.id)).toContain('phan-hieu-dai-hoc-da-nang');
  });

  it('shows no targets for Kon Tum and Sơn La, whose programmes set none, and says Kon Tum was merged', () => {
    expect(sourcedTargets(getProvince('kon-tum'))).toEqual([]);
    expect(sourcedTargets(getProvince('son-la'))).toEqual([]);
    expect(getProvince('kon-tum').mergedInto).toMatchObject({ provinceId: 'quang-ngai' });
    expect(getProvince('kon-tum').mergedInto?.date).toMatch(/^2025-/);
  });

  it('never shows a target without the document that sets it', () => {
    const target = getProvince('quang-ngai').targets[0];
    const unsourced = { targets: [{ ...target, source: undefined }, target] };
    expect(sourcedTargets(unsourced)).toEqual([target]);
    expect(sourcedTargets({ targets: [{ ...target, source: { document: '', date: null } }] })).toEqual([]);
  });

  it('throws for an unknown id, naming the known ids', () => {
    expect(() => getProvince('ha-noi')).toThrow(/Unknown province "ha-noi".*quang-ngai, kon-tum, son-la/);
  });
});
