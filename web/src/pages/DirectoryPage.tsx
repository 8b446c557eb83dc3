/** The public directory: only experts who opted in, and only name, degree, title, fields, country. */

import type { DirectoryEntry } from '#shared/domain/expert';
import { api } from '../api.ts';
import { TextField } from '../components/controls.tsx';
import { FieldFilter } from '../components/FieldFilter.tsx';
import { ListPage } from '../components/ListPage.tsx';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel } from '../meta.tsx';
import { countryName } from '../names.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

// The whole directory is shown until a search narrows it.
const everyone = { q: '', field: '' };

const fetchDirectory = (query: typeof everyone, cursor?: string) =>
  api.directory({ ...Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '')), cursor });

export function DirectoryPage() {
  const { t } = useI18n();
  usePageTitle(t.directoryTitle);
  // Query, field and page live in the address: Back and a shared link return to the same page.
  const list = useListQuery(everyone, fetchDirectory, { pageInAddress: true });
  const total = list.results.page && !list.results.loading ? list.results.page.total : undefined;

  return (
    <>
      <h1 tabIndex={-1}>{t.directoryTitle}</h1>
      <p>{t.directoryIntro}</p>
      <ListPage
        list={list}
        idPrefix="directory"
        submitLabel={t.search}
        empty={t.directoryEmpty}
        filters={
          <>
            <TextField
              path="q"
              type="search"
              label={t.searchText}
              value={list.draft.q}
              onChange={list.set('q')}
            />
            <FieldFilter value={list.draft.field} onChange={list.set('field')} />
          </>
        }
      >
        {(entries) => (
          <>
            {total !== undefined ? (
              <p role="status">
                <strong>{t.directoryTotal(total)}</strong>
              </p>
            ) : null}
            <ul className="cards">
              {entries.map((entry) => (
                <DirectoryCard key={entry.id} entry={entry} />
              ))}
            </ul>
          </>
        )}
      </ListPage>
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
