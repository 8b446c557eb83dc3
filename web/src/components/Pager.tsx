import { useI18n } from '../i18n.tsx';
import type { CursorPages } from '../useCursorPages.ts';

/** Previous and next over a cursor-paged list; nothing while everything fits on one page. */
export function Pager({
  pages,
}: {
  pages: Pick<CursorPages<unknown, unknown>, 'page' | 'pageNumber' | 'loading' | 'next' | 'previous'>;
}) {
  const { t } = useI18n();
  const { pageNumber, loading } = pages;
  const hasNext = Boolean(pages.page?.nextCursor);
  if (pageNumber <= 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t.pageNumber(pageNumber)}>
      <button
        type="button"
        className="secondary"
        onClick={pages.previous}
        disabled={loading || pageNumber <= 1}
      >
        {t.previousPage}
      </button>
      <span>{t.pageNumber(pageNumber)}</span>
      <button type="button" className="secondary" onClick={pages.next} disabled={loading || !hasNext}>
        {t.nextPage}
      </button>
    </nav>
  );
}
