/**
 * Paging over the contract's `{items, nextCursor}` lists. The API only goes forward, so the
 * cursors of the pages seen so far are kept on a stack to go back.
 */
import { useCallback, useRef, useState } from 'react';
import type { Page } from './api.ts';

export interface CursorPages<T, Q, X extends object = object> {
  query: Q | null;
  page: (Page<T> & X) | null;
  pageNumber: number;
  loading: boolean;
  failure: unknown;
  /** Searches from the first page, or from a page given by its cursor and number (a link). */
  search: (query: Q, start?: { cursor: string; pageNumber: number }) => void;
  next: () => void;
  previous: () => void;
}

/** `fetchPage` must be stable (a module function or a useCallback); `search` then is too. */
export function useCursorPages<T, Q, X extends object = object>(
  fetchPage: (query: Q, cursor?: string) => Promise<Page<T> & X>,
): CursorPages<T, Q, X> {
  const [query, setQuery] = useState<Q | null>(null);
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const [page, setPage] = useState<(Page<T> & X) | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Only the latest request may set the results; an older, slower answer is dropped.
  const latest = useRef(0);

  const load = useCallback(
    (nextQuery: Q, nextCursors: (string | undefined)[]) => {
      const request = ++latest.current;
      setQuery(nextQuery);
      setCursors(nextCursors);
      setLoading(true);
      setFailure(null);
      fetchPage(nextQuery, nextCursors.at(-1)).then(
        (result) => {
          if (request !== latest.current) return;
          setPage(result);
          setLoading(false);
        },
        (error: unknown) => {
          if (request !== latest.current) return;
          setFailure(error);
          setLoading(false);
        },
      );
    },
    [fetchPage],
  );

  const search = useCallback(
    (nextQuery: Q, start?: { cursor: string; pageNumber: number }) =>
      load(
        nextQuery,
        start
          ? [...Array.from({ length: Math.max(0, start.pageNumber - 1) }, () => undefined), start.cursor]
          : [undefined],
      ),
    [load],
  );

  return {
    query,
    page,
    pageNumber: cursors.length,
    loading,
    failure,
    search,
    next: () => {
      if (query !== null && page?.nextCursor) load(query, [...cursors, page.nextCursor]);
    },
    previous: () => {
      if (query !== null && cursors.length > 1) load(query, cursors.slice(0, -1));
    },
  };
}
