import { useI18n } from '../i18n.tsx';

export function Pager({
  pageNumber,
  hasNext,
  onNext,
  onPrevious,
  disabled,
}: {
  pageNumber: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  if (pageNumber <= 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t.pageNumber(pageNumber)}>
      <button type="button" className="secondary" onClick={onPrevious} disabled={disabled || pageNumber <= 1}>
        {t.previousPage}
      </button>
      <span>{t.pageNumber(pageNumber)}</span>
      <button type="button" className="secondary" onClick={onNext} disabled={disabled || !hasNext}>
        {t.nextPage}
      </button>
    </nav>
  );
}
