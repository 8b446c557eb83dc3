/** What GET /api/meta publishes: the province, the taxonomy, the enumerations, the consent text. */
import { consentText } from './consent.ts';
import {
  academicTitles,
  degrees,
  engagementModes,
  genders,
  languageLevels,
  locationKinds,
  sectors,
} from './expert.ts';
import { getProvince } from './provinces/index.ts';
import { fieldsOfScience } from './taxonomy.ts';

export function registryMeta(provinceId: string) {
  return {
    province: getProvince(provinceId),
    taxonomy: fieldsOfScience,
    degrees,
    academicTitles,
    genders,
    locationKinds,
    sectors,
    languageLevels,
    engagementModes,
    consentTextVersion: consentText.version,
    consentText,
  };
}
