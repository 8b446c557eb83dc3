/**
 * The full profile of one expert, with contacts, beside the search results. Reading it is
 * audited on the server, so it loads only when an officer opens it. Escape closes it.
 *
 * From here an officer acts on the profile: drafts an offer for one of the agency's open demands
 * (the draft panel of the matches page, with this expert filled in), copies the contact details
 * (they came with the audited read; nothing else is fetched) and prints the profile (the print
 * stylesheet shows this panel alone, without buttons).
 */

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Demand } from '#shared/domain/demand';
import { type ExpertProfile, toSummary } from '#shared/domain/expert';
import type { Policy } from '#shared/domain/policy';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import { staffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { FormErrorsProvider, SelectField } from './controls.tsx';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { ProfileDetails } from './ProfileDetails.tsx';
import { endStaffSessionIfGone } from './StaffConsole.tsx';

const OfferDraftPanel = lazy(() =>
  import('./OfferDraftPanel.tsx').then((m) => ({ default: m.OfferDraftPanel })),
);

export function ExpertPanel({
  id,
  onClose,
  onFailure,
  offerFromHere = false,
}: {
  id: string;
  onClose: () => void;
  onFailure: (error: unknown) => void;
  /** Offer "draft an offer" (the search page); the matches page has its own per row. */
  offerFromHere?: boolean;
}) {
  const { t } = useStaffI18n();
  const [profile, setProfile] = useState<ExpertProfile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [choosing, setChoosing] = useState(false);
  const [drafting, setDrafting] = useState<{ demand: Demand; policies: Policy[] } | null>(null);
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
    // While the offer draft is open above it, Escape is the draft's.
    if (drafting) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose, drafting]);

  const closeDraft = useCallback(() => {
    setDrafting(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#offer-from-profile')?.focus());
  }, []);

  return (
    <section className="panel printable" aria-labelledby="expert-panel-title">
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
      {profile ? (
        <>
          <ProfileActions
            profile={profile}
            offerFromHere={offerFromHere}
            choosing={choosing}
            onChoose={() => setChoosing((open) => !open)}
          />
          {choosing ? <DemandChoice onChosen={setDrafting} /> : null}
          <ProfileDetails profile={profile} showContacts />
        </>
      ) : null}
      {profile && drafting ? (
        <Suspense fallback={<Loading label={t.loading} />}>
          <OfferDraftPanel
            demand={drafting.demand}
            expert={toSummary(profile)}
            policies={drafting.policies}
            onClose={closeDraft}
          />
        </Suspense>
      ) : null}
    </section>
  );
}

function ProfileActions({
  profile,
  offerFromHere,
  choosing,
  onChoose,
}: {
  profile: ExpertProfile;
  offerFromHere: boolean;
  choosing: boolean;
  onChoose: () => void;
}) {
  const { t } = useStaffI18n();
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const contacts = t.contactsText(profile.fullName, profile.email, profile.phone ?? '');

  async function copyContacts() {
    try {
      await navigator.clipboard.writeText(contacts);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="no-print">
      <div className="actions">
        {offerFromHere ? (
          <button
            type="button"
            id="offer-from-profile"
            className="primary"
            aria-expanded={choosing}
            aria-controls="offer-demand-choice"
            onClick={onChoose}
          >
            {t.draftOffer}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={copyContacts}>
          {t.copyContacts}
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t.printProfile}
        </button>
      </div>
      <div role="status">
        {copy === 'copied' ? <Notice kind="success">{t.contactsCopied}</Notice> : null}
        {copy === 'failed' ? (
          <Notice kind="error">
            <p>{t.copyFailed}</p>
            <pre className="contacts-copy">{contacts}</pre>
          </Notice>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The agency's open demands (an administrator's: every agency's), to draft the offer for one.
 * The policies come with them: the draft panel offers those that apply.
 */
function DemandChoice({ onChosen }: { onChosen: (chosen: { demand: Demand; policies: Policy[] }) => void }) {
  const { t } = useStaffI18n();
  const [demands, setDemands] = useState<Demand[] | null>(null);
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    const session = staffSession();
    const agency = session?.role === 'admin' ? undefined : session?.agency || undefined;
    let current = true;
    Promise.all([api.demands({ status: 'open', agency, limit: 100 }), api.allPolicies()]).then(
      ([page, all]) => {
        if (!current) return;
        setDemands(page.items);
        setPolicies(all);
        setChosen(page.items[0]?.id ?? '');
      },
      (error: unknown) => {
        if (!current) return;
        endStaffSessionIfGone(error);
        setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  if (failure) return <Notice kind="error">{failureMessage(failure, t)}</Notice>;
  if (!demands) return <Loading label={t.loading} />;
  if (demands.length === 0) {
    return (
      <div id="offer-demand-choice" className="no-print">
        <p>{t.noOpenDemands}</p>
        <Link to="/staff/demands/new">{t.newDemandLink}</Link>
      </div>
    );
  }
  const demand = demands.find((d) => d.id === chosen);
  return (
    <form
      id="offer-demand-choice"
      className="no-print"
      onSubmit={(event) => {
        event.preventDefault();
        if (demand) onChosen({ demand, policies });
      }}
    >
      <FormErrorsProvider idPrefix="offer-demand" errors={{}}>
        <SelectField
          path="demandId"
          label={t.chooseDemandForOffer}
          value={chosen}
          onChange={setChosen}
          required
          options={demands.map((d) => ({ value: d.id, label: d.title }))}
        />
      </FormErrorsProvider>
      <p className="hint">{t.chooseDemandHint}</p>
      <div className="actions">
        <button type="submit" className="primary">
          {t.continueToOffer}
        </button>
      </div>
    </form>
  );
}
