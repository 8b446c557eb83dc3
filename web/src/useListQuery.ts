/**
 * A list's filters live in the address (/staff/demands?status=open): Back returns to the filters
 * shown before and a shared link opens the same list. The filter form edits a draft; applying it
 * is a new address, and each address is searched from its first page.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Page } from './api.ts';
import { navigate, useLocation } from './router.tsx';
import { type CursorPages, useCursorPages } from './useCursorPages.ts';

/**
 * A list's filters by name, each a string ('' where any value will do). Values come from the
 * address unchecked: the API validates them like any other query.
 */
export type Filters = Record<string, string>;

export interface ListQuery<T, F extends Filters> {
  /** The filters of a list nobody has narrowed. */
  defaults: F;
  /** The filters the results are for, read from the address. */
  applied: F;
  /** What the filter form holds until it is applied. */
  draft: F;
  set: (key: keyof F & string) => (value: string) => void;
  /** A new address with these filters (the same one again searches again). */
  apply: (filters: F) => void;
  /** Some filter narrows the list, so an empty page means "nothing matches", not "nothing yet". */
  filtered: boolean;
  results: CursorPages<T, F>;
}

function filtersIn<F extends Filters>(search: string, defaults: F): F {
  const params = new URLSearchParams(search);
  return Object.fromEntries(Object.keys(defaults).map((key) => [key, params.get(key) ?? defaults[key]])) as F;
}

/** The address of a list: only the filters that differ from the defaults are written. */
function addressOf<F extends Filters>(path: string, filters: F, defaults: F): string {
  const query = new URLSearchParams(
    Object.keys(defaults)
      .map((key) => [key, filters[key].trim()])
      .filter(([key, value]) => value !== defaults[key]),
  ).toString();
  return query ? `${path}?${query}` : path;
}

/** `defaults` and `fetchPage` must be stable (module constants or memoised). */
export function useListQuery<T, F extends Filters>(
  defaults: F,
  fetchPage: (filters: F, cursor?: string) => Promise<Page<T>>,
): ListQuery<T, F> {
  const { path, search } = useLocation();
  const applied = useMemo(() => filtersIn(search, defaults), [search, defaults]);
  const [draft, setDraft] = useState(applied);
  const results = useCursorPages(fetchPage);
  const searchPages = results.search;

  useEffect(() => {
    setDraft(applied);
    searchPages(applied);
  }, [applied, searchPages]);

  return {
    defaults,
    applied,
    draft,
    set: (key) => (value) => setDraft((current) => ({ ...current, [key]: value })),
    apply: (filters) => {
      const address = addressOf(path, filters, defaults);
      if (address === path + search) searchPages(filtersIn(search, defaults));
      else navigate(address);
    },
    filtered: Object.keys(defaults).some((key) => applied[key] !== defaults[key]),
    results,
  };
}
