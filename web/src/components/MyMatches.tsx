/**
 * Open calls and open demands that fit the expert's profile, best first, each with the reasons
 * of its score. A call links to its page, where the expert responds.
 */
import { useEffect } from 'react';
import { api, type MyMatch } from '../api.ts';
import { formatDay, provinceDayOf } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useResource } from '../useResource.ts';
import { failureMessage, Loading, Notice } from './Notice.tsx';
import { callFactorMax, demandFactorMax, ReasonsBreakdown } from './ReasonsBreakdown.tsx';

export function MyMatches({ onFailure }: { onFailure: (error: unknown) => boolean }) {
  const { t } = useI18n();
  const matches = useResource(api.myMatches);
  useEffect(() => {
    if (matches.failure) onFailure(matches.failure);
  }, [matches.failure, onFailure]);

  return (
    <section aria-labelledby="matches-heading" className="card">
      <h2 id="matches-heading">{t.myMatchesTitle}</h2>
      <p className="hint">{t.myMatchesIntro}</p>
      {matches.failure ? <Notice kind="error">{failureMessage(matches.failure, t)}</Notice> : null}
      {matches.loading ? <Loading label={t.loading} /> : null}
      {matches.value && !matches.loading ? (
        matches.value.items.length === 0 ? (
          <p>{t.noMyMatches}</p>
        ) : (
          <ol className="plain my-matches">
            {matches.value.items.map((match) => (
              <MyMatchItem
                key={`${match.kind}-${match.kind === 'call' ? match.call.id : match.demand.id}`}
                match={match}
              />
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}

function MyMatchItem({ match }: { match: MyMatch }) {
  const { t, lang } = useI18n();
  const names = usePlaceNames();
  const fieldLabel = useFieldLabel();
  const title = match.kind === 'call' ? match.call.title : match.demand.title;
  return (
    <li className="match">
      <div className="match-heading">
        <h3 className="card-title">
          <span className="tag">{t.matchKind[match.kind]}</span>{' '}
          {match.kind === 'call' ? (
            <Link to={`/calls/${encodeURIComponent(match.call.id)}`}>{title}</Link>
          ) : (
            title
          )}
        </h3>
        <p className="score">
          <strong>{t.scoreOf(match.score)}</strong>
          <span className="bar" aria-hidden="true">
            <span style={{ width: `${match.score}%` }} />
          </span>
        </p>
      </div>
      <p className="meta-line">
        {match.kind === 'call'
          ? [
              t.callDeadline(formatDay(provinceDayOf(match.call.openUntil), lang)),
              t.engagementName[match.call.engagement],
              match.call.fieldCodes.map(fieldLabel).join('; '),
            ].join(' · ')
          : [
              names.agency(match.demand.agency),
              names.zone(match.demand.zone),
              t.engagementName[match.demand.engagement],
              match.demand.openUntil ? `${t.openUntil}: ${formatDay(match.demand.openUntil, lang)}` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
      </p>
      {match.kind === 'demand' ? <p className="hint">{t.demandMatchHint}</p> : null}
      <details>
        <summary>{t.whyMatch}</summary>
        <ReasonsBreakdown
          reasons={match.reasons}
          maxPoints={match.kind === 'call' ? callFactorMax : demandFactorMax}
          caption={t.reasonsCaption(title)}
        />
      </details>
    </li>
  );
}
