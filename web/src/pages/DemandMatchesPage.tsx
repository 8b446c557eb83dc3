/**
 * The ranked experts for one demand, in the server's order (best first, ties by id), each with
 * its score and, on request, the points of every factor, so an officer sees why. Twenty to a page
 * (the API's cursor), and a breakdown's table is built only when it is opened: a phone renders one
 * page of short cards, not every factor of every match. From a row: the full profile (audited) or
 * a draft offer, each in the side panel.
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import type { Demand } from '#shared/domain/demand';
import type { ExpertSummary } from '#shared/domain/expert';
import { ApiError, api, type DemandMatches } from '../api.ts';
import { DemandDetails } from '../components/DemandDetails.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { demandFactorMax, ReasonsBreakdown } from '../components/ReasonsBreakdown.tsx';
import { endStaffSessionIfGone, mayManage, StaffConsole } from '../components/StaffConsole.tsx';
import { useFieldLabel } from '../meta.tsx';
import { countryName } from '../names.ts';
import { Link, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { useResource } from '../useResource.ts';
import { usePageTitle } from './usePageTitle.ts';

const pageSize = 20;

// Opened from a row, so loaded then: the page's first view does not evaluate their forms and schemas.
const ExpertPanel = lazy(() =>
  import('../components/ExpertPanel.tsx').then((m) => ({ default: m.ExpertPanel })),
);
const OfferDraftPanel = lazy(() =>
  import('../components/OfferDraftPanel.tsx').then((m) => ({ default: m.OfferDraftPanel })),
);

type Panel = { kind: 'profile' | 'offer'; expert: ExpertSummary } | null;

export function DemandMatchesPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  usePageTitle(t.matchesTitle);
  return (
    <StaffConsole section="demands" title={t.matchesTitle}>
      {(session) => <Matches demandId={params.id} session={session} />}
    </StaffConsole>
  );
}

function Matches({ demandId, session }: { demandId: string; session: StaffSession }) {
  const { t } = useStaffI18n();
  const loadDemand = useCallback(() => api.demand(demandId), [demandId]);
  const demand = useResource(loadDemand, endStaffSessionIfGone);
  const matches = useCursorPages(
    useCallback((id: string, cursor?: string) => api.demandMatches(id, pageSize, cursor), []),
  );
  const { search } = matches;
  useEffect(() => search(demandId), [search, demandId]);
  useEffect(() => {
    if (matches.failure) endStaffSessionIfGone(matches.failure);
  }, [matches.failure]);
  const [panel, setPanel] = useState<Panel>(null);

  // Closing a panel returns focus to the button that opened it.
  const closePanel = useCallback(() => {
    const opener = panel ? `[data-opens="${panel.kind}-${CSS.escape(panel.expert.id)}"]` : null;
    setPanel(null);
    if (opener) requestAnimationFrame(() => document.querySelector<HTMLElement>(opener)?.focus());
  }, [panel]);

  const failure = demand.failure ?? matches.failure;
  if (failure) {
    return (
      <Notice kind="error">
        {failure instanceof ApiError && failure.status === 404
          ? t.recordNotFound
          : failureMessage(failure, t)}{' '}
        <Link to="/staff/demands">{t.backToDemands}</Link>
      </Notice>
    );
  }
  if (!demand.value) return <Loading label={t.loading} />;
  const current = demand.value.value;
  const canOffer = mayManage(session, current.agency) && current.status === 'open';

  return (
    <>
      <section className="card" aria-labelledby="demand-summary-heading">
        <h2 id="demand-summary-heading">{t.matchesFor(current.title)}</h2>
        <DemandDetails demand={current} brief />
        <p className="actions">
          <Link to={`/staff/demands/${encodeURIComponent(current.id)}`}>{current.title}</Link>
        </p>
      </section>
      <p className="hint">{t.matchesHardFilters}</p>
      {canOffer ? null : <Notice kind="info">{t.draftOfferNotAllowed}</Notice>}
      {matches.loading && !matches.page ? <Loading label={t.loading} /> : null}
      {matches.page ? (
        <MatchList
          matches={matches.page}
          firstRank={(matches.pageNumber - 1) * pageSize + 1}
          canOffer={canOffer}
          openId={panel?.expert.id ?? null}
          onOpen={(kind, expert) => setPanel({ kind, expert })}
        />
      ) : null}
      <Pager pages={matches} />
      <Suspense fallback={<Loading label={t.loading} />}>
        {panel?.kind === 'profile' ? (
          <ExpertPanel
            key={panel.expert.id}
            id={panel.expert.id}
            onClose={closePanel}
            onFailure={endStaffSessionIfGone}
          />
        ) : null}
        {panel?.kind === 'offer' ? (
          <OfferDraft key={panel.expert.id} demand={current} expert={panel.expert} onClose={closePanel} />
        ) : null}
      </Suspense>
    </>
  );
}

/**
 * The offer panel with the agency's policies, loaded when an officer first drafts an offer rather
 * than with the list (most visits to the page draft none); the draft starts from the demand's
 * policies that are active, so it waits for them.
 */
