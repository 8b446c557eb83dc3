import { useI18n } from '../i18n.tsx';
import { fieldGroups, useMeta } from '../meta.tsx';
import { SelectField } from './controls.tsx';

/** A search filter over a whole group ("2") or one field ("2.3"). */
export function FieldFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const groups = fieldGroups(meta, lang).map((g) => ({
    label: g.label,
    options: [
      { value: g.code, label: t.allFieldsOf(g.label) },
      ...g.fields.map((f) => ({ value: f.code, label: f.label })),
    ],
  }));
  return (
    <SelectField
      path="field"
      label={t.field}
      value={value}
      onChange={onChange}
      placeholder={t.any}
      groups={groups}
    />
  );
}
