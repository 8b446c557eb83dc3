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

export interface ListQuery<T, F extends Filters, X extends object = object> {
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
  results: CursorPages<T, F, X>;
}

function filtersIn<F extends Filters>(search: string, defaults: F): F {
  const params = new URLSearchParams(search);
  return Object.fromEntries(Object.keys(defaults).map((key) => [key, params.get(key) ?? defaults[key]])) as F;
}

/**
 * The address of a list: only the filters that differ from the defaults are written, then the
 * page (its cursor and number) when it is not the first.
 */
function addressOf<F extends Filters>(
  path: string,
  filters: F,
  defaults: F,
  page?: { cursor: string; pageNumber: number },
): string {
  const query = new URLSearchParams([
    ...Object.keys(defaults)
      .map((key) => [key, filters[key].trim()])
      .filter(([key, value]) => value !== defaults[key]),
    ...(page
      ? [pageParams.cursor, pageParams.page].map((key, i) => [key, i ? String(page.pageNumber) : page.cursor])
      : []),
  ]).toString();
  return query ? `${path}?${query}` : path;
}

/** Where a list that keeps its page in the address writes it. */
const pageParams = { cursor: 'cursor', page: 'page' } as const;

/** Whether the page shown was reached by "next" here, so "previous" may go back in history. */
let reachedByNext = false;

/** `defaults` and `fetchPage` must be stable (module constants or memoised). */
export function useListQuery<T, F extends Filters, X extends object = object>(
  defaults: F,
  fetchPage: (filters: F, cursor?: string) => Promise<Page<T> & X>,
  /** pageInAddress: the page too is in the address, so Back and a shared link return to it. */
  options: { pageInAddress?: boolean } = {},
): ListQuery<T, F, X> {
  const { path, search } = useLocation();
  const applied = useMemo(() => filtersIn(search, defaults), [search, defaults]);
  const [draft, setDraft] = useState(applied);
  const pages = useCursorPages(fetchPage);
  const searchPages = pages.search;
  const params = new URLSearchParams(search);
  const cursor = options.pageInAddress ? (params.get(pageParams.cursor) ?? '') : '';
  const pageNumber = Math.max(2, Number(params.get(pageParams.page)) || 2);

  useEffect(() => {
    setDraft(applied);
    searchPages(applied, cursor ? { cursor, pageNumber } : undefined);
  }, [applied, cursor, pageNumber, searchPages]);

  const results: CursorPages<T, F, X> = options.pageInAddress
    ? {
        ...pages,
        next: () => {
          const nextCursor = pages.page?.nextCursor;
          if (!nextCursor) return;
          reachedByNext = true;
          navigate(
            addressOf(path, applied, defaults, { cursor: nextCursor, pageNumber: pages.pageNumber + 1 }),
          );
        },
        previous: () => {
          if (reachedByNext) window.history.back();
          else navigate(addressOf(path, applied, defaults));
          reachedByNext = false;
        },
      }
    : pages;

  return {
    defaults,
    applied,
    draft,
    set: (key) => (value) => setDraft((current) => ({ ...current, [key]: value })),
    apply: (filters) => {
      const address = addressOf(path, filters, defaults);
      if (address === path + search)
        searchPages(filtersIn(search, defaults), cursor ? { cursor, pageNumber } : undefined);
      else navigate(address);
    },
    filtered: Object.keys(defaults).some((key) => applied[key] !== defaults[key]),
    results,
  };
}