function OfferDraft({
  demand,
  expert,
  onClose,
}: {
  demand: Demand;
  expert: ExpertSummary;
  onClose: () => void;
}) {
  const { t } = useStaffI18n();
  const policies = useResource(api.allPolicies, endStaffSessionIfGone);
  if (policies.failure) return <Notice kind="error">{failureMessage(policies.failure, t)}</Notice>;
  if (!policies.value) return <Loading label={t.loading} />;
  return <OfferDraftPanel demand={demand} expert={expert} policies={policies.value} onClose={onClose} />;
}

/** A disclosure whose content is built when it is first opened, not with the page. */
function OnDemandDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children() : null}
    </details>
  );
}

function MatchList({
  matches,
  firstRank,
  canOffer,
  openId,
  onOpen,
}: {
  matches: DemandMatches;
  /** The rank of the page's first match. */
  firstRank: number;
  canOffer: boolean;
  openId: string | null;
  onOpen: (kind: 'profile' | 'offer', expert: ExpertSummary) => void;
}) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  if (matches.items.length === 0) return <p role="status">{t.noMatches}</p>;
  return (
    <>
      <p role="status">
        {t.matchesSummary(
          firstRank,
          firstRank + matches.items.length - 1,
          matches.total ?? matches.candidates,
        )}
      </p>
      <ol className="match-list">
        {matches.items.map(({ expert, score, reasons }, index) => (
          <li
            key={expert.id}
            className="card match"
            aria-labelledby={`match-${expert.id}`}
            aria-current={openId === expert.id || undefined}
          >
            <div className="match-heading">
              <h2 className="card-title" id={`match-${expert.id}`}>
                <span className="rank">{t.rank(firstRank + index)}</span> {expert.fullName}
              </h2>
              <p className="score">
                <strong>{t.scoreOf(score)}</strong>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${score}%` }} />
                </span>
              </p>
            </div>
            <p className="meta-line">
              {t.degree[expert.highestDegree]}
              {expert.academicTitle !== 'none' ? `, ${t.academicTitleName[expert.academicTitle]}` : ''} ·{' '}
              {[expert.location.city, countryName(expert.location.country, lang)].filter(Boolean).join(', ')}{' '}
              · {t.years(expert.yearsExperience)} · {expert.fields.map((f) => fieldLabel(f.code)).join('; ')}
            </p>
            <OnDemandDetails summary={t.whyMatch}>
              {() => (
                <ReasonsBreakdown
                  reasons={reasons}
                  maxPoints={demandFactorMax}
                  caption={t.reasonsCaption(expert.fullName)}
                />
              )}
            </OnDemandDetails>
            <div className="actions">
              <button
                type="button"
                data-opens={`profile-${expert.id}`}
                onClick={() => onOpen('profile', expert)}
              >
                {t.viewProfile}
              </button>
              {canOffer ? (
                <button
                  type="button"
                  className="primary"
                  data-opens={`offer-${expert.id}`}
                  onClick={() => onOpen('offer', expert)}
                >
                  {t.draftOffer}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
