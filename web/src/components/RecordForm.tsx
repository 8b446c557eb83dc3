/**
 * The frames of the console's record pages (demand, policy, call, offer): the page while its
 * record loads or cannot be shown, and the record's form — the error summary, the fields, notices
 * beside the submit button (where the user looks after submitting), and the button.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../api.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import type { FieldMessages } from '../forms/issues.ts';
import type { RecordEditor } from '../forms/useRecordEditor.ts';
import { Link } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { Resource } from '../useResource.ts';
import { FormErrorsProvider } from './controls.tsx';
import { FormProblems } from './FormProblems.tsx';
import { failureMessage, Loading, Notice } from './Notice.tsx';

/** A record's page until the record is there: loading, or why it is not (not found, failed). */
export function RecordPending({
  record,
  title,
  backTo,
  backLabel,
}: {
  record: Pick<Resource<unknown>, 'failure' | 'reload'>;
  title: string;
  backTo: string;
  backLabel: string;
}) {
  const { t } = useStaffI18n();
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      {record.failure ? (
        <Notice kind="error">
          {record.failure instanceof ApiError && record.failure.status === 404
            ? t.recordNotFound
            : failureMessage(record.failure, t)}{' '}
          <button type="button" onClick={record.reload}>
            {t.retry}
          </button>
        </Notice>
      ) : (
        <Loading label={t.loading} />
      )}
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </>
  );
}

export function RecordForm<T, D>({
  editor,
  idPrefix,
  messages,
  submitLabel,
  forbidden,
  children,
}: {
  editor: RecordEditor<T, D>;
  idPrefix: string;
  messages: FieldMessages;
  submitLabel: string;
  /** Why a 403 refused the change. */
  forbidden: string;
  children: ReactNode;
}) {
  const { t } = useStaffI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { errors, submission, record } = editor;
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
        editor.submit();
      }}
    >
      {editor.restored ? <Notice kind="info">{t.draftRestored}</Notice> : null}
      <FormProblems idPrefix={idPrefix} errors={errors} messages={messages} ref={summaryRef} />
      <FormErrorsProvider idPrefix={idPrefix} errors={errors}>
        {children}
      </FormErrorsProvider>
      <SaveFailure
        failure={submission.failure}
        forbidden={forbidden}
        onReload={record.value ? record.reload : undefined}
      />
      {editor.unchanged ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t.sending : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Why a save failed: changed elsewhere (412, with a reload), not allowed (403), or otherwise. */
function SaveFailure({
  failure,
  forbidden,
  onReload,
}: {
  failure: unknown;
  forbidden: string;
  onReload?: () => void;
}) {
  const { t } = useStaffI18n();
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
