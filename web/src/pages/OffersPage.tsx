/**
 * The agency's offers (an administrator's: all), by status, demand or expert. The demand and
 * expert filters also come from links (?demandId=, ?expertId=) on the demand and offer pages.
 */
import { useCallback } from 'react';
import type { OfferView } from '#shared/domain/offer';
import { type OfferStatus, offerStatuses } from '#shared/domain/offer-states';
import { api } from '../api.ts';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { useOfferExpertName } from '../components/OfferParts.tsx';
import { endStaffSessionIfGone, StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatTime, formatVnd } from '../format.ts';
import { Link } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters: { status: OfferStatus | ''; demandId: string; expertId: string } = {
  status: '',
  demandId: '',
  expertId: '',
};

const fetchOffers = (filters: typeof noFilters, cursor?: string) =>
  staffRequest(api.offers({ ...filters, limit: 20, cursor }));

export function OffersPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.offersTitle);
  return (
    <StaffConsole section="offers" title={t.offersTitle}>
      {(session) => <Offers session={session} />}
    </StaffConsole>
  );
}

function Offers({ session }: { session: StaffSession }) {
  const { t } = useStaffI18n();
  const list = useListQuery(noFilters, fetchOffers);
  const { draft } = list;
  // The demand filter offers the demands the caller's offers can be for.
  const ownAgency = session.role === 'admin' ? undefined : session.agency;
  const loadDemands = useCallback(() => api.demands({ agency: ownAgency, limit: 100 }), [ownAgency]);
  const demands = useResource(loadDemands, endStaffSessionIfGone);
  const demandOptions = (demands.value?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  // A demand from a link may be beyond the first hundred: it is offered by its id.
  if (draft.demandId && !demandOptions.some((o) => o.value === draft.demandId)) {
    demandOptions.push({ value: draft.demandId, label: draft.demandId });
  }
  const { expertId } = list.applied;
  const expertName = list.results.page?.items.find((o) => o.expertId === expertId)?.expert?.fullName;

  return (
    <ListPage
      list={list}
      intro={<p>{t.offersIntro}</p>}
      idPrefix="offers"
      empty={t.offersEmpty}
      filters={
        <>
          <FilterSelect
            list={list}
            name="status"
            label={t.colStatus}
            options={offerStatuses.map((s) => ({ value: s, label: t.offerStatusName[s] }))}
          />
          <FilterSelect list={list} name="demandId" label={t.demandFilter} options={demandOptions} />
        </>
      }
      activeFilters={
        expertId ? (
          <p className="filter-chip">
            {t.expertFilter}: {expertName ?? expertId}{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => list.apply({ ...draft, expertId: '' })}
            >
              {t.removeFilter(t.expertFilter.toLowerCase())}
            </button>
          </p>
        ) : null
      }
    >
      {(offers) => <OffersTable offers={offers} />}
    </ListPage>
  );
}

function OffersTable({ offers }: { offers: OfferView[] }) {
  const { t, lang } = useStaffI18n();
  const expertName = useOfferExpertName();
  const columns: Column<OfferView>[] = [
    {
      label: t.colExpert,
      cell: (offer) => (
        <Link to={`/staff/offers/${encodeURIComponent(offer.id)}`}>
          <strong>{expertName(offer)}</strong>
        </Link>
      ),
    },
    { label: t.colDemand, cell: (offer) => offer.demand.title },
    {
      label: t.colStatus,
      cell: (offer) => <StatusTag status={offer.status} label={t.offerStatusName[offer.status]} />,
    },
    { label: t.colValue, cell: (offer) => formatVnd(offer.packageValueVnd) },
    { label: t.colExpires, cell: (offer) => formatTime(offer.expiresAt, lang) },
  ];
  return <ListTable caption={t.offersCaption} columns={columns} items={offers} />;
}
