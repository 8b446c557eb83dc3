import { describe, expect, it } from 'vitest';
import type { LocalizedName } from '#shared/domain/province';
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

      const { year, intellectuals, doctorates, mastersOrHigher } = province.targets;
      expect(year).toBe(2030);
      expect(doctorates).toBeGreaterThan(0);
      expect(mastersOrHigher).toBeGreaterThan(doctorates);
      expect(intellectuals).toBeGreaterThan(mastersOrHigher);

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
    expect(province.targets).toEqual({
      year: 2030,
      intellectuals: 50000,
      doctorates: 120,
      mastersOrHigher: 3000,
    });
    expect(province.agencies.find((a) => a.id === 'bql-kkt-dung-quat')?.kind).toBe('management_board');
    expect(province.agencies.find((a) => a.id === 'benh-vien-da-khoa-tinh')?.kind).toBe('hospital');
    expect(province.agencies.find((a) => a.id === 'dai-hoc-pham-van-dong')?.kind).toBe('university');
    expect(province.hometowns).toContain('Bình Sơn');
  });

  it('finds a province by id', () => {
    expect(getProvince('son-la').name.vi).toBe('Sơn La');
    expect(getProvince('kon-tum').agencies.map((a) => a.id)).toContain('phan-hieu-dai-hoc-da-nang');
  });

  it('throws for an unknown id, naming the known ids', () => {
    expect(() => getProvince('ha-noi')).toThrow(/Unknown province "ha-noi".*quang-ngai, kon-tum, son-la/);
  });
});
