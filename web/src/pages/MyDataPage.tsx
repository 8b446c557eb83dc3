/**
 * Everything held about the expert (GET /api/me/export) as a page a person can read and print:
 * in their language, with labels instead of codes and times in Vietnam time. The JSON download
 * on the profile page stays for machines.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod/mini';
import type { expertDataExportSchema } from '#shared/domain/me-views';
import { ApiError, api } from '../api.ts';
import { consentPurposes } from '../components/ConsentChoices.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { ProfileDetails } from '../components/ProfileDetails.tsx';
import { formatTime, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { endExpertSession } from './MePage.tsx';
import { usePageTitle } from './usePageTitle.ts';

type ExpertDataExport = z.infer<typeof expertDataExportSchema>;

export function MyDataPage() {
  const { t, lang } = useI18n();
  const places = usePlaceNames();
  usePageTitle(t.myDataPageTitle);
  const [data, setData] = useState<ExpertDataExport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    api.exportMe().then(
      (exported) => setData(exported as ExpertDataExport),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) endExpertSession('sessionExpired');
        else setFailure(error);
      },
    );
  }, []);

  if (failure) return <Notice kind="error">{failureMessage(failure, t)}</Notice>;
  if (!data) return <Loading label={t.loading} />;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  return (
    <article className="my-data">
      <h1 tabIndex={-1}>{t.myDataPageTitle}</h1>
      <p>{t.myDataPageIntro(formatTime(data.exportedAt, lang))}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
        <Link to="/me">{t.backToProfile}</Link>
      </div>

      <section aria-labelledby="my-data-profile">
        <h2 id="my-data-profile">{t.myDataProfile}</h2>
        <ProfileDetails profile={data.profile} showContacts />
      </section>

      <section aria-labelledby="my-data-consent">
        <h2 id="my-data-consent">{t.myDataConsentHistory}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.myDataWhen}</th>
                {consentPurposes.map((purpose) => (
                  <th key={purpose} scope="col">
                    {t.consentPurposeName[purpose]}
                  </th>
                ))}
                <th scope="col">{t.myDataTextVersion}</th>
              </tr>
            </thead>
            <tbody>
              {data.consentHistory.map((record) => (
                <tr key={record.at}>
                  <td>{formatTime(record.at, lang)}</td>
                  {consentPurposes.map((purpose) => (
                    <td key={purpose}>{yesNo(record[purpose])}</td>
                  ))}
                  <td>{record.textVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="my-data-views">
        <h2 id="my-data-views">{t.myDataProfileViews}</h2>
        {data.profileViews.length === 0 ? (
          <p>{t.myDataNone}</p>
        ) : (
          <ul>
            {data.profileViews.map((view, index) => (
              // Two reads by one agency can share a second: the position keeps the keys apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={`${view.at}-${index}`}>
                {formatTime(view.at, lang)} —{' '}
                {view.agency ? places.agency(view.agency) : t.myDataAdministrator}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-data-offers">
        <h2 id="my-data-offers">{t.myDataOffers}</h2>
        {data.offers.length === 0 ? (
          <p>{t.myDataNone}</p>
        ) : (
          <ul>
            {data.offers.map((offer) => (
              <li key={offer.id}>
                <strong>{offer.demand.title}</strong> — {places.agency(offer.agency)} ·{' '}
                {t.offerStatusName[offer.status]} · {formatVnd(offer.packageValueVnd)} ·{' '}
                {t.myDataOfferUntil(formatTime(offer.expiresAt, lang))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-data-calls">
        <h2 id="my-data-calls">{t.myDataCallResponses}</h2>
        {data.callResponses.length === 0 ? (
          <p>{t.myDataNone}</p>
        ) : (
          <ul>
            {data.callResponses.map((response) => (
              <li key={response.callId}>
                <Link to={`/calls/${encodeURIComponent(response.callId)}`}>{t.myDataCall}</Link> —{' '}
                {formatTime(response.respondedAt, lang)}: {response.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
