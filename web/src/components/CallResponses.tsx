/** Who responded to a call, with their messages; each responder's full profile opens beside. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type CallResponseForStaff } from '../api.ts';
import { formatTime } from '../format.ts';
import { countryName } from '../names.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { ExpertPanel } from './ExpertPanel.tsx';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { Pager } from './Pager.tsx';
import { endStaffSessionIfGone, staffRequest } from './StaffConsole.tsx';

const fetchResponses = (callId: string, cursor?: string) => staffRequest(api.callResponses(callId, cursor));

export function CallResponses({ callId }: { callId: string }) {
  const { t } = useStaffI18n();
  const results = useCursorPages(fetchResponses);
  const { search } = results;
  const [openId, setOpenId] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is new on every render; the call decides
  useEffect(() => search(callId), [callId]);
  const closePanel = useCallback(() => {
    const opener = openId ? `[data-opens="profile-${CSS.escape(openId)}"]` : null;
    setOpenId(null);
    if (opener) requestAnimationFrame(() => document.querySelector<HTMLElement>(opener)?.focus());
  }, [openId]);

  const forbidden = results.failure instanceof ApiError && results.failure.status === 403;
  return (
    <section className="card" aria-labelledby="responses-heading">
      <div className="page-heading">
        <h2 id="responses-heading">{t.responsesTitle}</h2>
        <button
          type="button"
          className="secondary small"
          onClick={() => search(callId)}
          disabled={results.loading}
        >
          {t.reload}
        </button>
      </div>
      {results.failure ? (
        <Notice kind="error">{forbidden ? t.responsesForbidden : failureMessage(results.failure, t)}</Notice>
      ) : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p role="status">{t.noResponses}</p>
        ) : (
          <ResponsesTable responses={results.page.items} onOpen={setOpenId} />
        )
      ) : null}
      <Pager pages={results} />
      {openId ? (
        <ExpertPanel
          key={openId}
          id={openId}
          onClose={closePanel}
          onFailure={endStaffSessionIfGone}
          offerFromHere
        />
      ) : null}
    </section>
  );
}

function ResponsesTable({
  responses,
  onOpen,
}: {
  responses: CallResponseForStaff[];
  onOpen: (expertId: string) => void;
}) {
  const { t, lang } = useStaffI18n();
  return (
    <table className="results listing">
      <caption>{t.responsesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colDegree}</th>
          <th scope="col">{t.colLocation}</th>
          <th scope="col">{t.respondedAt}</th>
          <th scope="col">{t.responseMessageCol}</th>
        </tr>
      </thead>
      <tbody>
        {responses.map(({ expert, message, respondedAt }) => (
          <tr key={expert.id}>
            <td data-label={t.colName}>
              <strong>{expert.fullName}</strong>
              <br />
              <button
                type="button"
                className="secondary small"
                data-opens={`profile-${expert.id}`}
                onClick={() => onOpen(expert.id)}
              >
                {t.viewProfile}
              </button>
            </td>
            <td data-label={t.colDegree}>
              {t.degree[expert.highestDegree]}
              {expert.academicTitle !== 'none' ? `, ${t.academicTitleName[expert.academicTitle]}` : ''}
            </td>
            <td data-label={t.colLocation}>
              {[expert.location.city, countryName(expert.location.country, lang)].filter(Boolean).join(', ')}
            </td>
            <td data-label={t.respondedAt}>{formatTime(respondedAt, lang)}</td>
            <td data-label={t.responseMessageCol} className="bio">
              {message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
