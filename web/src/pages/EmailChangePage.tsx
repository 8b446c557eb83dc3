/**
 * The page the confirmation link of a change of address opens (/me/email-change#token=...). The
 * token is in the fragment, which no server or log sees; the page asks before it acts, so a mail
 * scanner that opens links changes nothing. No session is needed: the link is often opened where
 * the new address's mail is read.
 */
import { useState } from 'react';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

function takeTokenFromUrl(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

export function EmailChangePage() {
  const { t } = useI18n();
  usePageTitle(t.emailConfirmTitle);
  const [token] = useState(takeTokenFromUrl);
  const [state, setState] = useState<'ready' | 'working' | 'invalid' | 'taken' | 'failed'>(
    token ? 'ready' : 'invalid',
  );
  const [changedTo, setChangedTo] = useState<string | null>(null);

  async function confirm() {
    if (!token) return;
    setState('working');
    try {
      setChangedTo((await api.confirmEmailChange(token)).email);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setState(status === 404 || status === 400 ? 'invalid' : status === 409 ? 'taken' : 'failed');
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t.emailConfirmTitle}</h1>
      {changedTo ? (
        <>
          <Notice kind="success">{t.emailConfirmDone(changedTo)}</Notice>
          <p>
            <Link to="/me">{t.navMyProfile}</Link>
          </p>
        </>
      ) : state === 'invalid' || state === 'taken' ? (
        <Notice kind="error">
          {state === 'taken' ? t.emailConfirmTaken : t.emailConfirmInvalid}{' '}
          <Link to="/me">{t.navMyProfile}</Link>
        </Notice>
      ) : (
        <>
          <p className="lead">{t.emailConfirmBody}</p>
          {state === 'failed' ? <Notice kind="error">{t.genericError}</Notice> : null}
          <button type="button" className="primary" onClick={confirm} disabled={state === 'working'}>
            {state === 'working' ? t.emailConfirmWorking : t.emailConfirmButton}
          </button>
        </>
      )}
    </>
  );
}
