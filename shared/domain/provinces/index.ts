/**
 * The provinces the registry ships with. Quảng Ngãi is the default; Kon Tum and Sơn La are
 * examples of how another province configures its zones, agencies and targets.
 */
import type { ProvinceConfig } from '../province.ts';
import { konTum } from './kon-tum.ts';
import { quangNgai } from './quang-ngai.ts';
import { sonLa } from './son-la.ts';

export { konTum, quangNgai, sonLa };

export const provinces: readonly ProvinceConfig[] = [quangNgai, konTum, sonLa];

export const defaultProvinceId = 'quang-ngai';

/** The province with this id; throws an Error naming the known ids when there is none. */
export function getProvince(id: string): ProvinceConfig {
  const province = provinces.find((p) => p.id === id);
  if (!province) {
    throw new Error(`Unknown province "${id}"; known province ids: ${provinces.map((p) => p.id).join(', ')}`);
  }
  return province;
}
