/**
 * Self-registration: validated in the browser with the same schema the API uses, so most
 * mistakes are shown next to their field before anything is sent; the server's own field errors
 * are shown the same way.
 */

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { registrationSchema } from '#shared/domain/expert';
import { ApiError, api, type ErrorDetail } from '../api.ts';
import { ConsentChoices, noConsent } from '../components/ConsentChoices.tsx';
import { FormErrorsProvider, TextField } from '../components/controls.tsx';
import { FormProblems } from '../components/FormProblems.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { ProfileFields } from '../components/ProfileFields.tsx';
import { claimFromHash } from '../forms/claim-prefill.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors } from '../forms/issues.ts';
import { emptyDraft, type ProfileDraft, profileFromDraft } from '../forms/profile-draft.ts';
import { useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { navigate } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function RegisterPage() {
  const { t } = useI18n();
  const meta = useMeta();
  usePageTitle(t.registerTitle);
  // A roster entry's claim link fills the form in (consents stay unticked).
  const [claim] = useState(() => claimFromHash(window.location.hash));
  const [draft, setDraft] = useState<ProfileDraft>(() => claim?.draft ?? emptyDraft());
  const [email, setEmail] = useState(claim?.email ?? '');
  const [consent, setConsent] = useState(noConsent);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const candidate = {
    ...profileFromDraft(draft),
    email,
    consent: { ...consent, textVersion: meta.consentTextVersion },
  };
  const parsed = registrationSchema.safeParse(candidate);
  // Messages appear after the first submit and then follow every change.
  const clientIssues = attempted && !parsed.success ? parsed.error.issues : [];
  const errors = collectErrors([...clientIssues, ...serverIssues], t);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [focusRequest]);

  const edited = () => {
    setServerIssues([]);
    setFailure(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    edited();
    if (!parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      await api.register(parsed.data);
      navigate('/check-email', { state: { sentTo: parsed.data.email, from: 'register' } });
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setServerIssues(error.details);
        setFocusRequest((n) => n + 1);
      } else {
        setFailure(error);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t.registerTitle}</h1>
      <p>{t.registerIntro}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="profile-form">
        <FormProblems idPrefix="reg" errors={errors} ref={summaryRef} />
        <FormErrorsProvider idPrefix="reg" errors={errors}>
          <ProfileFields
            draft={draft}
            update={(change) => {
              edited();
              setDraft((current) => ({ ...current, ...change }));
            }}
            afterName={
              <TextField
                path="email"
                label={t.email}
                type="email"
                value={email}
                onChange={(value) => {
                  edited();
                  setEmail(value);
                }}
                autoComplete="email"
                maxLength={254}
                required
              />
            }
          />
          <ConsentChoices
            value={consent}
            onChange={(value) => {
              edited();
              setConsent(value);
            }}
          />
        </FormErrorsProvider>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t.sending : t.submitRegistration}
          </button>
        </div>
      </form>
    </>
  );
}
