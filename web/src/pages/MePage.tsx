/**
 * Self-service for a logged-in expert: see and edit the profile, change consents, export or
 * delete everything, log out. Each data-subject right is one button away and takes effect at once.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExpertProfile } from '#shared/domain/expert';
import { ApiError, api, type Versioned } from '../api.ts';
import { ConsentSettings } from '../components/ConsentSettings.tsx';
import { DeleteProfile } from '../components/DeleteProfile.tsx';
import { EmailChange } from '../components/EmailChange.tsx';
import { MyMatches } from '../components/MyMatches.tsx';
import { MyOffers } from '../components/MyOffers.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { ProfileDetails } from '../components/ProfileDetails.tsx';
import { ProfileEditor } from '../components/ProfileEditor.tsx';
import { formatTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { clearExpertSession, expertSession } from '../session.ts';
import { usePageTitle } from './usePageTitle.ts';

/** A 401 on an expert route means the session is gone: start again from the login page. */
export function endExpertSession(flash: 'sessionExpired' | 'loggedOut' | 'profileDeleted'): void {
  clearExpertSession();
  navigate(flash === 'sessionExpired' ? '/login' : '/', { flash });
}

/** Signs out at the server (here or everywhere), then here; a server that is unreachable still signs out here. */
async function signOut(everywhere: boolean): Promise<void> {
  await api.endSession(everywhere).catch(() => undefined);
  endExpertSession('loggedOut');
}

/** Sections show their own errors; a lost session, though, ends the page. */
function endSessionIfGone(error: unknown): boolean {
  const gone = error instanceof ApiError && error.status === 401;
  if (gone) endExpertSession('sessionExpired');
  return gone;
}

export function MePage() {
  const { t, lang } = useI18n();
  usePageTitle(t.meTitle);
  const [loaded, setLoaded] = useState<Versioned<ExpertProfile> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  const hasSession = expertSession() !== null;
  const profileHeading = useRef<HTMLHeadingElement>(null);
  const shownEditing = useRef(editing);

  // Opening or closing the editor replaces what had focus: continue from the section's heading.
  useEffect(() => {
    if (shownEditing.current === editing) return;
    shownEditing.current = editing;
    profileHeading.current?.focus();
  }, [editing]);

  const load = useCallback(() => {
    setFailure(null);
    api.me().then(setLoaded, (error: unknown) => {
      if (!endSessionIfGone(error)) setFailure(error);
    });
  }, []);

  useEffect(() => {
    if (hasSession) load();
  }, [hasSession, load]);

  // A link such as /me#consent-collaborationCalls (from a call that needs that consent) lands on
  // its control once the page has it.
  const profileShown = loaded !== null;
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (profileShown && target) document.getElementById(target)?.focus();
  }, [profileShown]);

  if (!hasSession) {
    return (
      <>
        <h1 tabIndex={-1}>{t.meTitle}</h1>
        <Notice kind="info">{t.needLogin}</Notice>
        <p>
          <Link to="/login" className="button primary">
            {t.actionLogin}
          </Link>
        </p>
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <h1 tabIndex={-1}>{t.meTitle}</h1>
        {failure ? (
          <Notice kind="error">
            {failureMessage(failure, t)}{' '}
            <button type="button" onClick={load}>
              {t.retry}
            </button>
          </Notice>
        ) : (
          <Loading label={t.loading} />
        )}
      </>
    );
  }

  const profile = loaded.value;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t.meTitle}</h1>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => signOut(false)}>
            {t.logout}
          </button>
          <button type="button" className="secondary" onClick={() => signOut(true)}>
            {t.logoutEverywhere}
          </button>
        </div>
      </div>
      <p className="meta-line">
        {t.statusLabel}: {t.status[profile.status]} · {t.lastUpdated}: {formatTime(profile.updatedAt, lang)}
      </p>
      {savedNotice ? <Notice kind="success">{t.saved}</Notice> : null}

      <section aria-labelledby="profile-heading" className="card">
        <h2 id="profile-heading" ref={profileHeading} tabIndex={-1}>
          {editing ? t.editProfileTitle : profile.fullName}
        </h2>
        {editing ? (
          <ProfileEditor
            loaded={loaded}
            onSaved={(updated) => {
              setLoaded(updated);
              setEditing(false);
              setSavedNotice(true);
            }}
            onCancel={() => setEditing(false)}
            onReload={load}
            onSessionLost={() => endExpertSession('sessionExpired')}
          />
        ) : (
          <>
            <ProfileDetails profile={profile} showContacts />
            <button
              type="button"
              className="primary"
              onClick={() => {
                setSavedNotice(false);
                setEditing(true);
              }}
            >
              {t.editProfile}
            </button>
          </>
        )}
      </section>

      <EmailChange onFailure={endSessionIfGone} />
      <MyOffers onFailure={endSessionIfGone} />
      <MyMatches onFailure={endSessionIfGone} />
      <ConsentSettings profile={profile} onChanged={load} onFailure={endSessionIfGone} />
      <DeleteProfile onDeleted={() => endExpertSession('profileDeleted')} onFailure={endSessionIfGone} />
    </>
  );
}
