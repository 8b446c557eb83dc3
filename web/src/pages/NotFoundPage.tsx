import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t.notFoundTitle);
  return (
    <>
      <h1 tabIndex={-1}>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p>
        <Link to="/">{t.backHome}</Link>
      </p>
    </>
  );
}
