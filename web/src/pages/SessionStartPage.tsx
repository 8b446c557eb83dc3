/**
 * Opened from a mail link: exchanges the one-time token from the URL fragment for a session and
 * goes where the expert was headed before logging in (a call to answer), else to the self-service
 * page. The fragment was already removed from the address bar.
 */
import { useEffect, useState } from 'react';
import { ApiError, api, type SessionStart } from '../api.ts';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { saveExpertSession, takeReturnPath } from '../session.ts';
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
        navigate(takeReturnPath() ?? '/me', { replace: true });
      },
      (error: unknown) => {
        if (current) setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [token, onDone]);

  if (!failure) return <Loading label={t.signingIn} />;
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
