/**
 * One demand: a new one (/staff/demands/new) or an existing one (/staff/demands/{id}), validated
 * in the browser with the shared schemas. Edits send only what changed, with If-Match: a change
 * made elsewhere meanwhile is a 412 and never silently overwritten.
 */
import { useCallback, useMemo, useState } from 'react';
import { type Demand, demandInputSchema, demandPatchSchema } from '#shared/domain/demand';
import type { Policy } from '#shared/domain/policy';
import { ApiError, api, type Versioned } from '../api.ts';
import { DemandDetails } from '../components/DemandDetails.tsx';
import { DemandFields, demandIdPrefix } from '../components/DemandFields.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { RecordForm, SaveFailure } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import {
  type DemandDraft,
  demandChanges,
  demandFromDraft,
  draftFromDemand,
  emptyDemandDraft,
} from '../forms/demand-draft.ts';
import { collectErrors, placeItemsOnArrays, type ValidationIssue } from '../forms/issues.ts';
import { useSubmission } from '../forms/useSubmission.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const placeDemandIssue = placeItemsOnArrays(['fieldCodes', 'policyIds']);

const demandErrors = (issues: readonly ValidationIssue[], t: Messages) =>
  collectErrors(issues, t, t.demandFieldError, placeDemandIssue);

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

function NewDemand({ policies }: { policies: readonly Policy[] }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DemandDraft>(emptyDemandDraft);
  const submission = useSubmission(endStaffSessionIfGone);
  const parsed = demandInputSchema.safeParse(demandFromDraft(draft));
  const errors = demandErrors(
    [...(submission.attempted && !parsed.success ? parsed.error.issues : []), ...submission.serverIssues],
    t,
  );

  const submit = () =>
    submission.submit(parsed.success, async () => {
      if (!parsed.success) return;
      const created = await api.createDemand(parsed.data);
      navigate(`/staff/demands/${encodeURIComponent(created.id)}`, { flash: 'demandCreated' });
    });

  return (
    <RecordForm
      idPrefix={demandIdPrefix}
      errors={errors}
      messages={t.demandFieldError}
      submission={submission}
      submitLabel={t.createDemand}
      onSubmit={submit}
      notices={<SaveFailure failure={submission.failure} forbidden={t.demandCreateForbidden} />}
    >
      <DemandFields
        draft={draft}
        update={(change) => {
          submission.edited();
          setDraft((current) => ({ ...current, ...change }));
        }}
        policies={policies}
      />
    </RecordForm>
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
        <div className="page-heading">
          <h1 tabIndex={-1}>{t.demandsTitle}</h1>
        </div>
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
  const [unchanged, setUnchanged] = useState(false);
  const submission = useSubmission(endStaffSessionIfGone);

  const { patch, notClearable } = demandChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0 || notClearable.length > 0;
  const parsed = demandPatchSchema.safeParse(patch);
  const errors = demandErrors(
    [
      ...(submission.attempted && hasChanges && !parsed.success ? parsed.error.issues : []),
      ...submission.serverIssues,
    ],
    t,
  );
  if (submission.attempted) {
    for (const key of notClearable) {
      errors[key] = key === 'openUntil' ? t.cannotClear : (t.demandFieldError[key] ?? t.cannotClear);
    }
  }

  function submit() {
    setUnchanged(!hasChanges);
    if (!hasChanges) return;
    submission.submit(parsed.success && notClearable.length === 0, async () => {
      if (parsed.success) onSaved(await api.patchDemand(loaded.value.id, parsed.data, loaded.version));
    });
  }

  return (
    <RecordForm
      idPrefix={demandIdPrefix}
      errors={errors}
      messages={t.demandFieldError}
      submission={submission}
      submitLabel={t.saveDemand}
      onSubmit={submit}
      notices={
        <>
          <SaveFailure failure={submission.failure} forbidden={t.demandForbidden} onReload={onReload} />
          {unchanged ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
        </>
      }
    >
      <DemandFields
        draft={draft}
        update={(change) => {
          submission.edited();
          setUnchanged(false);
          onEdited();
          setDraft((current) => ({ ...current, ...change }));
        }}
        policies={policies}
      />
    </RecordForm>
  );
}
