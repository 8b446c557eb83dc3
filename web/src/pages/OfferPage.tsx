/**
 * One offer, as its agency sees it: the expert, the demand, the package and its value in VND,
 * the terms, the history, and the steps the state machine allows staff from here (send,
 * withdraw). A step that lost a race (the expert answered, it expired) is a 409.
 */
import { type FormEvent, useCallback, useState } from 'react';
import type { OfferView } from '#shared/domain/offer';
import { offerTransitions } from '#shared/domain/offer-states';
import { ApiError, api } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { FormErrorsProvider, TextArea } from '../components/controls.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { OfferHistory, PolicyPackage, useOfferExpertName } from '../components/OfferParts.tsx';
import { RecordPending } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatTime, formatVnd } from '../format.ts';
import { usePlaceNames } from '../meta.tsx';
import { Link, type RouteParams } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

type StaffStep = 'sent' | 'withdrawn';

export function OfferPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  usePageTitle(t.offersTitle);
  return (
    <StaffConsole section="offers" title={t.offersTitle} ownHeading>
      {() => <Offer id={params.id} />}
    </StaffConsole>
  );
}

function Offer({ id }: { id: string }) {
  const { t } = useStaffI18n();
  const loadOffer = useCallback(() => api.offer(id), [id]);
  const offer = useResource(loadOffer, endStaffSessionIfGone);
  const [done, setDone] = useState<string | null>(null);

  if (!offer.value) {
    return (
      <RecordPending record={offer} title={t.offersTitle} backTo="/staff/offers" backLabel={t.backToOffers} />
    );
  }
  const current = offer.value.value;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t.offerTitle(current.demand.title)}</h1>
        <StatusTag status={current.status} label={t.offerStatusName[current.status]} />
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <OfferSummary offer={current} />
      <OfferSteps
        key={current.version}
        offer={current}
        onChanged={(updated) => {
          offer.replace({ value: updated, version: String(updated.version) });
          setDone(t.offerTransitioned(t.offerStatusName[updated.status]));
        }}
        onReload={() => {
          setDone(null);
          offer.reload();
        }}
      />
      <section className="card" aria-labelledby="offer-history-heading">
        <h2 id="offer-history-heading">{t.offerHistory}</h2>
        <OfferHistory history={current.history} headingId="offer-history-heading" />
      </section>
      <p className="actions">
        <Link to="/staff/offers" className="button secondary">
          {t.backToOffers}
        </Link>
        <Link
          to={`/staff/offers?expertId=${encodeURIComponent(current.expertId)}`}
          className="button secondary"
        >
          {t.expertOffers}
        </Link>
      </p>
    </>
  );
}

function OfferSummary({ offer }: { offer: OfferView }) {
  const { t, lang } = useStaffI18n();
  const names = usePlaceNames();
  const expertName = useOfferExpertName();
  const rows: [string, string][] = [
    [t.colExpert, expertName(offer)],
    [t.colAgency, names.agency(offer.agency)],
    [t.zone, names.zone(offer.demand.zone)],
    [t.engagementMode, t.engagementName[offer.demand.engagement]],
    [t.expiresAt, formatTime(offer.expiresAt, lang)],
    ...(offer.sentAt ? ([[t.sentAt, formatTime(offer.sentAt, lang)]] as [string, string][]) : []),
  ];
  return (
    <section className="card" aria-labelledby="offer-summary-heading">
      <h2 id="offer-summary-heading">
        <Link to={`/staff/demands/${encodeURIComponent(offer.demandId)}`}>{offer.demand.title}</Link>
      </h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="detail">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="detail detail-wide">
          <dt>{t.packageValue}</dt>
          <dd className="package-value">
            <strong>{formatVnd(offer.packageValueVnd)}</strong>{' '}
            <span className="hint">{t.packageValueHint}</span>
          </dd>
        </div>
        <div className="detail detail-wide">
          <dt>{t.offerPolicies}</dt>
          <dd>
            <PolicyPackage policies={offer.policies} />
          </dd>
        </div>
        <div className="detail detail-wide">
          <dt>{t.terms}</dt>
          <dd className="bio">{offer.terms}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Only the steps staff may take from the current state, as offer-states.ts defines them. */
function OfferSteps({
  offer,
  onChanged,
  onReload,
}: {
  offer: OfferView;
  onChanged: (offer: OfferView) => void;
  onReload: () => void;
}) {
  const { t } = useStaffI18n();
  const steps = offerTransitions[offer.status]
    .filter((step) => step.by === 'staff')
    .map((step) => step.to as StaffStep);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<StaffStep | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // Sending mails the expert: it is confirmed first, in a dialog that says so.
  const [confirming, setConfirming] = useState(false);
  const expertName = useOfferExpertName();

  if (steps.length === 0) return <p className="hint">{t.offerFinal}</p>;

  const ask = (step: StaffStep, event?: FormEvent) => {
    event?.preventDefault();
    if (step === 'sent') setConfirming(true);
    else void take(step);
  };

  async function take(step: StaffStep, event?: FormEvent) {
    event?.preventDefault();
    setBusy(step);
    setFailure(null);
    try {
      onChanged(await api.transitionOffer(offer.id, step, note.trim() || undefined));
    } catch (error) {
      endStaffSessionIfGone(error);
      setFailure(error);
      setBusy(null);
    }
  }

  const changedState = failure instanceof ApiError && failure.status === 409;
  return (
    <form className="card" onSubmit={(event) => ask(steps[0], event)} aria-labelledby="offer-steps-heading">
      <h2 id="offer-steps-heading" className="visually-hidden">
        {steps.map((s) => (s === 'sent' ? t.sendOffer : t.withdrawOffer)).join(' / ')}
      </h2>
      <FormErrorsProvider idPrefix="offer-step" errors={{}}>
        <TextArea
          path="note"
          label={t.transitionNote}
          value={note}
          onChange={setNote}
          maxLength={2000}
          rows={2}
        />
      </FormErrorsProvider>
      {steps.includes('sent') ? <p className="hint">{t.sendOfferHint}</p> : null}
      {failure ? (
        <Notice kind="error">
          <p>{changedState ? t.offerChangedState : failureMessage(failure, t)}</p>
          {changedState ? (
            <button type="button" onClick={onReload}>
              {t.reload}
            </button>
          ) : null}
        </Notice>
      ) : null}
      <div className="actions">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            className={step === 'sent' ? 'primary' : 'danger'}
            disabled={busy !== null}
            data-step={step}
            onClick={() => ask(step)}
          >
            {busy === step ? t.sending : step === 'sent' ? t.sendOffer : t.withdrawOffer}
          </button>
        ))}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t.confirmSendTitle}
          body={t.confirmSendBody(expertName(offer))}
          confirmLabel={t.sendOffer}
          onConfirm={() => void take('sent')}
          onClose={() => {
            setConfirming(false);
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-step="sent"]')?.focus());
          }}
        />
      ) : null}
    </form>
  );
}
