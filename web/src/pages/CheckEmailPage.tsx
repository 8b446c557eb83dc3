import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** The same page after registering and after asking for a login link: it never tells whether an address is known. */
export function CheckEmailPage() {
  const { t } = useI18n();
  usePageTitle(t.checkEmailTitle);
  return (
    <>
      <h1 tabIndex={-1}>{t.checkEmailTitle}</h1>
      <p className="lead">{t.checkEmailBody}</p>
      <p>
        {t.checkEmailSpam} <Link to="/login">{t.requestNewLink}</Link>
      </p>
    </>
  );
}
