/**
 * The HR console's search: filters from the contract's GET /api/experts, a results table whose
 * rows open the full (audited) profile in a side panel.
 */

import { type FormEvent, useCallback, useState } from 'react';
import {
  academicTitles,
  degrees,
  type ExpertSummary,
  engagementModes,
  locationKinds,
} from '#shared/domain/expert';
import { api, type ExpertSearch } from '../api.ts';
import { FormErrorsProvider, SelectField, TextField } from '../components/controls.tsx';
import { ExpertPanel } from '../components/ExpertPanel.tsx';
import { FieldFilter } from '../components/FieldFilter.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { useFieldLabel } from '../meta.tsx';
import { commonLanguages, countryName, foreignCountries, languageName, nameOptions } from '../names.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { usePageTitle } from './usePageTitle.ts';

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
};

/** Filters behind "more filters", so that the first screen on a phone still shows results. */
const moreFilters = ['title', 'locationKind', 'country', 'native', 'language', 'engagement'] as const;

const pageSize = 20;

const fetchExperts = (filters: Filters, cursor?: string) =>
  staffRequest(api.searchExperts({ ...filters, q: filters.q.trim(), limit: pageSize, cursor }));

export function StaffSearchPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.searchTitle);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const results = useCursorPages(fetchExperts);
  // Closing returns focus to the row the panel was opened from.
  const closePanel = useCallback(() => {
    setOpenId(null);
    if (openId) document.querySelector<HTMLElement>(`tr[data-expert-id="${CSS.escape(openId)}"]`)?.focus();
  }, [openId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpenId(null);
    results.search(filters);
  };

  return (
    <StaffConsole section="search" title={t.searchTitle}>
      {() => (
        <>
          <SearchFilters filters={filters} onChange={setFilters} onSubmit={submit} />
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
            <ExpertPanel key={openId} id={openId} onClose={closePanel} onFailure={endStaffSessionIfGone} />
          ) : null}
        </>
      )}
    </StaffConsole>
  );
}

function SearchFilters({
  filters,
  onChange,
  onSubmit,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t, lang } = useStaffI18n();
  const set = (key: keyof Filters) => (value: string) => onChange({ ...filters, [key]: value });
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
          <button type="button" className="secondary" onClick={() => onChange(noFilters)}>
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
