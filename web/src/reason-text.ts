/**
 * Match reasons in the reader's language: the API gives each reason a `code` and typed `params`
 * (and English `detail` for API clients); the dictionaries in i18n.tsx write each code with the
 * app's own labels for fields, degrees, titles, modes, countries and languages.
 */
import type { ReasonCode, ReasonFacts } from '#shared/domain/matching';
import { useI18n } from './i18n.tsx';
import { useFieldLabel } from './meta.tsx';
import { countryName, languageName } from './names.ts';

export type ReasonParams<C extends ReasonCode> = Extract<ReasonFacts, { code: C }>['params'];

/** Labels in the reader's language for the codes a reason names. */
export interface ReasonNames {
  field: (code: string) => string;
  degree: (degree: ReasonParams<'degree_meets'>['degree']) => string;
  title: (title: ReasonParams<'title'>['title']) => string;
  mode: (mode: ReasonParams<'engagement_as_asked'>['wanted']) => string;
  country: (code: string) => string;
  language: (code: string) => string;
  level: (level: ReasonParams<'languages_assessed'>['languages'][number]['minLevel']) => string;
  list: (items: readonly string[]) => string;
}

export type ReasonMessages = { [C in ReasonCode]: (params: ReasonParams<C>, names: ReasonNames) => string };

/** A function that writes a reason in the current language. */
export function useReasonText(): (reason: ReasonFacts) => string {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const names: ReasonNames = {
    field: fieldLabel,
    degree: (degree) => t.degree[degree],
    title: (title) => t.academicTitleName[title],
    mode: (mode) => t.engagementName[mode],
    country: (code) => countryName(code, lang),
    language: (code) => languageName(code, lang),
    level: (level) => t.languageLevelName[level],
    list: (items) => items.join('; '),
  };
  return (reason) => {
    const write = t.reason[reason.code] as (params: ReasonFacts['params'], names: ReasonNames) => string;
    return write(reason.params, names);
  };
}
