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
): Promise<SearchPage<T>> {
  const { cursor: _cursor, limit: _limit, ...criteria } = query;
  const { index } = await currentIndex();
  const result = index.query(audience, criteria);
  const { page, nextCursor } = pageOf(
    { length: result.total, slice: result.slice },
    query,
    queryFingerprint({ audience, ...criteria }),
  );
  const items = page.length ? confirmedPage(index, page, await confirm(page)) : [];
  return {
    items,
    nextCursor,
    total: result.total - (page.length - items.length),
    facets: result.facets,
  };
}

export function searchExperts(q: ExpertSearchQuery): Promise<SearchPage<ExpertSummary>> {
  const { native, ...rest } = q;
  return searchPage(
    'agencies',
    { ...rest, ...(native ? { native: native === 'true' } : {}) },
    currentSummaries,
  );
}

export function listDirectory(q: DirectoryQuery): Promise<SearchPage<DirectoryEntry>> {
  return searchPage('directory', q, currentDirectoryEntries);
}
