/** Pieces of an offer shown to both sides: the policy package and the history of its states. */
import type { OfferActor, OfferedPolicy, OfferView } from '#shared/domain/offer';
import type { OfferStatus } from '#shared/domain/offer-states';
import type { Benefit } from '#shared/domain/policy';
import { formatTime, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { usePlaceNames } from '../meta.tsx';

export function PolicyPackage({ policies }: { policies: readonly OfferedPolicy[] }) {
  const { t } = useI18n();
  if (policies.length === 0) return null;
  return (
    <ul className="plain policy-package">
      {policies.map((policy) => (
        <li key={policy.id}>
          <p>
            <strong>{policy.code}</strong> — {policy.title}
          </p>
          <p className="hint">
            {t.legalBasis}: {policy.legalBasis}
          </p>
          <BenefitList benefits={policy.benefits} />
        </li>
      ))}
    </ul>
  );
}

export function BenefitList({ benefits }: { benefits: readonly Benefit[] }) {
  const { t } = useI18n();
  return (
    <ul className="benefits">
      {benefits.map((benefit, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a policy's benefits have no id of their own
        <li key={index}>
          {t.benefitKindName[benefit.kind]}: <strong>{formatVnd(benefit.amountVnd)}</strong>
          {benefit.description ? ` — ${benefit.description}` : ''}
        </li>
      ))}
    </ul>
  );
}

interface HistoryEntry {
  from: OfferStatus | null;
  to: OfferStatus;
  at: string;
  actor: Partial<OfferActor> & Pick<OfferActor, 'kind'>;
  note?: string;
}

/** Oldest first: from → to, when, who, and the note given with the step. */
export function OfferHistory({
  history,
  headingId,
}: {
  history: readonly HistoryEntry[];
  headingId: string;
}) {
  const { t, lang } = useI18n();
  const names = usePlaceNames();
  const actor = ({ kind, id, agency }: HistoryEntry['actor']) => {
    if (kind === 'expert') return t.actorExpert;
    if (kind === 'system') return t.actorSystem;
    return id
      ? t.actorStaff(names.agency(agency ?? null), id)
      : t.actorStaffForExpert(names.agency(agency ?? null));
  };
  return (
    <ol className="timeline" aria-labelledby={headingId}>
      {history.map((entry) => (
        <li key={`${entry.at}-${entry.to}`}>
          <p>
            <strong>
              {entry.from
                ? `${t.offerStatusName[entry.from]} → ${t.offerStatusName[entry.to]}`
                : t.offerCreatedStep(t.offerStatusName[entry.to])}
            </strong>
          </p>
          <p className="meta-line">
            <time dateTime={entry.at}>{formatTime(entry.at, lang)}</time> · {actor(entry.actor)}
          </p>
          {entry.note ? <p className="bio">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The expert as staff may see them now: shared, no longer shared, or erased. */
export function useOfferExpertName(): (offer: OfferView) => string {
  const { t } = useI18n();
  return (offer) =>
    offer.expert?.fullName ?? (offer.expertState === 'erased' ? t.expertErased : t.expertNotShared);
}
