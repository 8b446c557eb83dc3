/**
 * Paging over the contract's `{items, nextCursor}` lists. The API only goes forward, so the
 * cursors of the pages seen so far are kept on a stack to go back.
 */
import { useCallback, useRef, useState } from 'react';
import type { Page } from './api.ts';

export interface CursorPages<T, Q> {
  query: Q | null;
  page: Page<T> | null;
  pageNumber: number;
  loading: boolean;
  failure: unknown;
  search: (query: Q) => void;
  next: () => void;
  previous: () => void;
}

/** `fetchPage` must be stable (a module function or a useCallback); `search` then is too. */
export function useCursorPages<T, Q>(
  fetchPage: (query: Q, cursor?: string) => Promise<Page<T>>,
): CursorPages<T, Q> {
  const [query, setQuery] = useState<Q | null>(null);
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const [page, setPage] = useState<Page<T> | null>(null);
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

  const search = useCallback((nextQuery: Q) => load(nextQuery, [undefined]), [load]);

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
