/**
 * The frame of the console's record forms (demand, policy, call): the error summary, the fields,
 * notices beside the submit button (where the user looks after submitting), and the button.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../api.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import type { FieldErrors, FieldMessages } from '../forms/issues.ts';
import type { Submission } from '../forms/useSubmission.ts';
import { useI18n } from '../i18n.tsx';
import { FormErrorsProvider } from './controls.tsx';
import { FormProblems } from './FormProblems.tsx';
import { failureMessage, Notice } from './Notice.tsx';

export function RecordForm({
  idPrefix,
  errors,
  messages,
  submission,
  submitLabel,
  onSubmit,
  notices,
  children,
}: {
  idPrefix: string;
  errors: FieldErrors;
  messages: FieldMessages;
  submission: Submission;
  submitLabel: string;
  onSubmit: () => void;
  notices?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { focusRequest, sending } = submission;
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [focusRequest]);
  return (
    <form
      ref={formRef}
      noValidate
      className="profile-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormProblems errors={errors} messages={messages} ref={summaryRef} />
      <FormErrorsProvider idPrefix={idPrefix} errors={errors}>
        {children}
      </FormErrorsProvider>
      {notices}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t.sending : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Why a save failed: changed elsewhere (412, with a reload), not allowed (403), or otherwise. */
export function SaveFailure({
  failure,
  forbidden,
  onReload,
}: {
  failure: unknown;
  forbidden: string;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  if (!failure) return null;
  if (failure instanceof ApiError && failure.status === 412) {
    return (
      <Notice kind="error">
        <p>{t.recordChanged}</p>
        {onReload ? (
          <button type="button" onClick={onReload}>
            {t.reload}
          </button>
        ) : null}
      </Notice>
    );
  }
  return (
    <Notice kind="error">
      {failure instanceof ApiError && failure.status === 403 ? forbidden : failureMessage(failure, t)}
    </Notice>
  );
}
