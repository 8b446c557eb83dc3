/**
 * Rows of languages and levels, wherever languages are edited: an expert's own (with their
 * level) and a demand's requirements (with the least level). Error paths address rows by index.
 */
import { languageLevels } from '#shared/domain/expert';
import type { LanguageRow } from '../forms/profile-draft.ts';
import { useI18n } from '../i18n.tsx';
import { commonLanguages, languageName, nameOptions } from '../names.ts';
import { FieldMessage, SelectField, useControl } from './controls.tsx';

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
  const group = useControl('languages');
  const levelLabel = levelPath === 'level' ? t.languageLevel : t.languageMinLevel;
  const setRow = (index: number, change: Partial<LanguageRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const content = (
    <>
      <FieldMessage path="languages" />
      {rows.length === 0 ? <p className="hint">{t.noLanguages}</p> : null}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are addressed by index, as error paths are
        <div className="row" key={index}>
          <SelectField
            path={`languages.${index}.code`}
            label={t.languageCode(index + 1)}
            value={row.code}
            onChange={(code) => setRow(index, { code })}
            placeholder={t.choose}
            options={nameOptions(commonLanguages, languageName, lang, row.code)}
          />
          <SelectField
            path={`languages.${index}.${levelPath}`}
            label={levelLabel(index + 1)}
            value={row.level}
            onChange={(level) => setRow(index, { level })}
            placeholder={t.choose}
            options={languageLevels.map((l) => ({ value: l, label: t.languageLevelName[l] }))}
          />
          <button
            type="button"
            className="secondary row-remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {t.removeLanguage(index + 1)}
          </button>
        </div>
      ))}
      {rows.length < max ? (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...rows, { code: '', level: '' }])}
        >
          {t.addLanguage}
        </button>
      ) : null}
    </>
  );
  const describedBy = group.error ? group.errorId : undefined;
  return legend ? (
    <fieldset className="rows" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {content}
    </fieldset>
  ) : (
    <div className="rows" aria-describedby={describedBy}>
      {content}
    </div>
  );
}
