/**
 * Staff sign-in: straight on to the OpenID provider's login page (Cognito's managed login in AWS,
 * the local provider under `npm start`), coming back to the page the officer wanted
 * (`?returnTo=`). The app itself never asks for a password.
 */
import { useEffect, useState } from 'react';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { navigate } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function StaffLoginPage() {
  const { t } = useI18n();
  const meta = useMeta();
  usePageTitle(t.staffLoginTitle);
  const [failure, setFailure] = useState<unknown>(null);
  const config = meta.staffSignIn;

  useEffect(() => {
    if (!config) return;
    const returnTo = new URLSearchParams(window.location.search).get('returnTo') ?? '/staff/search';
    import('../staff-auth.ts').then(({ signInStaff }) => signInStaff(config, returnTo)).catch(setFailure);
  }, [config]);

  return (
    <>
      <h1 tabIndex={-1}>{t.staffLoginTitle}</h1>
      <p>{t.staffLoginIntro}</p>
      {!config ? <Notice kind="error">{t.staffSignInUnavailable}</Notice> : null}
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
      {config && !failure ? <Loading label={t.staffSigningIn} /> : null}
    </>
  );
}

let completing: Promise<string> | undefined;

/** /staff/callback: the provider sends the code here; the session starts, or a clear error shows. */
export function StaffCallbackPage() {
  const { t } = useI18n();
  const meta = useMeta();
  usePageTitle(t.staffCallbackTitle);
  const [failed, setFailed] = useState(false);
  const config = meta.staffSignIn;

  useEffect(() => {
    if (!config) return;
    // Once per page load: a code and its state are single use (React may run an effect twice).
    completing ??= import('../staff-auth.ts').then(({ completeStaffSignIn }) => completeStaffSignIn(config));
    completing.then(
      // Replaces the callback URL (code and state) in the history.
      (returnTo) => navigate(returnTo, { replace: true }),
      () => {
        window.history.replaceState(null, '', '/staff/callback');
        setFailed(true);
      },
    );
  }, [config]);

  if (!config || failed) {
    return (
      <>
        <h1 tabIndex={-1}>{t.staffLoginTitle}</h1>
        <Notice kind="error">{config ? t.staffCallbackFailed : t.staffSignInUnavailable}</Notice>
        <SignInAgain label={t.staffSignInAgain} />
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>{t.staffCallbackTitle}</h1>
      <Loading label={t.loading} />
    </>
  );
}

/** /staff/signed-out: where the provider sends the officer after signing out there too. */
export function StaffSignedOutPage() {
  const { t } = useI18n();
  usePageTitle(t.staffSignedOutTitle);
  return (
    <>
      <h1 tabIndex={-1}>{t.staffSignedOutTitle}</h1>
      <Notice kind="success">{t.loggedOut}</Notice>
      <SignInAgain label={t.staffSignInAgain} />
    </>
  );
}

/** A full page load of the sign-in page: a fresh start of the flow (new state and PKCE verifier). */
function SignInAgain({ label }: { label: string }) {
  return (
    <p>
      <a href="/staff/login" className="button primary">
        {label}
      </a>
    </p>
  );
}
