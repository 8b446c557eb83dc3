/**
 * The frame of a list page (demands, policies, calls, offers, the directory): the filter form,
 * the results or why there are none, and the pager. Its filters are kept in the address.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import type { Filters, ListQuery } from '../useListQuery.ts';
import { FormErrorsProvider, SelectField } from './controls.tsx';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { Pager } from './Pager.tsx';

export function ListPage<T, F extends Filters>({
  list,
  intro,
  idPrefix,
  filters,
  activeFilters,
  submitLabel,
  empty,
  children,
}: {
  list: ListQuery<T, F>;
  /** What the list is, above its filters. */
  intro?: ReactNode;
  /** Prefixes the filter controls' ids. */
  idPrefix: string;
  /** The filter controls, in a grid; a list without them has no filter form. */
  filters?: ReactNode;
  /** Filters that came with a link and have no control of their own, each with a way to remove it. */
  activeFilters?: ReactNode;
  submitLabel?: string;
  /** What an empty list says before anything exists ("no demands yet"). */
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  const { results } = list;
  return (
    <>
      {intro}
      {filters ? (
        <search>
          <form
            className="filters"
            onSubmit={(event) => {
              event.preventDefault();
              list.apply(list.draft);
            }}
          >
            <FormErrorsProvider idPrefix={idPrefix} errors={{}}>
              <div className="grid">{filters}</div>
              {activeFilters}
            </FormErrorsProvider>
            <div className="actions">
              <button type="submit" className="primary">
                {submitLabel ?? t.filter}
              </button>
              {list.filtered ? (
                <button type="button" className="secondary" onClick={() => list.apply(list.defaults)}>
                  {t.clearFilters}
                </button>
              ) : null}
            </div>
          </form>
        </search>
      ) : null}
      {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p role="status">{list.filtered ? t.noFilterResults : empty}</p>
        ) : (
          children(results.page.items)
        )
      ) : null}
      <Pager pages={results} />
    </>
  );
}

/** A filter that picks one of `options`, or any value. */
export function FilterSelect<F extends Filters>({
  list,
  name,
  label,
  options,
}: {
  list: ListQuery<unknown, F>;
  name: keyof F & string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <SelectField
      path={name}
      label={label}
      value={list.draft[name]}
      onChange={list.set(name)}
      placeholder={t.any}
      options={options}
    />
  );
}

/** One column of a list's table: its heading, and what each row shows under it. */
export interface Column<T> {
  label: string;
  cell: (item: T) => ReactNode;
}

/** A list as a table that reads as labelled cards on a phone (each cell carries its heading). */
export function ListTable<T extends { id: string }>({
  caption,
  columns,
  items,
}: {
  caption: string;
  columns: Column<T>[];
  items: T[];
}) {
  return (
    <table className="results listing">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            {columns.map((column) => (
              <td key={column.label} data-label={column.label}>
                {column.cell(item)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
