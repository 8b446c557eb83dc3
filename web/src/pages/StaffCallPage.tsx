/**
 * One collaboration call for staff: create (/staff/calls/new), edit with If-Match while it is a
 * draft or open, open it (which mails the opted-in experts whose fields match, once each) or
 * close it after a confirmation, and read who responded.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Call,
  callBodySchema,
  callPatchSchema,
  callTransitions,
  isEditable,
  type StaffCall,
} from '#shared/domain/call';
import { ApiError, api, type CallResponseForStaff, type ErrorDetail, type Versioned } from '../api.ts';
import { CallFields, callIdPrefix } from '../components/CallFields.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { FormErrorsProvider } from '../components/controls.tsx';
import { ExpertPanel } from '../components/ExpertPanel.tsx';
import { FormProblems } from '../components/FormProblems.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, formatTime, provinceDayOf } from '../format.ts';
import {
  type CallDraft,
  callChanges,
  callFromDraft,
  draftFromCall,
  emptyCallDraft,
} from '../forms/call-draft.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors, type FieldErrors, placeItemsOnArrays } from '../forms/issues.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { countryName } from '../names.ts';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const callErrors = (
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  t: Messages,
) => collectErrors(issues, t, t.callFieldError, placeItemsOnArrays(['fieldCodes']));

export function StaffCallPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  usePageTitle(params.id ? t.callsTitle : t.newCallTitle);
  return (
    <StaffConsole
      section="calls"
      title={params.id ? t.callsTitle : t.newCallTitle}
      ownHeading={Boolean(params.id)}
    >
      {(session) => (params.id ? <ExistingCall id={params.id} session={session} /> : <NewCall />)}
    </StaffConsole>
  );
}

function CallForm({
  draft,
  setDraft,
  errors,
  onSubmit,
  sending,
  submitLabel,
  focusRequest,
  children,
}: {
  draft: CallDraft;
  setDraft: (update: (current: CallDraft) => CallDraft) => void;
  errors: FieldErrors;
  onSubmit: () => void;
  sending: boolean;
  submitLabel: string;
  focusRequest: number;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [focusRequest]);
  return (
    <form
      ref={formRef}
      noValidate
      className="profile-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormProblems errors={errors} messages={t.callFieldError} ref={summaryRef} />
      <FormErrorsProvider idPrefix={callIdPrefix} errors={errors}>
        <CallFields draft={draft} update={(change) => setDraft((current) => ({ ...current, ...change }))} />
      </FormErrorsProvider>
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t.sending : submitLabel}
        </button>
      </div>
    </form>
  );
}

function NewCall() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CallDraft>(emptyCallDraft);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const parsed = callBodySchema.safeParse(callFromDraft(draft));
  const errors = callErrors(
    [...(attempted && !parsed.success ? parsed.error.issues : []), ...serverIssues],
    t,
  );

  async function submit() {
    setAttempted(true);
    setServerIssues([]);
    setFailure(null);
    if (!parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      const created = await api.createCall(parsed.data);
      navigate(`/staff/calls/${encodeURIComponent(created.id)}`, { flash: 'callCreated' });
    } catch (error) {
      endStaffSessionIfGone(error);
      if (error instanceof ApiError && error.details.length > 0) {
        setServerIssues(error.details);
        setFocusRequest((n) => n + 1);
      } else setFailure(error);
      setSending(false);
    }
  }

  return (
    <CallForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        setDraft(change);
      }}
      errors={errors}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.createCall}
      focusRequest={focusRequest}
    >
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
    </CallForm>
  );
}

function ExistingCall({ id, session }: { id: string; session: StaffSession }) {
  const { t } = useI18n();
  const names = usePlaceNames();
  const loadCall = useCallback(() => api.call(id), [id]);
  const call = useResource(loadCall, endStaffSessionIfGone);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(call.value?.value.title ?? t.callsTitle);

  if (!call.value) {
    return (
      <>
        <h1 tabIndex={-1}>{t.callsTitle}</h1>
        {call.failure ? (
          <Notice kind="error">
            {call.failure instanceof ApiError && call.failure.status === 404
              ? t.recordNotFound
              : failureMessage(call.failure, t)}
          </Notice>
        ) : (
          <Loading label={t.loading} />
        )}
        <p>
          <Link to="/staff/calls">{t.backToCalls}</Link>
        </p>
      </>
    );
  }
  const current = call.value.value;
  const manages = mayManage(session, current.agency);
  const changed = (updated: Versioned<StaffCall>, message: string) => {
    call.replace(updated);
    setNotice(message);
  };
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{current.title}</h1>
        <StatusTag status={current.status} label={t.callStatusName[current.status]} />
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {current.notification ? (
        <p className="meta-line" role="status">
          {t.notificationProgress(current.notification.queued, current.notification.done)}{' '}
          {current.notification.done ? null : (
            <button type="button" className="secondary small" onClick={call.reload}>
              {t.reload}
            </button>
          )}
        </p>
      ) : null}
      {manages ? (
        <CallSteps
          key={`steps-${call.value.version}`}
          call={current}
          onChanged={(updated) =>
            changed(updated, updated.value.status === 'open' ? t.callOpened : t.callClosedNotice)
          }
          onReload={call.reload}
        />
      ) : (
        <Notice kind="info">{t.callManagedBy(names.agency(current.agency))}</Notice>
      )}
      {manages && isEditable(current.status) ? (
        <CallEditor
          key={call.value.version}
          loaded={call.value}
          onSaved={(updated) => changed(updated, t.callSaved)}
          onEdited={() => setNotice(null)}
          onReload={call.reload}
        />
      ) : (
        <>
          {manages ? <p className="hint">{t.callNotEditable}</p> : null}
          <CallDetails call={current} />
        </>
      )}
      {manages ? <CallResponses callId={current.id} /> : null}
      <p>
        <Link to="/staff/calls">{t.backToCalls}</Link>
      </p>
    </>
  );
}

export function CallDetails({
  call,
}: {
  call: Pick<Call, 'fieldCodes' | 'engagement' | 'audience' | 'openUntil' | 'description'>;
}) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const rows: [string, string][] = [
    [t.colFields, call.fieldCodes.map(fieldLabel).join('; ')],
    [t.engagementMode, t.engagementName[call.engagement]],
    [t.audience, t.audienceName[call.audience]],
    [t.callOpenUntil, formatDay(provinceDayOf(call.openUntil), lang)],
  ];
  return (
    <dl className="details card">
      {rows.map(([label, value]) => (
        <div key={label} className="detail">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div className="detail detail-wide">
        <dt>{t.description}</dt>
        <dd className="bio">{call.description}</dd>
      </div>
    </dl>
  );
}

/** Open or close, whichever the call's state allows, each after a confirmation. */
function CallSteps({
  call,
  onChanged,
  onReload,
}: {
  call: StaffCall;
  onChanged: (updated: Versioned<StaffCall>) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const steps = callTransitions[call.status].filter((s): s is 'open' | 'closed' => s !== 'draft');
  const [confirming, setConfirming] = useState<'open' | 'closed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  if (steps.length === 0) return null;

  async function take(step: 'open' | 'closed') {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await api.transitionCall(call.id, step));
    } catch (error) {
      endStaffSessionIfGone(error);
      setFailure(error);
      setBusy(false);
    }
  }

  const conflict = failure instanceof ApiError && failure.status === 409;
  return (
    <div className="card">
      <div className="actions">
        {steps.map((step) => (
          <button
            key={step}
            ref={openerRef}
            type="button"
            className={step === 'open' ? 'primary' : 'danger'}
            disabled={busy}
            onClick={() => setConfirming(step)}
          >
            {busy ? t.sending : step === 'open' ? t.openCall : t.closeCall}
          </button>
        ))}
      </div>
      {failure ? (
        <Notice kind="error">
          <p>
            {conflict
              ? t.callChanged
              : failure instanceof ApiError && failure.status === 403
                ? t.callForbidden
                : failureMessage(failure, t)}
          </p>
          {conflict ? (
            <>
              <p lang="en" className="hint">
                {(failure as ApiError).message}
              </p>
              <button type="button" onClick={onReload}>
                {t.reload}
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={confirming === 'open' ? t.openCallConfirmTitle : t.closeCallConfirmTitle}
          body={
            confirming === 'open'
              ? t.openCallConfirmBody(t.audienceName[call.audience])
              : t.closeCallConfirmBody
          }
          confirmLabel={confirming === 'open' ? t.openCall : t.closeCall}
          onConfirm={() => take(confirming)}
          onClose={() => {
            setConfirming(null);
            openerRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function CallEditor({
  loaded,
  onSaved,
  onEdited,
  onReload,
}: {
  loaded: Versioned<StaffCall>;
  onSaved: (updated: Versioned<StaffCall>) => void;
  onEdited: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const original = useMemo(() => draftFromCall(loaded.value), [loaded]);
  const [draft, setDraft] = useState<CallDraft>(original);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [outcome, setOutcome] = useState<
    'conflict' | 'forbidden' | 'unchanged' | { failure: unknown } | null
  >(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const patch = callChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0;
  const parsed = callPatchSchema.safeParse(patch);
  const errors = callErrors(
    [...(attempted && hasChanges && !parsed.success ? parsed.error.issues : []), ...serverIssues],
    t,
  );

  async function submit() {
    setAttempted(true);
    setServerIssues([]);
    setOutcome(null);
    if (!hasChanges) {
      setOutcome('unchanged');
      return;
    }
    if (!parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      onSaved(await api.patchCall(loaded.value.id, parsed.data, loaded.version));
    } catch (error) {
      endStaffSessionIfGone(error);
      if (error instanceof ApiError && error.status === 412) setOutcome('conflict');
      else if (error instanceof ApiError && error.status === 403) setOutcome('forbidden');
      else if (error instanceof ApiError && error.details.length > 0) {
        setServerIssues(error.details);
        setFocusRequest((n) => n + 1);
      } else setOutcome({ failure: error });
      setSending(false);
    }
  }

  return (
    <CallForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        onEdited();
        setDraft(change);
      }}
      errors={errors}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.saveCall}
      focusRequest={focusRequest}
    >
      {outcome === 'conflict' ? (
        <Notice kind="error">
          <p>{t.recordChanged}</p>
          <button type="button" onClick={onReload}>
            {t.reload}
          </button>
        </Notice>
      ) : null}
      {outcome === 'forbidden' ? <Notice kind="error">{t.callForbidden}</Notice> : null}
      {outcome === 'unchanged' ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
      {outcome !== null && typeof outcome === 'object' ? (
        <Notice kind="error">{failureMessage(outcome.failure, t)}</Notice>
      ) : null}
    </CallForm>
  );
}

const fetchResponses = (callId: string, cursor?: string) =>
  api.callResponses(callId, cursor).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

function CallResponses({ callId }: { callId: string }) {
  const { t } = useI18n();
  const results = useCursorPages(fetchResponses);
  const { search } = results;
  const [openId, setOpenId] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is new on every render; the call decides
  useEffect(() => search(callId), [callId]);
  const closePanel = useCallback(() => {
    const opener = openId ? `[data-opens="profile-${CSS.escape(openId)}"]` : null;
    setOpenId(null);
    if (opener) requestAnimationFrame(() => document.querySelector<HTMLElement>(opener)?.focus());
  }, [openId]);

  const forbidden = results.failure instanceof ApiError && results.failure.status === 403;
  return (
    <section className="card" aria-labelledby="responses-heading">
      <div className="page-heading">
        <h2 id="responses-heading">{t.responsesTitle}</h2>
        <button
          type="button"
          className="secondary small"
          onClick={() => search(callId)}
          disabled={results.loading}
        >
          {t.reload}
        </button>
      </div>
      {results.failure ? (
        <Notice kind="error">{forbidden ? t.responsesForbidden : failureMessage(results.failure, t)}</Notice>
      ) : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p role="status">{t.noResponses}</p>
        ) : (
          <ResponsesTable responses={results.page.items} onOpen={setOpenId} />
        )
      ) : null}
      <Pager
        pageNumber={results.pageNumber}
        hasNext={Boolean(results.page?.nextCursor)}
        onNext={results.next}
        onPrevious={results.previous}
        disabled={results.loading}
      />
      {openId ? (
        <ExpertPanel key={openId} id={openId} onClose={closePanel} onFailure={endStaffSessionIfGone} />
      ) : null}
    </section>
  );
}

function ResponsesTable({
  responses,
  onOpen,
}: {
  responses: CallResponseForStaff[];
  onOpen: (expertId: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <table className="results listing">
      <caption>{t.responsesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colDegree}</th>
          <th scope="col">{t.colLocation}</th>
          <th scope="col">{t.respondedAt}</th>
          <th scope="col">{t.responseMessageCol}</th>
        </tr>
      </thead>
      <tbody>
        {responses.map(({ expert, message, respondedAt }) => (
          <tr key={expert.id}>
            <td data-label={t.colName}>
              <strong>{expert.fullName}</strong>
              <br />
              <button
                type="button"
                className="secondary small"
                data-opens={`profile-${expert.id}`}
                onClick={() => onOpen(expert.id)}
              >
                {t.viewProfile}
              </button>
            </td>
            <td data-label={t.colDegree}>
              {t.degree[expert.highestDegree]}
              {expert.academicTitle !== 'none' ? `, ${t.academicTitleName[expert.academicTitle]}` : ''}
            </td>
            <td data-label={t.colLocation}>
              {[expert.location.city, countryName(expert.location.country, lang)].filter(Boolean).join(', ')}
            </td>
            <td data-label={t.respondedAt}>{formatTime(respondedAt, lang)}</td>
            <td data-label={t.responseMessageCol} className="bio">
              {message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
