import { describe, expect, it } from 'vitest';
import { countryName, foreignCountries, nameOptions } from '../../web/src/names.ts';

describe('the country list of the forms', () => {
  it('offers every ISO 3166-1 country and territory but Vietnam, once each', () => {
    expect(foreignCountries).toHaveLength(248);
    expect(new Set(foreignCountries).size).toBe(248);
    expect(foreignCountries).not.toContain('VN');
    expect(foreignCountries).toEqual(
      expect.arrayContaining(['JP', 'US', 'DE', 'AU', 'LA', 'KH', 'CU', 'MZ']),
    );
  });

  it('names each in Vietnamese, sorted as Vietnamese readers sort', () => {
    const options = nameOptions(foreignCountries, countryName, 'vi');

    expect(options.every((o) => o.label !== o.value)).toBe(true);
    expect(options.find((o) => o.value === 'JP')?.label).toBe('Nhật Bản');
    expect(options.map((o) => o.label)).toEqual(
      [...options.map((o) => o.label)].sort((a, b) => a.localeCompare(b, 'vi')),
    );
  });
});
