/**
 * Drafting an offer for a matched expert, beside the ranked list: a package of policies, the
 * terms and an expiry. The server checks that every policy applies to this expert and demand;
 * a refused policy shows the rule it breaks under its own checkbox. Saved as a draft, then sent
 * from the offer's page.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Demand } from '#shared/domain/demand';
import type { ExpertSummary } from '#shared/domain/expert';
import { offerInputSchema } from '#shared/domain/offer';
import { type Policy, packageValueVnd } from '#shared/domain/policy';
import { ApiError, api } from '../api.ts';
import { formatVnd } from '../format.ts';
import { focusFirstInvalid } from '../forms/focus.ts';
import { collectErrors } from '../forms/issues.ts';
import { emptyOfferDraft, type OfferDraft, offerFromDraft, policyProblems } from '../forms/offer-draft.ts';
import { useSubmission } from '../forms/useSubmission.ts';
import { navigate } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { FormErrorsProvider, TextArea, TextField } from './controls.tsx';
import { FormProblems } from './FormProblems.tsx';
import { failureMessage, Notice } from './Notice.tsx';
import { PolicyChoices } from './PolicyChoices.tsx';
import { endStaffSessionIfGone } from './StaffConsole.tsx';

export function OfferDraftPanel({
  demand,
  expert,
  policies,
  onClose,
}: {
  demand: Demand;
  expert: ExpertSummary;
  policies: readonly Policy[];
  onClose: () => void;
}) {
  const { t } = useStaffI18n();
  const [draft, setDraft] = useState<OfferDraft>(() =>
    emptyOfferDraft(demand.policyIds.filter((id) => policies.some((p) => p.id === id && p.active))),
  );
  const submission = useSubmission(endStaffSessionIfGone);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { focusRequest, failure } = submission;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [focusRequest]);
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  const parsed = offerInputSchema.safeParse(offerFromDraft(draft, expert.id, demand.id));
  const errors = collectErrors(
    [...(submission.attempted && !parsed.success ? parsed.error.issues : []), ...submission.serverIssues],
    t,
    t.offerFieldError,
    (parts) => (parts[0] === 'policyIds' ? 'policyIds' : parts.join('.')),
  );
  const chosen = policies.filter((p) => draft.policyIds.includes(p.id));
  // Any edit clears the failure, so the refused ids are the ones still chosen.
  const refused = failure instanceof ApiError && failure.code === 'policy_not_applicable';
  const problems = refused ? policyProblems(failure.details, draft.policyIds, t) : {};
  useEffect(() => {
    if (refused) focusFirstInvalid(formRef.current, summaryRef.current);
  }, [refused]);

  const edit = (change: Partial<OfferDraft>) => {
    submission.edited();
    setDraft((current) => ({ ...current, ...change }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    submission.submit(parsed.success, async () => {
      if (!parsed.success) return;
      const offer = await api.createOffer(parsed.data);
      navigate(`/staff/offers/${encodeURIComponent(offer.id)}`, { flash: 'offerDrafted' });
    });
  };

  return (
    <section className="panel" aria-labelledby="offer-panel-title">
      <div className="panel-heading">
        <h2 id="offer-panel-title" ref={heading} tabIndex={-1}>
          {t.offerDraftTitle(expert.fullName)}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="hint">{demand.title}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormProblems idPrefix="offer" errors={errors} messages={t.offerFieldError} ref={summaryRef} />
        {refused ? (
          <Notice kind="error">
            <p>{t.policyNotApplicable}</p>
            <ul>
              {Object.entries(problems).flatMap(([id, messages]) =>
                messages.map((message) => <li key={`${id}${message}`}>{message}</li>),
              )}
            </ul>
          </Notice>
        ) : null}
        <FormErrorsProvider idPrefix="offer" errors={errors}>
          <PolicyChoices
            path="policyIds"
            legend={t.offerPolicies}
            hint={t.offerPoliciesHint}
            policies={policies}
            value={draft.policyIds}
            onChange={(policyIds) => edit({ policyIds })}
            problems={problems}
          />
          <p className="package-value">
            {t.packageValue}: <strong>{formatVnd(packageValueVnd(chosen))}</strong>
            <span className="hint"> {t.packageValueHint}</span>
          </p>
          <TextArea
            path="terms"
            label={t.terms}
            value={draft.terms}
            onChange={(terms) => edit({ terms })}
            maxLength={8000}
            rows={6}
            required
          />
          <TextField
            path="expiresAt"
            label={t.expiresAt}
            hint={t.expiresAtHint}
            type="datetime-local"
            value={draft.expiresAt}
            onChange={(expiresAt) => edit({ expiresAt })}
            required
          />
        </FormErrorsProvider>
        {failure && !refused ? (
          <Notice kind="error">
            {failure instanceof ApiError && failure.status === 403
              ? t.offerForbidden
              : failure instanceof ApiError && failure.status === 409
                ? t.offerDemandNotOpen
                : failureMessage(failure, t)}
          </Notice>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={submission.sending}>
            {submission.sending ? t.sending : t.saveOfferDraft}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
