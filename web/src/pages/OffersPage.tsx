/**
 * The agency's offers (an administrator's: all), by status, demand or expert. The demand and
 * expert filters also come from links (?demandId=, ?expertId=) on the demand and offer pages.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { OfferView } from '#shared/domain/offer';
import { offerStatuses } from '#shared/domain/offer-states';
import { api, type OfferSearch } from '../api.ts';
import { FormErrorsProvider, SelectField } from '../components/controls.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { useOfferExpertName } from '../components/OfferParts.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatTime, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link, queryParam } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

type OfferFilters = Required<Pick<OfferSearch, 'status' | 'demandId' | 'expertId'>>;

const fetchOffers = (filters: OfferFilters, cursor?: string) =>
  api.offers({ ...filters, limit: 20, cursor }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function OffersPage() {
  const { t } = useI18n();
  usePageTitle(t.offersTitle);
  return (
    <StaffConsole section="offers" title={t.offersTitle}>
      {(session) => <Offers session={session} />}
    </StaffConsole>
  );
}

function Offers({ session }: { session: StaffSession }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<OfferFilters>(() => ({
    status: '',
    demandId: queryParam('demandId'),
    expertId: queryParam('expertId'),
  }));
  const results = useCursorPages(fetchOffers);
  const { search } = results;
  // The demand filter offers the demands the caller's offers can be for.
  const ownAgency = session.role === 'admin' ? undefined : session.agency;
  const loadDemands = useCallback(() => api.demands({ agency: ownAgency, limit: 100 }), [ownAgency]);
  const demands = useResource(loadDemands, endStaffSessionIfGone);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival, with the link's filters
  useEffect(() => search(filters), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(filters);
  };
  const expertName = results.page?.items.find((o) => o.expertId === filters.expertId)?.expert?.fullName;

  return (
    <>
      <p>{t.offersIntro}</p>
      <search>
        <form onSubmit={submit} className="filters">
          <FormErrorsProvider idPrefix="offers" errors={{}}>
            <div className="grid">
              <SelectField
                path="status"
                label={t.colStatus}
                value={filters.status}
                onChange={(status) => setFilters({ ...filters, status: status as OfferFilters['status'] })}
                placeholder={t.any}
                options={offerStatuses.map((s) => ({ value: s, label: t.offerStatusName[s] }))}
              />
              <SelectField
                path="demandId"
                label={t.demandFilter}
                value={filters.demandId}
                onChange={(demandId) => setFilters({ ...filters, demandId })}
                placeholder={t.any}
                options={(demands.value?.items ?? [])
                  .map((d) => ({ value: d.id, label: d.title }))
                  .concat(
                    filters.demandId && !demands.value?.items.some((d) => d.id === filters.demandId)
                      ? [{ value: filters.demandId, label: filters.demandId }]
                      : [],
                  )}
              />
            </div>
            {filters.expertId ? (
              <p className="filter-chip">
                {t.expertFilter}: {expertName ?? filters.expertId}{' '}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => {
                    const next = { ...filters, expertId: '' };
                    setFilters(next);
                    search(next);
                  }}
                >
                  {t.removeFilter(t.expertFilter.toLowerCase())}
                </button>
              </p>
            ) : null}
          </FormErrorsProvider>
          <div className="actions">
            <button type="submit" className="primary">
              {t.filter}
            </button>
          </div>
        </form>
      </search>
      {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p role="status">{t.noResults}</p>
        ) : (
          <OffersTable offers={results.page.items} />
        )
      ) : null}
      <Pager
        pageNumber={results.pageNumber}
        hasNext={Boolean(results.page?.nextCursor)}
        onNext={results.next}
        onPrevious={results.previous}
        disabled={results.loading}
      />
    </>
  );
}

function OffersTable({ offers }: { offers: OfferView[] }) {
  const { t, lang } = useI18n();
  const expertName = useOfferExpertName();
  return (
    <table className="results listing">
      <caption>{t.offersCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colExpert}</th>
          <th scope="col">{t.colDemand}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.colValue}</th>
          <th scope="col">{t.colExpires}</th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            <td data-label={t.colExpert}>
              <Link to={`/staff/offers/${encodeURIComponent(offer.id)}`}>
                <strong>{expertName(offer)}</strong>
              </Link>
            </td>
            <td data-label={t.colDemand}>{offer.demand.title}</td>
            <td data-label={t.colStatus}>
              <StatusTag status={offer.status} label={t.offerStatusName[offer.status]} />
            </td>
            <td data-label={t.colValue}>{formatVnd(offer.packageValueVnd)}</td>
            <td data-label={t.colExpires}>{formatTime(offer.expiresAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
