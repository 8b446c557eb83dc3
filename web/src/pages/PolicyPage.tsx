/**
 * One policy of the catalogue. Administrators add (/staff/policies/new) and edit it, with
 * If-Match on every change; other staff read it.
 */
import {
  type Policy,
  type PolicyInput,
  type PolicyPatch,
  policyInputSchema,
  policyPatchSchema,
} from '#shared/domain/policy';
import { api } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { BenefitList } from '../components/OfferParts.tsx';
import { PolicyFields, policyIdPrefix } from '../components/PolicyFields.tsx';
import { PolicyStandingTag } from '../components/PolicyStandingTag.tsx';
import { RecordForm, RecordPending } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { collectErrors, placeItemsOnArrays } from '../forms/issues.ts';
import {
  draftFromPolicy,
  emptyPolicyDraft,
  type PolicyDraft,
  policyChanges,
  policyFromDraft,
} from '../forms/policy-draft.ts';
import { type RecordKind, useRecordEditor } from '../forms/useRecordEditor.ts';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { usePageTitle } from './usePageTitle.ts';

const placePolicyIssue = placeItemsOnArrays(['benefits', 'eligibility.fieldCodes', 'eligibility.zones']);

const policyKind: RecordKind<Policy, PolicyDraft, PolicyInput, PolicyPatch> = {
  load: api.policy,
  create: async (input) => {
    const created = await api.createPolicy(input);
    navigate(`/staff/policies/${encodeURIComponent(created.id)}`, { flash: 'policyCreated' });
  },
  save: api.patchPolicy,
  emptyDraft: () => emptyPolicyDraft(provinceDayOf(new Date().toISOString())),
  draftFrom: draftFromPolicy,
  checkNew: (draft) => policyInputSchema.safeParse(policyFromDraft(draft)),
  changes: (original, draft) => ({ patch: policyChanges(original, draft) }),
  checkPatch: (patch, draft) => {
    // The whole policy is checked too: a patch of validTo alone cannot see validFrom.
    const whole = policyInputSchema.safeParse(policyFromDraft(draft));
    return whole.success ? policyPatchSchema.safeParse(patch) : whole;
  },
  errors: (issues, t) => collectErrors(issues, t, t.policyFieldError, placePolicyIssue),
  onFailure: endStaffSessionIfGone,
};

export function PolicyPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  const title = params.id ? t.policiesTitle : t.newPolicyTitle;
  usePageTitle(title);
  return (
    <StaffConsole section="policies" title={title} ownHeading={Boolean(params.id)}>
      {(session) =>
        params.id || session.role === 'admin' ? (
          <PolicyRecord id={params.id} session={session} />
        ) : (
          <Notice kind="info">{t.policyForbidden}</Notice>
        )
      }
    </StaffConsole>
  );
}

function PolicyRecord({ id, session }: { id: string | undefined; session: StaffSession }) {
  const { t } = useStaffI18n();
  const editor = useRecordEditor(policyKind, id);
  const loaded = editor.record.value;
  usePageTitle(
    loaded ? `${loaded.value.code} — ${t.policiesTitle}` : id ? t.policiesTitle : t.newPolicyTitle,
  );

  const form = (
    <RecordForm
      editor={editor}
      idPrefix={policyIdPrefix}
      messages={t.policyFieldError}
      submitLabel={id ? t.savePolicy : t.createPolicy}
      forbidden={t.policyForbidden}
    >
      <PolicyFields draft={editor.draft} update={editor.update} />
    </RecordForm>
  );
  if (!id) return form;
  if (!loaded) {
    return (
      <RecordPending
        record={editor.record}
        title={t.policiesTitle}
        backTo="/staff/policies"
        backLabel={t.backToPolicies}
      />
    );
  }
  const current = loaded.value;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>
          {current.code} — {current.title}
        </h1>
        <PolicyStandingTag policy={current} />
      </div>
      {editor.saved ? <Notice kind="success">{t.policySaved}</Notice> : null}
      {session.role === 'admin' ? (
        form
      ) : (
        <>
          <p className="hint">{t.policiesReadOnly}</p>
          <PolicyDetails policy={current} />
        </>
      )}
      <p>
        <Link to="/staff/policies">{t.backToPolicies}</Link>
      </p>
    </>
  );
}

function PolicyDetails({ policy }: { policy: Policy }) {
  const { t, lang } = useStaffI18n();
  const names = usePlaceNames();
  const fieldLabel = useFieldLabel();
  const { eligibility } = policy;
  const rows: [string, string][] = [
    [t.legalBasis, policy.legalBasis],
    [
      t.colValidity,
      t.validRange(formatDay(policy.validFrom, lang), policy.validTo && formatDay(policy.validTo, lang)),
    ],
    [t.minDegree, eligibility.minDegree ? t.degree[eligibility.minDegree] : t.any],
    [
      t.colFields,
      eligibility.fieldCodes.length ? eligibility.fieldCodes.map(fieldLabel).join('; ') : t.anyField,
    ],
    [t.zone, eligibility.zones.length ? eligibility.zones.map(names.zone).join('; ') : t.anyZone],
    [t.nativesOnly, eligibility.nativesOnly ? t.yes : t.no],
  ];
  return (
    <section className="card" aria-label={policy.title}>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="detail">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="detail detail-wide">
          <dt>{t.benefits}</dt>
          <dd>
            <BenefitList benefits={policy.benefits} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
