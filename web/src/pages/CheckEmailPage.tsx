import { useI18n } from '../i18n.tsx';
import { historyState, Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** The same page after registering and after asking for a login link: it never tells whether an address is known. */
export function CheckEmailPage() {
  const { t } = useI18n();
  usePageTitle(t.checkEmailTitle);
  // Only this tab's history entry holds it: never in the URL, so never in a server log.
  const sentTo = historyState('sentTo');
  const origin = historyState('from');
  return (
    <>
      <h1 tabIndex={-1}>{t.checkEmailTitle}</h1>
      <p className="lead">{t.checkEmailBody}</p>
      {sentTo ? (
        <p>
          {t.checkEmailSentTo} <strong>{sentTo}</strong>. {t.checkEmailWrongAddress}{' '}
          <Link to={origin === 'register' ? '/register' : '/login'}>
            {origin === 'register' ? t.navRegister : t.loginTitle}
          </Link>
        </p>
      ) : null}
      <p>
        {t.checkEmailSpam} <Link to="/login">{t.requestNewLink}</Link>
      </p>
    </>
  );
}
