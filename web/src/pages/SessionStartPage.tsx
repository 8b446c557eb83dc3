/**
 * Opened from a mail link: exchanges the one-time token from the URL fragment for a session and
 * goes to the page the link was mailed for (an offer, a call: the server keeps it with the token,
 * and it is checked against the same allow-list here), else where the expert was headed before
 * logging in, else to the self-service page. The fragment was already removed from the address
 * bar. An expired link offers a fresh one, mailed to the same address for the same page.
 */
import { useEffect, useState } from 'react';
import { isReturnPath } from '#shared/domain/return-path';
import { ApiError, api, type SessionStart } from '../api.ts';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { saveExpertSession, saveReturnPath, takeReturnPath } from '../session.ts';
import { usePageTitle } from './usePageTitle.ts';

// A login token is single-use: one exchange per token even if the effect runs twice.
const exchanges = new Map<string, Promise<SessionStart>>();

function exchange(token: string): Promise<SessionStart> {
  let pending = exchanges.get(token);
  if (!pending) {
    pending = api.startSession(token);
    exchanges.set(token, pending);
  }
  return pending;
}

const isExpired = (error: unknown) =>
  error instanceof ApiError &&
  error.status === 401 &&
  error.details.some((d) => d.message === 'link_expired');

export function SessionStartPage({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useI18n();
  usePageTitle(t.signingIn);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    exchange(token).then(
      (session) => {
        if (!current) return;
        saveExpertSession({ sessionToken: session.sessionToken, expiresAt: session.expiresAt });
        onDone();
        const saved = takeReturnPath();
        navigate(isReturnPath(session.returnTo) ? session.returnTo : (saved ?? '/me'), { replace: true });
      },
      (error: unknown) => {
        if (!current) return;
        // The page the link was opened at is kept for the next link asked for from here.
        saveReturnPath(window.location.pathname);
        setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [token, onDone]);

  if (!failure) return <Loading label={t.signingIn} />;
  if (isExpired(failure)) return <ExpiredLink token={token} />;
  const linkUnusable = failure instanceof ApiError && (failure.status === 401 || failure.status === 400);
  return (
    <>
      <h1 tabIndex={-1}>{t.loginTitle}</h1>
      <Notice kind="error">{linkUnusable ? t.linkInvalid : failureMessage(failure, t)}</Notice>
      <p>
        <Link to="/login">{t.requestNewLink}</Link>
      </p>
    </>
  );
}

function ExpiredLink({ token }: { token: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'ready' | 'sending' | 'sent'>('ready');
  const [failure, setFailure] = useState<unknown>(null);

  async function renew() {
    setState('sending');
    setFailure(null);
    try {
      await api.renewLoginLink(token);
      setState('sent');
    } catch (error) {
      setFailure(error);
      setState('ready');
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t.linkExpiredTitle}</h1>
      {state === 'sent' ? (
        <Notice kind="success">{t.linkRenewed}</Notice>
      ) : (
        <>
          <p className="lead">{t.linkExpiredBody}</p>
          {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
          <div className="actions">
            <button type="button" className="primary" onClick={renew} disabled={state === 'sending'}>
              {state === 'sending' ? t.sending : t.renewLink}
            </button>
          </div>
        </>
      )}
      <p>
        {t.linkExpiredOther} <Link to="/login">{t.requestNewLink}</Link>
      </p>
    </>
  );
}
