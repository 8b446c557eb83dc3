/**
 * One collaboration call for staff: create (/staff/calls/new), edit with If-Match while it is a
 * draft or open, open it (which mails the opted-in experts whose fields match, once each) or
 * close it after a confirmation, and read who responded.
 */
import { useCallback, useMemo, useState } from 'react';
import { type Call, callBodySchema, callPatchSchema, isEditable, type StaffCall } from '#shared/domain/call';
import { ApiError, api, type Versioned } from '../api.ts';
import { CallFields, callIdPrefix } from '../components/CallFields.tsx';
import { CallResponses } from '../components/CallResponses.tsx';
import { CallSteps } from '../components/CallSteps.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { RecordForm, SaveFailure } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import {
  type CallDraft,
  callChanges,
  callFromDraft,
  draftFromCall,
  emptyCallDraft,
} from '../forms/call-draft.ts';
import { collectErrors, placeItemsOnArrays, type ValidationIssue } from '../forms/issues.ts';
import { useSubmission } from '../forms/useSubmission.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const callErrors = (issues: readonly ValidationIssue[], t: Messages) =>
  collectErrors(issues, t, t.callFieldError, placeItemsOnArrays(['fieldCodes']));

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

function NewCall() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CallDraft>(emptyCallDraft);
  const submission = useSubmission(endStaffSessionIfGone);
  const parsed = callBodySchema.safeParse(callFromDraft(draft));
  const errors = callErrors(
    [...(submission.attempted && !parsed.success ? parsed.error.issues : []), ...submission.serverIssues],
    t,
  );

  const submit = () =>
    submission.submit(parsed.success, async () => {
      if (!parsed.success) return;
      const created = await api.createCall(parsed.data);
      navigate(`/staff/calls/${encodeURIComponent(created.id)}`, { flash: 'callCreated' });
    });

  return (
    <RecordForm
      idPrefix={callIdPrefix}
      errors={errors}
      messages={t.callFieldError}
      submission={submission}
      submitLabel={t.createCall}
      onSubmit={submit}
      notices={<SaveFailure failure={submission.failure} forbidden={t.callForbidden} />}
    >
      <CallFields
        draft={draft}
        update={(change) => {
          submission.edited();
          setDraft((current) => ({ ...current, ...change }));
        }}
      />
    </RecordForm>
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
        <div className="page-heading">
          <h1 tabIndex={-1}>{t.callsTitle}</h1>
        </div>
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

function CallDetails({
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
  const [unchanged, setUnchanged] = useState(false);
  const submission = useSubmission(endStaffSessionIfGone);

  const patch = callChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0;
  const parsed = callPatchSchema.safeParse(patch);
  const errors = callErrors(
    [
      ...(submission.attempted && hasChanges && !parsed.success ? parsed.error.issues : []),
      ...submission.serverIssues,
    ],
    t,
  );

  function submit() {
    setUnchanged(!hasChanges);
    if (!hasChanges) return;
    submission.submit(parsed.success, async () => {
      if (parsed.success) onSaved(await api.patchCall(loaded.value.id, parsed.data, loaded.version));
    });
  }

  return (
    <RecordForm
      idPrefix={callIdPrefix}
      errors={errors}
      messages={t.callFieldError}
      submission={submission}
      submitLabel={t.saveCall}
      onSubmit={submit}
      notices={
        <>
          <SaveFailure failure={submission.failure} forbidden={t.callForbidden} onReload={onReload} />
          {unchanged ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
        </>
      }
    >
      <CallFields
        draft={draft}
        update={(change) => {
          submission.edited();
          setUnchanged(false);
          onEdited();
          setDraft((current) => ({ ...current, ...change }));
        }}
      />
    </RecordForm>
  );
}
