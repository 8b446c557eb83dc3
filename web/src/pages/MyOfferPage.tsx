/**
 * One offer sent to the expert, where the offer mail's sign-in link lands (/me/offers/<id>): the
 * same card as on the self-service page, answerable here. Without a session the expert logs in by
 * e-mail and the mailed link comes back here (the return path travels with the request).
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type ExpertOffer } from '../api.ts';
import { MyOffer } from '../components/MyOffers.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import { expertSession, saveReturnPath } from '../session.ts';
import { endExpertSession } from './MePage.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** The offer among the expert's own (an expert has a handful; pages of 100 are read until found). */
async function findMyOffer(id: string): Promise<ExpertOffer | null> {
  let cursor: string | undefined;
  do {
    const page = await api.myOffers(cursor, 100);
    const found = page.items.find((offer) => offer.id === id);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}

export function MyOfferPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const path = `/me/offers/${params.id}`;
  const [offer, setOffer] = useState<ExpertOffer | null | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const hasSession = expertSession() !== null;
  usePageTitle(offer ? offer.demand.title : t.myOfferTitle);

  /** A lost session: log in again and come back to this offer. */
  const sessionGone = useCallback(
    (error: unknown): boolean => {
      if (!(error instanceof ApiError && error.status === 401)) return false;
      saveReturnPath(path);
      endExpertSession('sessionExpired');
      return true;
    },
    [path],
  );

  const load = useCallback(() => {
    setFailure(null);
    findMyOffer(params.id).then(setOffer, (error: unknown) => {
      if (!sessionGone(error)) setFailure(error);
    });
  }, [params.id, sessionGone]);

  useEffect(() => {
    if (hasSession) load();
  }, [hasSession, load]);

  if (!hasSession) {
    return (
      <>
        <h1 tabIndex={-1}>{t.myOfferTitle}</h1>
        <Notice kind="info">{t.needLogin}</Notice>
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              saveReturnPath(path);
              navigate('/login');
            }}
          >
            {t.actionLogin}
          </button>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>{t.myOfferTitle}</h1>
      {failure ? (
        <Notice kind="error">
          {failureMessage(failure, t)}{' '}
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </Notice>
      ) : offer === undefined ? (
        <Loading label={t.loading} />
      ) : offer === null ? (
        <Notice kind="info">{t.offerNotFound}</Notice>
      ) : (
        <ul className="plain offer-list">
          <MyOffer offer={offer} onAnswered={setOffer} onFailure={sessionGone} headingLevel={2} />
        </ul>
      )}
      <p>
        <Link to="/me">{t.allMyOffers}</Link>
      </p>
    </>
  );
}
