/**
 * One collaboration call for staff: create (/staff/calls/new), edit with If-Match while it is a
 * draft or open, open it (which mails the opted-in experts whose fields match, once each) or
 * close it after a confirmation, and read who responded.
 */
import { useEffect, useState } from 'react';
import {
  type Call,
  type CallBody,
  type CallPatch,
  callBodySchema,
  callPatchSchema,
  isEditable,
  type StaffCall,
} from '#shared/domain/call';
import { api } from '../api.ts';
import { CallFields, callIdPrefix } from '../components/CallFields.tsx';
import { CallResponses } from '../components/CallResponses.tsx';
import { CallSteps } from '../components/CallSteps.tsx';
import { Notice } from '../components/Notice.tsx';
import { RecordForm, RecordPending } from '../components/RecordForm.tsx';
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
import { collectErrors, placeItemsOnArrays } from '../forms/issues.ts';
import { type RecordKind, useRecordEditor } from '../forms/useRecordEditor.ts';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { usePageTitle } from './usePageTitle.ts';

const callKind: RecordKind<StaffCall, CallDraft, CallBody, CallPatch> = {
  load: api.call,
  create: async (body) => {
    const created = await api.createCall(body);
    navigate(`/staff/calls/${encodeURIComponent(created.id)}`, { flash: 'callCreated' });
  },
  save: api.patchCall,
  emptyDraft: emptyCallDraft,
  draftFrom: draftFromCall,
  checkNew: (draft) => callBodySchema.safeParse(callFromDraft(draft)),
  changes: (original, draft) => ({ patch: callChanges(original, draft) }),
  checkPatch: (patch) => callPatchSchema.safeParse(patch),
  errors: (issues, t) => collectErrors(issues, t, t.callFieldError, placeItemsOnArrays(['fieldCodes'])),
  onFailure: endStaffSessionIfGone,
};

export function StaffCallPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  const title = params.id ? t.callsTitle : t.newCallTitle;
  usePageTitle(title);
  return (
    <StaffConsole section="calls" title={title} ownHeading={Boolean(params.id)}>
      {(session) => <CallRecord id={params.id} session={session} />}
    </StaffConsole>
  );
}

function CallRecord({ id, session }: { id: string | undefined; session: StaffSession }) {
  const { t } = useStaffI18n();
  const names = usePlaceNames();
  // What the last step (open, close) did; the next edit clears it, as a save's notice.
  const [stepNotice, setStepNotice] = useState<string | null>(null);
  const editor = useRecordEditor(callKind, id, () => setStepNotice(null));
  const { record } = editor;
  const loaded = record.value;
  usePageTitle(loaded?.value.title ?? (id ? t.callsTitle : t.newCallTitle));

  const form = (
    <RecordForm
      editor={editor}
      idPrefix={callIdPrefix}
      messages={t.callFieldError}
      submitLabel={id ? t.saveCall : t.createCall}
      forbidden={t.callForbidden}
    >
      <CallFields draft={editor.draft} update={editor.update} />
    </RecordForm>
  );
  if (!id) return form;
  if (!loaded) {
    return (
      <RecordPending record={record} title={t.callsTitle} backTo="/staff/calls" backLabel={t.backToCalls} />
    );
  }
  const current = loaded.value;
  const manages = mayManage(session, current.agency);
  const notice = editor.saved ? t.callSaved : stepNotice;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{current.title}</h1>
        <StatusTag status={current.status} label={t.callStatusName[current.status]} />
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {current.status === 'draft' ? null : (
        <NotificationProgress key={loaded.version} callId={current.id} initial={current.notification} />
      )}
      {manages ? (
        <CallSteps
          key={`steps-${loaded.version}`}
          call={current}
          onChanged={(updated) => {
            record.replace(updated);
            setStepNotice(updated.value.status === 'open' ? t.callOpened : t.callClosedNotice);
          }}
          onReload={record.reload}
        />
      ) : (
        <Notice kind="info">{t.callManagedBy(names.agency(current.agency))}</Notice>
      )}
      {manages && isEditable(current.status) ? (
        form
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
  const { t, lang } = useStaffI18n();
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

type Notification = NonNullable<StaffCall['notification']>;

/**
 * How many experts the opening has mailed so far, kept current while the job runs: it asks again
 * every 2 s (the progress only, so nothing typed in the form is replaced) until the job is done.
 * A call answered without its progress (the transition's response) asks at once; a call that has
 * none shows nothing.
 */
function NotificationProgress({ callId, initial }: { callId: string; initial: Notification | undefined }) {
  const { t } = useStaffI18n();
  // undefined: not known yet; null: this call has no notification job.
  const [progress, setProgress] = useState<Notification | null | undefined>(initial);
  const [failedPolls, setFailedPolls] = useState(0);
  useEffect(() => {
    if (progress === null || progress?.done) return;
    let stopped = false;
    const timer = setTimeout(
      () => {
        api.call(callId).then(
          (fresh) => {
            if (!stopped) setProgress(fresh.value.notification ?? null);
          },
          // A failed poll is retried on the next tick: keep what is shown.
          () => {
            if (!stopped) setFailedPolls((n) => n + 1);
          },
        );
      },
      progress === undefined && failedPolls === 0 ? 0 : 2_000,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [callId, progress, failedPolls]);
  if (!progress) return null;
  return (
    <p className="meta-line" role="status" aria-live="polite">
      {t.notificationProgress(progress.queued, progress.done)}
    </p>
  );
}
