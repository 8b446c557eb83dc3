/**
 * One policy of the catalogue. Administrators add (/staff/policies/new) and edit it, with
 * If-Match on every change; other staff read it.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Policy, policyInputSchema, policyPatchSchema } from '#shared/domain/policy';
import { ApiError, api, type ErrorDetail, type Versioned } from '../api.ts';
import { FormErrorsProvider } from '../components/controls.tsx';
import { FormProblems } from '../components/FormProblems.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { BenefitList } from '../components/OfferParts.tsx';
import { PolicyFields, policyIdPrefix } from '../components/PolicyFields.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors, type FieldErrors, placeItemsOnArrays } from '../forms/issues.ts';
import {
  draftFromPolicy,
  emptyPolicyDraft,
  type PolicyDraft,
  policyChanges,
  policyFromDraft,
} from '../forms/policy-draft.ts';
import { type Messages, useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const placePolicyIssue = placeItemsOnArrays(['benefits', 'eligibility.fieldCodes', 'eligibility.zones']);

const policyErrors = (
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  t: Messages,
) => collectErrors(issues, t, t.policyFieldError, placePolicyIssue);

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

function PolicyForm({
  draft,
  setDraft,
  errors,
  onSubmit,
  sending,
  submitLabel,
  focusRequest,
  children,
}: {
  draft: PolicyDraft;
  setDraft: (update: (current: PolicyDraft) => PolicyDraft) => void;
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
      <FormProblems errors={errors} messages={t.policyFieldError} ref={summaryRef} />
      <FormErrorsProvider idPrefix={policyIdPrefix} errors={errors}>
        <PolicyFields draft={draft} update={(change) => setDraft((current) => ({ ...current, ...change }))} />
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

function NewPolicy() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PolicyDraft>(() =>
    emptyPolicyDraft(provinceDayOf(new Date().toISOString())),
  );
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const parsed = policyInputSchema.safeParse(policyFromDraft(draft));
  const errors = policyErrors(
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
      const created = await api.createPolicy(parsed.data);
      navigate(`/staff/policies/${encodeURIComponent(created.id)}`, { flash: 'policyCreated' });
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
    <PolicyForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        setDraft(change);
      }}
      errors={errors}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.createPolicy}
      focusRequest={focusRequest}
    >
      {failure ? (
        <Notice kind="error">
          {failure instanceof ApiError && failure.status === 403
            ? t.policyForbidden
            : failureMessage(failure, t)}
        </Notice>
      ) : null}
    </PolicyForm>
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
        <h1 tabIndex={-1}>{t.policiesTitle}</h1>
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
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [outcome, setOutcome] = useState<
    'conflict' | 'forbidden' | 'unchanged' | { failure: unknown } | null
  >(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const patch = policyChanges(original, draft);
  const hasChanges = Object.keys(patch).length > 0;
  // The whole candidate is checked too: a patch of validTo alone cannot see validFrom.
  const whole = policyInputSchema.safeParse(policyFromDraft(draft));
  const parsed = policyPatchSchema.safeParse(patch);
  const issues =
    attempted && hasChanges
      ? [...(whole.success ? [] : whole.error.issues), ...(parsed.success ? [] : parsed.error.issues)]
      : [];
  const errors = policyErrors([...issues, ...serverIssues], t);

  async function submit() {
    setAttempted(true);
    setServerIssues([]);
    setOutcome(null);
    if (!hasChanges) {
      setOutcome('unchanged');
      return;
    }
    if (!whole.success || !parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      onSaved(await api.patchPolicy(loaded.value.id, parsed.data, loaded.version));
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
    <PolicyForm
      draft={draft}
      setDraft={(change) => {
        setServerIssues([]);
        onEdited();
        setDraft(change);
      }}
      errors={errors}
      onSubmit={submit}
      sending={sending}
      submitLabel={t.savePolicy}
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
      {outcome === 'forbidden' ? <Notice kind="error">{t.policyForbidden}</Notice> : null}
      {outcome === 'unchanged' ? <Notice kind="info">{t.nothingChanged}</Notice> : null}
      {outcome !== null && typeof outcome === 'object' ? (
        <Notice kind="error">{failureMessage(outcome.failure, t)}</Notice>
      ) : null}
    </PolicyForm>
  );
}
