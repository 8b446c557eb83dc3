/**
 * The HR console's search: filters from the contract's GET /api/experts, the number of matches and
 * their counts per facet beside the filters, a results table whose rows open the full (audited)
 * profile in a side panel. Query, filters, order and page live in the address: Back and a
 * shared link return to the same page.
 */

import { type FormEvent, lazy, Suspense, useCallback, useState } from 'react';
import {
  academicTitles,
  degrees,
  type ExpertSummary,
  engagementModes,
  locationKinds,
} from '#shared/domain/expert';
import { api, type ExpertSearch, type SearchFacets } from '../api.ts';
import { FormErrorsProvider, SelectField, TextField } from '../components/controls.tsx';
import { FieldFilter } from '../components/FieldFilter.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { useFieldLabel } from '../meta.tsx';
import { commonLanguages, countryName, foreignCountries, languageName, nameOptions } from '../names.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

// Opened from a row, so loaded then: the page's first view does not evaluate the profile's code.
const ExpertPanel = lazy(() =>
  import('../components/ExpertPanel.tsx').then((m) => ({ default: m.ExpertPanel })),
);

type Filters = Required<Omit<ExpertSearch, 'limit' | 'cursor'>>;

const noFilters: Filters = {
  q: '',
  field: '',
  minDegree: '',
  title: '',
  locationKind: '',
  country: '',
  native: '',
  language: '',
  engagement: '',
  sort: '',
};

/** Filters behind "more filters", so that the first screen on a phone still shows results. */
const moreFilters = ['title', 'locationKind', 'country', 'native', 'language', 'engagement'] as const;

const pageSize = 20;

const fetchExperts = (filters: Filters, cursor?: string) =>
  staffRequest(
    api.searchExperts({
      ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
      q: filters.q.trim() || undefined,
      limit: pageSize,
      cursor,
    }),
  );

