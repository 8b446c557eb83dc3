/**
 * The three optional consents as switches; each flip is saved at once (PUT /api/me/consent), so
 * a withdrawal takes effect immediately. The registry consent itself is withdrawn by deleting.
 */

import { useState } from 'react';
import type { ConsentChoices, ExpertProfile } from '#shared/domain/expert';
import { api } from '../api.ts';
import { formatTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { consentPurposes } from './ConsentChoices.tsx';
import { failureMessage, Notice } from './Notice.tsx';

type OptionalPurpose = keyof ConsentChoices;

export function ConsentSettings({
  profile,
  onChanged,
  onFailure,
}: {
  profile: ExpertProfile;
  onChanged: () => void;
  onFailure: (error: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const [choices, setChoices] = useState<ConsentChoices>({
    shareWithAgencies: profile.consent.shareWithAgencies,
    collaborationCalls: profile.consent.collaborationCalls,
    publicDirectory: profile.consent.publicDirectory,
  });
  const [saving, setSaving] = useState<OptionalPurpose | null>(null);
  const [result, setResult] = useState<'saved' | { failure: unknown } | null>(null);

  async function flip(purpose: OptionalPurpose, on: boolean) {
    const previous = choices;
    const next = { ...choices, [purpose]: on };
    setChoices(next);
    setSaving(purpose);
    setResult(null);
    try {
      await api.putConsent(next);
      setResult('saved');
      onChanged();
    } catch (error) {
      setChoices(previous);
      setResult({ failure: error });
      onFailure(error);
    } finally {
      setSaving(null);
    }
  }

  return (
    <section aria-labelledby="consent-heading" className="card">
      <h2 id="consent-heading">{t.consentTitle}</h2>
      {/* The registry consent is given once, with the registration that created the profile. */}
      <p className="hint">{t.consentRegistryGiven(formatTime(profile.createdAt, lang))}</p>
      {profile.consent.at !== profile.createdAt ? (
        <p className="hint">{t.consentChoicesChanged(formatTime(profile.consent.at, lang))}</p>
      ) : null}
      <div className="choices">
        {consentPurposes.map((purpose, index) =>
          purpose === 'registry' ? null : (
            <label key={purpose} className="choice switch" htmlFor={`consent-${purpose}`}>
              <input
                type="checkbox"
                role="switch"
                id={`consent-${purpose}`}
                checked={choices[purpose]}
                aria-checked={choices[purpose]}
                disabled={saving !== null}
                onChange={(e) => flip(purpose, e.target.checked)}
              />
              <span>{meta.consentText[lang][index] ?? purpose}</span>
            </label>
          ),
        )}
      </div>
      {result === 'saved' ? <Notice kind="success">{t.consentSaved}</Notice> : null}
      {result !== null && typeof result === 'object' ? (
        <Notice kind="error">{failureMessage(result.failure, t)}</Notice>
      ) : null}
    </section>
  );
}
