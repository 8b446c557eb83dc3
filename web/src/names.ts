/**
 * Country and language names come from the browser's Intl data in the current language, so the
 * app carries no name tables of its own.
 */
import type { Lang } from './i18n.tsx';

/** Where the province's experts abroad most often live and work. */
export const commonCountries = [
  'AU',
  'BE',
  'CA',
  'CH',
  'CN',
  'CZ',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'HK',
  'HU',
  'IE',
  'IL',
  'IN',
  'IT',
  'JP',
  'KR',
  'LA',
  'KH',
  'MY',
  'NL',
  'NO',
  'NZ',
  'PH',
  'PL',
  'QA',
  'RU',
  'SA',
  'SE',
  'SG',
  'TH',
  'TW',
  'AE',
  'US',
];

export const commonLanguages = [
  'en',
  'fr',
  'de',
  'ja',
  'ko',
  'zh',
  'ru',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'cs',
  'pl',
  'th',
  'lo',
  'km',
  'id',
  'ms',
  'ar',
  'hi',
  'vi',
];

const displayNames = new Map<string, Intl.DisplayNames>();

function names(lang: Lang, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${lang}:${type}`;
  let found = displayNames.get(key);
  if (!found) {
    found = new Intl.DisplayNames([lang], { type, fallback: 'code' });
    displayNames.set(key, found);
  }
  return found;
}

export const countryName = (code: string, lang: Lang): string => names(lang, 'region').of(code) ?? code;
export const languageName = (code: string, lang: Lang): string => names(lang, 'language').of(code) ?? code;

/** Options sorted by name in the current language, keeping an unlisted current value selectable. */
export function nameOptions(
  codes: readonly string[],
  nameOf: (code: string, lang: Lang) => string,
  lang: Lang,
  current = '',
): { value: string; label: string }[] {
  const all = current && !codes.includes(current) ? [...codes, current] : codes;
  return all
    .map((code) => ({ value: code, label: nameOf(code, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
