/**
 * The four consents of registration, one checkbox per purpose, none pre-ticked (Law
 * 91/2025/QH15). The wording is the versioned consent text served by GET /api/meta.
 */
import { useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { FieldMessage, useControl } from './controls.tsx';

export interface RegistrationConsent {
  registry: boolean;
  shareWithAgencies: boolean;
  collaborationCalls: boolean;
  publicDirectory: boolean;
}

/** The order of the consent text's paragraphs. */
export const consentPurposes = [
  'registry',
  'shareWithAgencies',
  'collaborationCalls',
  'publicDirectory',
] as const;

export const noConsent = (): RegistrationConsent => ({
  registry: false,
  shareWithAgencies: false,
  collaborationCalls: false,
  publicDirectory: false,
});

export function ConsentChoices({
  value,
  onChange,
}: {
  value: RegistrationConsent;
  onChange: (value: RegistrationConsent) => void;
}) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  return (
    <fieldset className="section">
      <legend>{t.sectionConsent}</legend>
      <p className="hint">{t.consentIntro(meta.consentText.version)}</p>
      <div className="choices">
        {consentPurposes.map((purpose, index) => (
          <ConsentCheckbox
            key={purpose}
            purpose={purpose}
            text={meta.consentText[lang][index] ?? purpose}
            checked={value[purpose]}
            onChange={(checked) => onChange({ ...value, [purpose]: checked })}
          />
        ))}
      </div>
    </fieldset>
  );
}

function ConsentCheckbox({
  purpose,
  text,
  checked,
  onChange,
}: {
  purpose: (typeof consentPurposes)[number];
  text: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const control = useControl(`consent.${purpose}`);
  return (
    <div className="field">
      <label className="choice" htmlFor={control.id}>
        <input
          type="checkbox"
          id={control.id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-required={purpose === 'registry' || undefined}
          {...control.aria}
        />
        <span>{text}</span>
      </label>
      <FieldMessage path={`consent.${purpose}`} />
    </div>
  );
}
