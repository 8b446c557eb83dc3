/**
 * One demand: a new one (/staff/demands/new) or an existing one (/staff/demands/{id}), validated
 * in the browser with the shared schemas. Edits send only what changed, with If-Match: a change
 * made elsewhere meanwhile is a 412 and never silently overwritten.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Demand, demandInputSchema, demandPatchSchema } from '#shared/domain/demand';
import type { Policy } from '#shared/domain/policy';
import { ApiError, api, type ErrorDetail, type Versioned } from '../api.ts';
import { FormErrorsProvider } from '../components/controls.tsx';
import { DemandDetails } from '../components/DemandDetails.tsx';
import { DemandFields, demandIdPrefix } from '../components/DemandFields.tsx';
import { FormProblems } from '../components/FormProblems.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import {
  type DemandDraft,
  demandChanges,
  demandFromDraft,
  draftFromDemand,
  emptyDemandDraft,
} from '../forms/demand-draft.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors, type FieldErrors, placeItemsOnArrays } from '../forms/issues.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const placeDemandIssue = placeItemsOnArrays(['fieldCodes', 'policyIds']);

const demandErrors = (
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  t: Messages,
) => collectErrors(issues, t, t.demandFieldError, placeDemandIssue);

export function DemandPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  usePageTitle(params.id ? t.demandsTitle : t.newDemandTitle);
  const policies = useResource(api.allPolicies, endStaffSessionIfGone);
  return (
    <StaffConsole
      section="demands"
      title={params.id ? t.demandsTitle : t.newDemandTitle}
      ownHeading={Boolean(params.id)}
    >
      {(session) =>
        params.id ? (
          <ExistingDemand id={params.id} session={session} policies={policies.value ?? []} />
        ) : (
          <NewDemand policies={policies.value ?? []} />
        )
      }
    </StaffConsole>
  );
}

/** The form, its error summary and its buttons; the callers decide what submitting does. */
function DemandForm({
  draft,
  setDraft,
  errors,
  policies,
  onSubmit,
  sending,
  submitLabel,
  focusRequest,
  children,
}: {
  draft: DemandDraft;
  setDraft: (update: (current: DemandDraft) => DemandDraft) => void;
  errors: FieldErrors;
  policies: readonly Policy[];
  onSubmit: () => void;
  sending: boolean;
  submitLabel: string;
  focusRequest: number;
  /** Notices beside the submit button, where the user looks after submitting. */
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
      <FormProblems errors={errors} messages={t.demandFieldError} ref={summaryRef} />
      <FormErrorsProvider idPrefix={demandIdPrefix} errors={errors}>
        <DemandFields
          draft={draft}
          update={(change) => setDraft((current) => ({ ...current, ...change }))}
          policies={policies}
        />
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

function NewDemand({ policies }: { policies: readonly Policy[] }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DemandDraft>(emptyDemandDraft);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const parsed = demandInputSchema.safeParse(demandFromDraft(draft));
  const errors = demandErrors(
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
      const created = await api.createDemand(parsed.data);
      navigate(`/staff/demands/${encodeURIComponent(created.id)}`, { flash: 'demandCreated' });
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
    <DemandForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        setDraft(change);
      }}
      errors={errors}
      policies={policies}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.createDemand}
      focusRequest={focusRequest}
    >
      {failure ? (
        <Notice kind="error">
          {failure instanceof ApiError && failure.status === 403
            ? t.demandCreateForbidden
            : failureMessage(failure, t)}
        </Notice>
      ) : null}
    </DemandForm>
  );
}

function ExistingDemand({
  id,
  session,
  policies,
}: {
  id: string;
  session: StaffSession;
  policies: readonly Policy[];
}) {
  const { t } = useI18n();
  const names = usePlaceNames();
  const loadDemand = useCallback(() => api.demand(id), [id]);
  const demand = useResource(loadDemand, endStaffSessionIfGone);
  const [saved, setSaved] = useState(false);
  usePageTitle(demand.value?.value.title ?? t.demandsTitle);

  if (!demand.value) {
    return (
      <>
        <h1 tabIndex={-1}>{t.demandsTitle}</h1>
        {demand.failure ? (
          <Notice kind="error">
            {demand.failure instanceof ApiError && demand.failure.status === 404
              ? t.recordNotFound
              : failureMessage(demand.failure, t)}{' '}
            <button type="button" onClick={demand.reload}>
              {t.retry}
            </button>
          </Notice>
        ) : (
          <Loading label={t.loading} />
        )}
        <p>
          <Link to="/staff/demands">{t.backToDemands}</Link>
        </p>
      </>
    );
  }

  const current = demand.value.value;
  const editable = mayManage(session, current.agency);
  const encoded = encodeURIComponent(current.id);
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{current.title}</h1>
        <StatusTag status={current.status} label={t.demandStatusName[current.status]} />
      </div>
      <p className="actions">
        <Link to={`/staff/demands/${encoded}/matches`} className="button primary">
          {t.viewMatches}
        </Link>
        <Link to={`/staff/offers?demandId=${encoded}`} className="button">
          {t.demandOffers}
        </Link>
        <Link to="/staff/demands" className="button secondary">
          {t.backToDemands}
        </Link>
      </p>
      {saved ? <Notice kind="success">{t.demandSaved}</Notice> : null}
      {editable ? (
        <DemandEditor
          key={demand.value.version}
          loaded={demand.value}
          policies={policies}
          onSaved={(updated) => {
            demand.replace(updated);
            setSaved(true);
          }}
          onEdited={() => setSaved(false)}
          onReload={demand.reload}
        />
      ) : (
        <>
          <Notice kind="info">{t.demandOwnedBy(names.agency(current.agency))}</Notice>
          <section className="card" aria-label={current.title}>
            <DemandDetails demand={current} policies={policies} />
          </section>
        </>
      )}
    </>
  );
}

function DemandEditor({
  loaded,
  policies,
  onSaved,
  onEdited,
  onReload,
}: {
  loaded: Versioned<Demand>;
  policies: readonly Policy[];
  onSaved: (updated: Versioned<Demand>) => void;
  onEdited: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const original = useMemo(() => draftFromDemand(loaded.value), [loaded]);
  const [draft, setDraft] = useState<DemandDraft>(original);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [outcome, setOutcome] = useState<
    'conflict' | 'forbidden' | 'unchanged' | { failure: unknown } | null
  >(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const { patch, notClearable } = demandChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0 || notClearable.length > 0;
  const parsed = demandPatchSchema.safeParse(patch);
  const errors = demandErrors(
    [...(attempted && hasChanges && !parsed.success ? parsed.error.issues : []), ...serverIssues],
    t,
  );
  if (attempted) {
    for (const key of notClearable) {
      errors[key] = key === 'openUntil' ? t.cannotClear : (t.demandFieldError[key] ?? t.cannotClear);
    }
  }

  async function submit() {
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
      onSaved(await api.patchDemand(loaded.value.id, parsed.data, loaded.version));
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
    <DemandForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        onEdited();
        setDraft(change);
      }}
      errors={errors}
      policies={policies}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.saveDemand}
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
      {outcome === 'forbidden' ? <Notice kind="error">{t.demandForbidden}</Notice> : null}
      {outcome === 'unchanged' ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
      {outcome !== null && typeof outcome === 'object' ? (
        <Notice kind="error">{failureMessage(outcome.failure, t)}</Notice>
      ) : null}
    </DemandForm>
  );
}
