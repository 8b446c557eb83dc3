/** What GET /api/meta publishes: the province, the taxonomy, the enumerations, the consent text. */
import { consentText } from './consent.ts';
import {
  academicTitles,
  degrees,
  engagementModes,
  genders,
  languageLevels,
  leadershipPosts,
  locationKinds,
  sectors,
} from './expert.ts';
import { sourcedTargets } from './province.ts';
import { getProvince } from './provinces/index.ts';
import { fieldsOfScience } from './taxonomy.ts';

export function registryMeta(provinceId: string) {
  return {
    // A target without the document that sets it is never published.
    province: (() => {
      const province = getProvince(provinceId);
      return { ...province, targets: sourcedTargets(province) };
    })(),
    taxonomy: fieldsOfScience,
    degrees,
    academicTitles,
    genders,
    locationKinds,
    sectors,
    languageLevels,
    engagementModes,
    leadershipPosts,
    consentTextVersion: consentText.version,
    consentText,
  };
}
