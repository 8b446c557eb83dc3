/**
 * Several field codes of the taxonomy, grouped by its six groups: a group can be chosen whole
 * ("2") or field by field ("2.3"). Each group folds away, so a phone shows six lines, not forty.
 */
import { useState } from 'react';
import { controlId } from '../forms/issues.ts';
import { fieldGroups, useMeta } from '../meta.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { FieldMessage, useControl } from './controls.tsx';

const groupOf = (code: string): string => code.split('.')[0];

export function FieldCodesPicker({
  idPrefix,
  path,
  legend,
  hint,
  value,
  onChange,
  max,
  required,
}: {
  idPrefix: string;
  path: string;
  legend: string;
  hint?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  max: number;
  required?: boolean;
}) {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  const groups = fieldGroups(meta, lang);
  const control = useControl(path, { hasHint: true });
  // Groups that hold a choice start unfolded, so what is chosen is visible.
  const [unfolded, setUnfolded] = useState(() => new Set(value.map(groupOf)));
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code] : value.filter((c) => c !== code));
  const describedBy = [control.hintId, control.error ? control.errorId : undefined].filter(Boolean).join(' ');

  return (
    <fieldset className="rows field-codes" aria-describedby={describedBy}>
      <legend>
        {legend}
        {required ? <span className="marker"> {t.required}</span> : null}
      </legend>
      <p className="hint" id={control.hintId}>
        {hint} {t.chosenCount(value.length, max)}
      </p>
      <FieldMessage path={path} />
      {groups.map((group) => {
        const chosen = value.filter((c) => groupOf(c) === group.code).length;
        return (
          <details
            key={group.code}
            open={unfolded.has(group.code)}
            onToggle={(event) => {
              const open = event.currentTarget.open;
              setUnfolded((current) => {
                const next = new Set(current);
                if (open) next.add(group.code);
                else next.delete(group.code);
                return next;
              });
            }}
          >
            <summary>
              {group.label}
              {t.chosenInGroup(chosen)}
            </summary>
            <div className="choices">
              {[{ code: group.code, label: t.wholeGroup(group.label) }, ...group.fields].map((field) => {
                const id = controlId(idPrefix, `${path}.${field.code}`);
                return (
                  <label key={field.code} className="choice" htmlFor={id}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={value.includes(field.code)}
                      onChange={(e) => toggle(field.code, e.target.checked)}
                      aria-invalid={control.error ? true : undefined}
                    />
                    <span>{field.label}</span>
                  </label>
                );
              })}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