export function StaffSearchPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.searchTitle);
  const list = useListQuery(noFilters, fetchExperts, { pageInAddress: true });
  const { results } = list;
  const [openId, setOpenId] = useState<string | null>(null);
  // Closing returns focus to the row the panel was opened from.
  const closePanel = useCallback(() => {
    setOpenId(null);
    if (openId) document.querySelector<HTMLElement>(`tr[data-expert-id="${CSS.escape(openId)}"]`)?.focus();
  }, [openId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpenId(null);
    list.apply(list.draft);
  };
  const pick = (key: keyof Filters, value: string) => {
    setOpenId(null);
    list.apply({ ...list.applied, [key]: value });
  };

  return (
    <StaffConsole section="search" title={t.searchTitle}>
      {() => (
        <>
          <SearchFilters
            filters={list.draft}
            set={list.set}
            onClear={() => list.apply(noFilters)}
            onSubmit={submit}
          />
          {results.page && !results.loading ? (
            <FacetCounts total={results.page.total} facets={results.page.facets} onPick={pick} />
          ) : null}
          {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
          {results.loading ? <Loading label={t.loading} /> : null}
          {results.page && !results.loading ? (
            results.page.items.length === 0 ? (
              <p role="status">{t.noResults}</p>
            ) : (
              <ResultsTable experts={results.page.items} openId={openId} onOpen={setOpenId} />
            )
          ) : null}
          <Pager pages={results} />
          {openId ? (
            <Suspense fallback={<Loading label={t.loading} />}>
              <ExpertPanel
                key={openId}
                id={openId}
                onClose={closePanel}
                onFailure={endStaffSessionIfGone}
                offerFromHere
              />
            </Suspense>
          ) : null}
        </>
      )}
    </StaffConsole>
  );
}

function SearchFilters({
  filters,
  set,
  onClear,
  onSubmit,
}: {
  filters: Filters;
  set: (key: keyof Filters) => (value: string) => void;
  onClear: () => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t, lang } = useStaffI18n();
  const moreInUse = moreFilters.filter((key) => filters[key] !== '').length;
  return (
    <search>
      <form onSubmit={onSubmit} className="filters">
        <FormErrorsProvider idPrefix="search" errors={{}}>
          <div className="grid">
            <TextField path="q" type="search" label={t.searchText} value={filters.q} onChange={set('q')} />
            <FieldFilter value={filters.field} onChange={set('field')} />
            <SelectField
              path="minDegree"
              label={t.minDegree}
              value={filters.minDegree}
              onChange={set('minDegree')}
              placeholder={t.any}
              options={degrees.map((d) => ({ value: d, label: t.degree[d] }))}
            />
            <SelectField
              path="sort"
              label={t.sortLabel}
              value={filters.sort}
              onChange={set('sort')}
              placeholder={filters.q.trim() ? t.sortName.relevance : t.sortName.name}
              options={(['relevance', 'name', 'updated'] as const).map((s) => ({
                value: s,
                label: t.sortName[s],
              }))}
            />
          </div>
          <details className="more-filters">
            <summary>{t.moreFilters(moreInUse)}</summary>
            <div className="grid">
              <SelectField
                path="title"
                label={t.title}
                value={filters.title}
                onChange={set('title')}
                placeholder={t.any}
                options={academicTitles.map((a) => ({ value: a, label: t.academicTitleName[a] }))}
              />
              <SelectField
                path="locationKind"
                label={t.locationKind}
                value={filters.locationKind}
                onChange={set('locationKind')}
                placeholder={t.any}
                options={locationKinds.map((k) => ({ value: k, label: t.locationKindName[k] }))}
              />
              <SelectField
                path="country"
                label={t.country}
                value={filters.country}
                onChange={set('country')}
                placeholder={t.any}
                options={nameOptions([...foreignCountries, 'VN'], countryName, lang)}
              />
              <SelectField
                path="native"
                label={t.native}
                value={filters.native}
                onChange={set('native')}
                placeholder={t.any}
                options={[
                  { value: 'true', label: t.yes },
                  { value: 'false', label: t.no },
                ]}
              />
              <SelectField
                path="language"
                label={t.language}
                value={filters.language}
                onChange={set('language')}
                placeholder={t.any}
                options={nameOptions(commonLanguages, languageName, lang)}
              />
              <SelectField
                path="engagement"
                label={t.engagement}
                value={filters.engagement}
                onChange={set('engagement')}
                placeholder={t.any}
                options={engagementModes.map((e) => ({ value: e, label: t.engagementName[e] }))}
              />
            </div>
          </details>
        </FormErrorsProvider>
        <div className="actions">
          <button type="submit" className="primary">
            {t.search}
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            {t.clearFilters}
          </button>
        </div>
      </form>
    </search>
  );
}

function ResultsTable({
  experts,
  openId,
  onOpen,
}: {
  experts: ExpertSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  return (
    <table className="results">
      <caption>{t.resultsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colDegree}</th>
          <th scope="col">{t.colFields}</th>
          <th scope="col">{t.colLocation}</th>
          <th scope="col">{t.colYears}</th>
        </tr>
      </thead>
      <tbody>
        {experts.map((expert) => (
          <tr
            key={expert.id}
            tabIndex={0}
            aria-selected={openId === expert.id}
            data-expert-id={expert.id}
            onClick={() => onOpen(expert.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onOpen(expert.id);
              }
            }}
          >
            <td data-label={t.colName}>
              <strong>{expert.fullName}</strong>
            </td>
            <td data-label={t.colDegree}>
              {t.degree[expert.highestDegree]}
              {expert.academicTitle !== 'none' ? `, ${t.academicTitleName[expert.academicTitle]}` : ''}
            </td>
            <td data-label={t.colFields}>{expert.fields.map((f) => fieldLabel(f.code)).join('; ')}</td>
            <td data-label={t.colLocation}>
              {[expert.location.city, countryName(expert.location.country, lang)].filter(Boolean).join(', ')}
            </td>
            <td data-label={t.colYears}>{expert.yearsExperience}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The number of matches and, beside the filters, how many of them fall in each field group,
 * degree, location kind and (top) country; a count is a button that narrows to it.
 */
function FacetCounts({
  total,
  facets,
  onPick,
}: {
  total: number;
  facets: SearchFacets;
  onPick: (key: keyof Filters, value: string) => void;
}) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  const groups: {
    heading: string;
    filter: keyof Filters;
    counts: Record<string, number>;
    label: (v: string) => string;
  }[] = [
    { heading: t.facetFieldGroup, filter: 'field', counts: facets.fieldGroup, label: fieldLabel },
    {
      heading: t.facetDegree,
      filter: 'minDegree',
      counts: facets.degree,
      label: (v) => t.degree[v as keyof typeof t.degree] ?? v,
    },
    {
      heading: t.facetLocationKind,
      filter: 'locationKind',
      counts: facets.locationKind,
      label: (v) => t.locationKindName[v as keyof typeof t.locationKindName] ?? v,
    },
    {
      heading: t.facetCountry,
      filter: 'country',
      counts: facets.country,
      label: (v) => countryName(v, lang),
    },
  ];
  return (
    <section className="facets" aria-label={t.facetsHeading}>
      <p role="status">
        <strong>{t.resultTotal(total)}</strong>
      </p>
      {total > 0 ? (
        <div className="grid">
          {groups.map((group) => (
            <div key={group.filter}>
              <h2 className="facet-heading">{group.heading}</h2>
              <ul className="plain">
                {Object.entries(group.counts).map(([value, count]) => (
                  <li key={value}>
                    <button
                      type="button"
                      className="link"
                      aria-label={t.facetPick(group.label(value), count)}
                      onClick={() => onPick(group.filter, value)}
                    >
                      {group.label(value)} <span className="count">({count.toLocaleString(lang)})</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
