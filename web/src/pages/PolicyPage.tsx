/**
 * One policy of the catalogue. Administrators add (/staff/policies/new) and edit it, with
 * If-Match on every change; other staff read it.
 */
import { useCallback, useMemo, useState } from 'react';
import { type Policy, policyInputSchema, policyPatchSchema } from '#shared/domain/policy';
import { ApiError, api, type Versioned } from '../api.ts';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { BenefitList } from '../components/OfferParts.tsx';
import { PolicyFields, policyIdPrefix } from '../components/PolicyFields.tsx';
import { RecordForm, SaveFailure } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { collectErrors, placeItemsOnArrays, type ValidationIssue } from '../forms/issues.ts';
import {
  draftFromPolicy,
  emptyPolicyDraft,
  type PolicyDraft,
  policyChanges,
  policyFromDraft,
} from '../forms/policy-draft.ts';
import { useSubmission } from '../forms/useSubmission.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const placePolicyIssue = placeItemsOnArrays(['benefits', 'eligibility.fieldCodes', 'eligibility.zones']);

const policyErrors = (issues: readonly ValidationIssue[], t: Messages) =>
  collectErrors(issues, t, t.policyFieldError, placePolicyIssue);

export function PolicyPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  usePageTitle(params.id ? t.policiesTitle : t.newPolicyTitle);
  return (
    <StaffConsole
      section="policies"
      title={params.id ? t.policiesTitle : t.newPolicyTitle}
      ownHeading={Boolean(params.id)}
    >
      {(session) =>
        params.id ? (
          <ExistingPolicy id={params.id} session={session} />
        ) : session.role === 'admin' ? (
          <NewPolicy />
        ) : (
          <Notice kind="info">{t.policyForbidden}</Notice>
        )
      }
    </StaffConsole>
  );
}

function NewPolicy() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PolicyDraft>(() =>
    emptyPolicyDraft(provinceDayOf(new Date().toISOString())),
  );
  const submission = useSubmission(endStaffSessionIfGone);
  const parsed = policyInputSchema.safeParse(policyFromDraft(draft));
  const errors = policyErrors(
    [...(submission.attempted && !parsed.success ? parsed.error.issues : []), ...submission.serverIssues],
    t,
  );

  const submit = () =>
    submission.submit(parsed.success, async () => {
      if (!parsed.success) return;
      const created = await api.createPolicy(parsed.data);
      navigate(`/staff/policies/${encodeURIComponent(created.id)}`, { flash: 'policyCreated' });
    });

  return (
    <RecordForm
      idPrefix={policyIdPrefix}
      errors={errors}
      messages={t.policyFieldError}
      submission={submission}
      submitLabel={t.createPolicy}
      onSubmit={submit}
      notices={<SaveFailure failure={submission.failure} forbidden={t.policyForbidden} />}
    >
      <PolicyFields
        draft={draft}
        update={(change) => {
          submission.edited();
          setDraft((current) => ({ ...current, ...change }));
        }}
      />
    </RecordForm>
  );
}

function ExistingPolicy({ id, session }: { id: string; session: StaffSession }) {
  const { t } = useI18n();
  const loadPolicy = useCallback(() => api.policy(id), [id]);
  const policy = useResource(loadPolicy, endStaffSessionIfGone);
  const [saved, setSaved] = useState(false);
  usePageTitle(policy.value ? `${policy.value.value.code} — ${t.policiesTitle}` : t.policiesTitle);

  if (!policy.value) {
    return (
      <>
        <div className="page-heading">
          <h1 tabIndex={-1}>{t.policiesTitle}</h1>
        </div>
        {policy.failure ? (
          <Notice kind="error">
            {policy.failure instanceof ApiError && policy.failure.status === 404
              ? t.recordNotFound
              : failureMessage(policy.failure, t)}
          </Notice>
        ) : (
          <Loading label={t.loading} />
        )}
        <p>
          <Link to="/staff/policies">{t.backToPolicies}</Link>
        </p>
      </>
    );
  }
  const current = policy.value.value;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>
          {current.code} — {current.title}
        </h1>
        <StatusTag
          status={current.active ? 'active' : 'inactive'}
          label={current.active ? t.policyActive : t.policyNotInForce}
        />
      </div>
      {saved ? <Notice kind="success">{t.policySaved}</Notice> : null}
      {session.role === 'admin' ? (
        <PolicyEditor
          key={policy.value.version}
          loaded={policy.value}
          onSaved={(updated) => {
            policy.replace(updated);
            setSaved(true);
          }}
          onEdited={() => setSaved(false)}
          onReload={policy.reload}
        />
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
  const { t, lang } = useI18n();
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

function PolicyEditor({
  loaded,
  onSaved,
  onEdited,
  onReload,
}: {
  loaded: Versioned<Policy>;
  onSaved: (updated: Versioned<Policy>) => void;
  onEdited: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const original = useMemo(() => draftFromPolicy(loaded.value), [loaded]);
  const [draft, setDraft] = useState<PolicyDraft>(original);
  const [unchanged, setUnchanged] = useState(false);
  const submission = useSubmission(endStaffSessionIfGone);

  const patch = policyChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0;
  // The whole policy is checked too: a patch of validTo alone cannot see validFrom.
  const whole = policyInputSchema.safeParse(policyFromDraft(draft));
  const parsed = policyPatchSchema.safeParse(patch);
  const issues =
    submission.attempted && hasChanges
      ? [...(whole.success ? [] : whole.error.issues), ...(parsed.success ? [] : parsed.error.issues)]
      : [];
  const errors = policyErrors([...issues, ...submission.serverIssues], t);

  function submit() {
    setUnchanged(!hasChanges);
    if (!hasChanges) return;
    submission.submit(whole.success && parsed.success, async () => {
      if (parsed.success) onSaved(await api.patchPolicy(loaded.value.id, parsed.data, loaded.version));
    });
  }

  return (
    <RecordForm
      idPrefix={policyIdPrefix}
      errors={errors}
      messages={t.policyFieldError}
      submission={submission}
      submitLabel={t.savePolicy}
      onSubmit={submit}
      notices={
        <>
          <SaveFailure failure={submission.failure} forbidden={t.policyForbidden} onReload={onReload} />
          {unchanged ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
        </>
      }
    >
      <PolicyFields
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
