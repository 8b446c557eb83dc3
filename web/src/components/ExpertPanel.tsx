/**
 * The full profile of one expert, with contacts, beside the search results. Reading it is
 * audited on the server, so it loads only when an officer opens it. Escape closes it.
 */

import { useEffect, useRef, useState } from 'react';
import type { ExpertProfile } from '#shared/domain/expert';
import { api } from '../api.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { ProfileDetails } from './ProfileDetails.tsx';

export function ExpertPanel({
  id,
  onClose,
  onFailure,
}: {
  id: string;
  onClose: () => void;
  onFailure: (error: unknown) => void;
}) {
  const { t } = useStaffI18n();
  const [profile, setProfile] = useState<ExpertProfile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    setProfile(null);
    setFailure(null);
    api.expert(id).then(
      (loaded) => {
        if (current) setProfile(loaded);
      },
      (error: unknown) => {
        if (!current) return;
        setFailure(error);
        onFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [id, onFailure]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <section className="panel" aria-labelledby="expert-panel-title">
      <div className="panel-heading">
        <h2 id="expert-panel-title" ref={heading} tabIndex={-1}>
          {profile?.fullName ?? t.profilePanelTitle}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="hint">{t.auditedNotice}</p>
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
      {!profile && !failure ? <Loading label={t.loading} /> : null}
      {profile ? <ProfileDetails profile={profile} showContacts /> : null}
    </section>
  );
}
