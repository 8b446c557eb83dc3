/**
 * One demand: a new one (/staff/demands/new) or an existing one (/staff/demands/{id}), validated
 * in the browser with the shared schemas. Edits send only what changed, with If-Match: a change
 * made elsewhere meanwhile is a 412 and never silently overwritten.
 */
import {
  type Demand,
  type DemandInput,
  type DemandPatch,
  demandInputSchema,
  demandPatchSchema,
} from '#shared/domain/demand';
import type { Policy } from '#shared/domain/policy';
import { api } from '../api.ts';
import { DemandDetails } from '../components/DemandDetails.tsx';
import { DemandFields, demandIdPrefix } from '../components/DemandFields.tsx';
import { Notice } from '../components/Notice.tsx';
import { RecordForm, RecordPending } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import {
  type DemandDraft,
  demandChanges,
  demandFromDraft,
  draftFromDemand,
  emptyDemandDraft,
} from '../forms/demand-draft.ts';
import { collectErrors, placeItemsOnArrays } from '../forms/issues.ts';
import { type RecordKind, useRecordEditor } from '../forms/useRecordEditor.ts';
import { usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const placeDemandIssue = placeItemsOnArrays(['fieldCodes', 'policyIds']);

const demandKind: RecordKind<Demand, DemandDraft, DemandInput, DemandPatch> = {
  load: api.demand,
  create: async (input) => {
    const created = await api.createDemand(input);
    navigate(`/staff/demands/${encodeURIComponent(created.id)}`, { flash: 'demandCreated' });
  },
  save: api.patchDemand,
  emptyDraft: emptyDemandDraft,
  draftFrom: draftFromDemand,
  checkNew: (draft) => demandInputSchema.safeParse(demandFromDraft(draft)),
  changes: demandChanges,
  checkPatch: (patch) => demandPatchSchema.safeParse(patch),
  errors: (issues, t) => collectErrors(issues, t, t.demandFieldError, placeDemandIssue),
  onFailure: endStaffSessionIfGone,
};

export function DemandPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  const title = params.id ? t.demandsTitle : t.newDemandTitle;
  usePageTitle(title);
  const policies = useResource(api.allPolicies, endStaffSessionIfGone);
  return (
    <StaffConsole section="demands" title={title} ownHeading={Boolean(params.id)}>
      {(session) => <DemandRecord id={params.id} session={session} policies={policies.value ?? []} />}
    </StaffConsole>
  );
}

function DemandRecord({
  id,
  session,
  policies,
}: {
  id: string | undefined;
  session: StaffSession;
  policies: readonly Policy[];
}) {
  const { t } = useStaffI18n();
  const names = usePlaceNames();
  const editor = useRecordEditor(demandKind, id);
  const loaded = editor.record.value;
  usePageTitle(loaded?.value.title ?? (id ? t.demandsTitle : t.newDemandTitle));

  const form = (
    <RecordForm
      editor={editor}
      idPrefix={demandIdPrefix}
      messages={t.demandFieldError}
      submitLabel={id ? t.saveDemand : t.createDemand}
      forbidden={id ? t.demandForbidden : t.demandCreateForbidden}
    >
      <DemandFields draft={editor.draft} update={editor.update} policies={policies} />
    </RecordForm>
  );
  if (!id) return form;
  if (!loaded) {
    return (
      <RecordPending
        record={editor.record}
        title={t.demandsTitle}
        backTo="/staff/demands"
        backLabel={t.backToDemands}
      />
    );
  }

  const current = loaded.value;
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
      {editor.saved ? <Notice kind="success">{t.demandSaved}</Notice> : null}
      {mayManage(session, current.agency) ? (
        form
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
