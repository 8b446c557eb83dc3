/** The public directory: only experts who opted in, and only name, degree, title, fields, country. */

import { type FormEvent, useEffect, useState } from 'react';
import type { DirectoryEntry } from '#shared/domain/expert';
import { api } from '../api.ts';
import { FormErrorsProvider, TextField } from '../components/controls.tsx';
import { FieldFilter } from '../components/FieldFilter.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel } from '../meta.tsx';
import { countryName } from '../names.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { usePageTitle } from './usePageTitle.ts';

interface DirectoryQuery {
  q: string;
  field: string;
}

const fetchDirectory = (query: DirectoryQuery, cursor?: string) => api.directory({ ...query, cursor });

export function DirectoryPage() {
  const { t } = useI18n();
  usePageTitle(t.directoryTitle);
  const [q, setQ] = useState('');
  const [field, setField] = useState('');
  const results = useCursorPages(fetchDirectory);
  const { search } = results;

  // The whole directory is shown until a search narrows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => search({ q: '', field: '' }), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search({ q: q.trim(), field });
  };

  return (
    <>
      <h1 tabIndex={-1}>{t.directoryTitle}</h1>
      <p>{t.directoryIntro}</p>
      <search>
        <form onSubmit={submit} className="filters">
          <FormErrorsProvider idPrefix="directory" errors={{}}>
            <div className="grid">
              <TextField path="q" type="search" label={t.searchText} value={q} onChange={setQ} />
              <FieldFilter value={field} onChange={setField} />
            </div>
          </FormErrorsProvider>
          <div className="actions">
            <button type="submit" className="primary">
              {t.search}
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
          <ul className="cards">
            {results.page.items.map((entry) => (
              <DirectoryCard key={entry.id} entry={entry} />
            ))}
          </ul>
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

function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const title = entry.academicTitle !== 'none' ? `${t.academicTitleName[entry.academicTitle]}, ` : '';
  return (
    <li className="card">
      <h2 className="card-title">{entry.fullName}</h2>
      <p>
        {title}
        {t.degree[entry.highestDegree]} · {countryName(entry.country, lang)}
      </p>
      <ul className="plain">
        {entry.fields.map((f) => (
          <li key={f.code}>
            {fieldLabel(f.code)}
            {f.specialization ? ` — ${f.specialization}` : ''}
          </li>
        ))}
      </ul>
    </li>
  );
}
