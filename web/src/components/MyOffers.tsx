/**
 * The offers sent to the expert, newest first: who offers what, the package and its value, the
 * terms and the deadline; a sent, unexpired offer is accepted or declined here, with a note.
 */
import { useEffect, useState } from 'react';
import { canTransitionOffer } from '#shared/domain/offer-states';
import { ApiError, api, type ExpertOffer } from '../api.ts';
import { formatTime, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { usePlaceNames } from '../meta.tsx';
import { useCursorPages } from '../useCursorPages.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { FormErrorsProvider, TextArea } from './controls.tsx';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { OfferHistory, PolicyPackage } from './OfferParts.tsx';
import { Pager } from './Pager.tsx';
import { StatusTag } from './StatusTag.tsx';

const fetchMyOffers = (_mine: 'mine', cursor?: string) => api.myOffers(cursor);

export function MyOffers({ onFailure }: { onFailure: (error: unknown) => boolean }) {
  const { t } = useI18n();
  const results = useCursorPages(fetchMyOffers);
  const { search } = results;
  // Answers replace the offer in place until the list is loaded again.
  const [answered, setAnswered] = useState<Record<string, ExpertOffer>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => search('mine'), []);
  useEffect(() => {
    if (results.failure) onFailure(results.failure);
  }, [results.failure, onFailure]);

  return (
    <section aria-labelledby="offers-heading" className="card">
      <h2 id="offers-heading">{t.myOffersTitle}</h2>
      <p className="hint">{t.myOffersIntro}</p>
      {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p>{t.noOffers}</p>
        ) : (
          <ul className="plain offer-list">
            {results.page.items.map((offer) => (
              <MyOffer
                key={offer.id}
                offer={answered[offer.id] ?? offer}
                onAnswered={(updated) => setAnswered((current) => ({ ...current, [updated.id]: updated }))}
                onFailure={onFailure}
              />
            ))}
          </ul>
        )
      ) : null}
      <Pager pages={results} />
    </section>
  );
}

export function MyOffer({
  offer,
  onAnswered,
  onFailure,
  headingLevel = 3,
}: {
  offer: ExpertOffer;
  onAnswered: (offer: ExpertOffer) => void;
  onFailure: (error: unknown) => boolean;
  /** 3 in the self-service page's offers section; 2 on the page of one offer. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t, lang } = useI18n();
  const names = usePlaceNames();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [answeredNow, setAnsweredNow] = useState(false);
  // Accepting tells the agency (it is mailed): confirmed first, in a dialog that says so.
  const [confirming, setConfirming] = useState(false);
  const answerable = canTransitionOffer(offer.status, 'accepted', 'expert');
  const headingId = `offer-${offer.id}`;

  async function answer(decision: 'accept' | 'decline') {
    setBusy(decision);
    setFailure(null);
    try {
      onAnswered(await api.respondToOffer(offer.id, decision, note.trim() || undefined));
      setAnsweredNow(true);
    } catch (error) {
      if (!onFailure(error)) setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <li>
      <article className="offer" aria-labelledby={headingId}>
        <div className="page-heading">
          <Heading id={headingId}>{offer.demand.title}</Heading>
          <StatusTag status={offer.status} label={t.offerStatusName[offer.status]} />
        </div>
        <p className="meta-line">
          {t.offerFrom(names.agency(offer.agency))} · {names.zone(offer.demand.zone)} ·{' '}
          {t.engagementName[offer.demand.engagement]}
        </p>
        <dl className="details">
          <div className="detail">
            <dt>{t.packageValue}</dt>
            <dd className="package-value">
              <strong>{formatVnd(offer.packageValueVnd)}</strong>
            </dd>
          </div>
          <div className="detail">
            <dt>{t.expiresAt}</dt>
            <dd>{formatTime(offer.expiresAt, lang)}</dd>
          </div>
          <div className="detail detail-wide">
            <dt>{t.offerPolicies}</dt>
            <dd>
              <PolicyPackage policies={offer.policies} />
              <p className="hint">{t.packageValueHint}</p>
            </dd>
          </div>
          <div className="detail detail-wide">
            <dt>{t.terms}</dt>
            <dd className="bio">{offer.terms}</dd>
          </div>
        </dl>
        {answeredNow ? (
          <Notice kind="success">{t.offerAnswered(t.offerStatusName[offer.status])}</Notice>
        ) : null}
        {answerable ? (
          <form onSubmit={(event) => event.preventDefault()} aria-labelledby={headingId}>
            <FormErrorsProvider idPrefix={`answer-${offer.id}`} errors={{}}>
              <TextArea
                path="note"
                label={t.respondNote}
                value={note}
                onChange={setNote}
                maxLength={2000}
                rows={2}
              />
            </FormErrorsProvider>
            {failure ? (
              <Notice kind="error">
                {failure instanceof ApiError && failure.status === 409
                  ? t.offerNoLongerOpen
                  : failureMessage(failure, t)}
              </Notice>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                data-answer="accept"
                onClick={() => setConfirming(true)}
              >
                {busy === 'accept' ? t.sending : t.acceptOffer}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy !== null}
                onClick={() => answer('decline')}
              >
                {busy === 'decline' ? t.sending : t.declineOffer}
              </button>
            </div>
          </form>
        ) : null}
        {confirming ? (
          <ConfirmDialog
            title={t.confirmAcceptTitle}
            body={t.confirmAcceptBody(names.agency(offer.agency))}
            confirmLabel={t.acceptOffer}
            onConfirm={() => void answer('accept')}
            onClose={() => {
              setConfirming(false);
              requestAnimationFrame(() =>
                document
                  .querySelector<HTMLElement>(`#${CSS.escape(headingId)}`)
                  ?.closest('article')
                  ?.querySelector<HTMLElement>('[data-answer="accept"]')
                  ?.focus(),
              );
            }}
          />
        ) : null}
        <details>
          <summary>{t.offerHistory}</summary>
          <OfferHistory history={offer.history} headingId={headingId} />
        </details>
      </article>
    </li>
  );
}
