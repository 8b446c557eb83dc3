import { useState } from 'react';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

/**
 * The page a call mail's unsubscribe link opens (issue #13, item 9). The token is in the fragment,
 * which no server or log sees, and the page asks before it acts: a mail scanner that opens links
 * unsubscribes no one. Mail clients with one-click support POST to the API directly (RFC 8058).
 */
export function UnsubscribePage() {
  const { t } = useI18n();
  usePageTitle(t.unsubscribeTitle);
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  const [state, setState] = useState<'ready' | 'working' | 'done' | 'already' | 'invalid' | 'failed'>(
    token ? 'ready' : 'invalid',
  );

  const unsubscribe = async () => {
    if (!token) return;
    setState('working');
    try {
      const result = await api.unsubscribe(token);
      setState(result.changed ? 'done' : 'already');
    } catch (error) {
      setState(
        error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'invalid' : 'failed',
      );
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t.unsubscribeTitle}</h1>
      {state === 'done' || state === 'already' ? (
        <>
          <Notice kind="success">{state === 'done' ? t.unsubscribeDone : t.unsubscribeAlready}</Notice>
          <p>
            {t.unsubscribeChangeLater} <Link to="/me">{t.navMyProfile}</Link>
          </p>
        </>
      ) : state === 'invalid' ? (
        <Notice kind="error">
          {t.unsubscribeInvalid} <Link to="/login">{t.navMyProfile}</Link>
        </Notice>
      ) : (
        <>
          <p className="lead">{t.unsubscribeBody}</p>
          {state === 'failed' ? <Notice kind="error">{t.genericError}</Notice> : null}
          <button type="button" className="primary" onClick={unsubscribe} disabled={state === 'working'}>
            {state === 'working' ? t.unsubscribeWorking : t.unsubscribeButton}
          </button>
        </>
      )}
    </>
  );
}
