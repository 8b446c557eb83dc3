/** The open collaboration calls, for anyone: soonest deadline first. */
import { useEffect } from 'react';
import type { PublicCall } from '#shared/domain/call';
import { api } from '../api.ts';
import { CallFacts } from '../components/CallSummary.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useCursorPages } from '../useCursorPages.ts';
import { usePageTitle } from './usePageTitle.ts';

const fetchOpenCalls = (_all: 'open', cursor?: string) => api.openCalls(cursor);

/** The first lines of a description, for the list. */
const excerpt = (text: string, max = 280): string =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max) > 0 ? text.lastIndexOf(' ', max) : max)}…`;

export function CallsPage() {
  const { t } = useI18n();
  usePageTitle(t.publicCallsTitle);
  const results = useCursorPages(fetchOpenCalls);
  const { search } = results;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => search('open'), []);

  return (
    <>
      <h1 tabIndex={-1}>{t.publicCallsTitle}</h1>
      <p className="lead">{t.publicCallsIntro}</p>
      {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {results.page && !results.loading ? (
        results.page.items.length === 0 ? (
          <p role="status">{t.noOpenCalls}</p>
        ) : (
          <ul className="cards">
            {results.page.items.map((call) => (
              <CallCard key={call.id} call={call} />
            ))}
          </ul>
        )
      ) : null}
      <Pager
        pageNumber={results.pageNumber}
        hasNext={Boolean(results.page?.nextCursor)}
        onNext={results.next}
        onPrevious={results.previous}
        disabled={results.loading}
      />
    </>
  );
}

function CallCard({ call }: { call: PublicCall }) {
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={`/calls/${encodeURIComponent(call.id)}`}>{call.title}</Link>
      </h2>
      <CallFacts call={call} />
      <p className="bio">{excerpt(call.description)}</p>
    </li>
  );
}
