/**
 * Rows of languages and levels, wherever languages are edited: an expert's own (with their
 * level) and a demand's requirements (with the least level). Error paths address rows by index.
 */
import { languageLevels } from '#shared/domain/expert';
import type { LanguageRow } from '../forms/profile-draft.ts';
import { useI18n } from '../i18n.tsx';
import { commonLanguages, languageName, nameOptions } from '../names.ts';
import { SelectField } from './controls.tsx';
import { RepeatedRows } from './RepeatedRows.tsx';

export function LanguageRows({
  rows,
  onChange,
  max,
  levelPath,
  legend,
}: {
  rows: LanguageRow[];
  onChange: (rows: LanguageRow[]) => void;
  max: number;
  /** The level's name in the payload: an expert's `level`, a demand's `minLevel`. */
  levelPath: 'level' | 'minLevel';
  /** Makes the rows a group of their own; without it they belong to the section around them. */
  legend?: string;
}) {
  const { t, lang } = useI18n();
  const levelLabel = levelPath === 'level' ? t.languageLevel : t.languageMinLevel;
  return (
    <RepeatedRows
      path="languages"
      legend={legend}
      rows={rows}
      onChange={onChange}
      max={max}
      newRow={() => ({ code: '', level: '' })}
      addLabel={t.addLanguage}
      removeLabel={t.removeLanguage}
      emptyHint={t.noLanguages}
    >
      {(row, index, setRow) => (
        <>
          <SelectField
            path={`languages.${index}.code`}
            label={t.languageCode(index + 1)}
            value={row.code}
            onChange={(code) => setRow({ code })}
            placeholder={t.choose}
            options={nameOptions(commonLanguages, languageName, lang, row.code)}
          />
          <SelectField
            path={`languages.${index}.${levelPath}`}
            label={levelLabel(index + 1)}
            value={row.level}
            onChange={(level) => setRow({ level })}
            placeholder={t.choose}
            options={languageLevels.map((l) => ({ value: l, label: t.languageLevelName[l] }))}
          />
        </>
      )}
    </RepeatedRows>
  );
}
