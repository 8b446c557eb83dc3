/**
 * Edits the profile with the registration form's fields and sends only what changed, guarded by
 * If-Match: a change made elsewhere in the meantime is a 412, never a silently lost update.
 */

import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type ExpertProfile, profilePatchSchema } from '#shared/domain/expert';
import { ApiError, api, type ErrorDetail, type Versioned } from '../api.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors } from '../forms/issues.ts';
import { draftFromProfile, type ProfileDraft, profileChanges } from '../forms/profile-draft.ts';
import { useI18n } from '../i18n.tsx';
import { FormErrorsProvider } from './controls.tsx';
import { FormProblems } from './FormProblems.tsx';
import { failureMessage, Notice } from './Notice.tsx';
import { ProfileFields } from './ProfileFields.tsx';

interface ProfileEditorProps {
  loaded: Versioned<ExpertProfile>;
  onSaved: (updated: Versioned<ExpertProfile>) => void;
  onCancel: () => void;
  onReload: () => void;
  onSessionLost: () => void;
}

export function ProfileEditor({ loaded, onSaved, onCancel, onReload, onSessionLost }: ProfileEditorProps) {
  const { t } = useI18n();
  const original = useMemo(() => draftFromProfile(loaded.value), [loaded]);
  const [draft, setDraft] = useState<ProfileDraft>(original);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [outcome, setOutcome] = useState<'conflict' | 'unchanged' | { failure: unknown } | null>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // After a 412 the user asked for the current profile: it replaces the draft. Other reloads
  // (a consent change) keep the draft; the diff is then taken against the newer profile.
  const resetOnReload = useRef(false);
  useEffect(() => {
    if (!resetOnReload.current) return;
    resetOnReload.current = false;
    setDraft(original);
    setOutcome(null);
  }, [original]);
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [focusRequest]);

  const { patch, notClearable } = profileChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0 || notClearable.length > 0;
  const parsed = profilePatchSchema.safeParse(patch);
  const clientIssues = attempted && hasChanges && !parsed.success ? parsed.error.issues : [];
  const errors = collectErrors([...clientIssues, ...serverIssues], t);
  if (attempted) for (const key of notClearable) errors[key] = t.cannotClear;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setServerIssues([]);
    setOutcome(null);
    if (!hasChanges) {
      setOutcome('unchanged');
      return;
    }
    if (notClearable.length > 0 || !parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      onSaved(await api.patchMe(parsed.data, loaded.version));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onSessionLost();
      else if (error instanceof ApiError && error.status === 412) setOutcome('conflict');
      else if (error instanceof ApiError && error.details.length > 0) {
        setServerIssues(error.details);
        setFocusRequest((n) => n + 1);
      } else setOutcome({ failure: error });
    } finally {
      setSending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="profile-form">
      <FormProblems idPrefix="edit" errors={errors} ref={summaryRef} />
      <FormErrorsProvider idPrefix="edit" errors={errors}>
        <ProfileFields
          draft={draft}
          update={(change) => {
            setServerIssues([]);
            setDraft((current) => ({ ...current, ...change }));
          }}
        />
      </FormErrorsProvider>
      {/* Beside the save button, where the user is looking after saving. */}
      {outcome === 'conflict' ? (
        <Notice kind="error">
          <p>{t.versionMismatch}</p>
          <button
            type="button"
            onClick={() => {
              resetOnReload.current = true;
              onReload();
            }}
          >
            {t.reloadProfile}
          </button>
        </Notice>
      ) : null}
      {outcome === 'unchanged' ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
      {outcome !== null && typeof outcome === 'object' ? (
        <Notice kind="error">{failureMessage(outcome.failure, t)}</Notice>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t.sending : t.saveChanges}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
