/**
 * HR search and the public directory, over the instance's search index (search-read-model.ts).
 * The index chooses and orders the ids, counts the total and the facets; the page's entries are
 * then confirmed in one BatchGetItem of their current listing items, so an expert who withdrew
 * consent, was erased or is no longer active never appears, and the page shows current data.
 */
import { currentDirectoryEntries, currentSummaries } from '../db/search-read-model.ts';
import type { DirectoryEntry, ExpertSummary } from '../domain/expert.ts';
import type { Audience, ExpertIndex, IndexQuery } from '../domain/expert-index.ts';
import {
  type DirectoryQuery,
  type ExpertSearchQuery,
  pageOf,
  queryFingerprint,
  type SearchPage,
} from '../domain/expert-search.ts';
import { currentIndex } from './search-read-model.ts';
import { ServerTiming } from './server-timing.ts';

/** The ids of a page that the table still lists, with their current data, in the page's order. */
export function confirmedPage<T>(index: ExpertIndex, ids: readonly string[], current: Map<string, T>): T[] {
  return ids.flatMap((id) => {
    const item = current.get(id);
    if (item === undefined) index.forget(id);
    return item === undefined ? [] : [item];
  });
}

async function searchPage<T>(
  audience: Audience,
  query: IndexQuery & { cursor?: string; limit?: string },
  confirm: (ids: string[]) => Promise<Map<string, T>>,
  timing: ServerTiming,
): Promise<SearchPage<T>> {
  const { cursor: _cursor, limit: _limit, ...criteria } = query;
  const { index } = await currentIndex(timing);
  const { result, page, nextCursor } = timing.timeSync('index', () => {
    const result = index.query(audience, criteria);
    return {
      result,
      ...pageOf(
        { length: result.total, slice: result.slice },
        query,
        queryFingerprint({ audience, ...criteria }),
      ),
    };
  });
  const items = page.length
    ? confirmedPage(index, page, await timing.time('confirm', () => confirm(page)))
    : [];
  return {
    items,
    nextCursor,
    total: result.total - (page.length - items.length),
    facets: result.facets,
  };
}

/** `timing` gets the parts of the request (the route sends them as `Server-Timing`). */
export function searchExperts(
  q: ExpertSearchQuery,
  timing = new ServerTiming(),
): Promise<SearchPage<ExpertSummary>> {
  const { native, ...rest } = q;
  return searchPage(
    'agencies',
    { ...rest, ...(native ? { native: native === 'true' } : {}) },
    currentSummaries,
    timing,
  );
}

export function listDirectory(
  q: DirectoryQuery,
  timing = new ServerTiming(),
): Promise<SearchPage<DirectoryEntry>> {
  return searchPage('directory', q, currentDirectoryEntries, timing);
}
