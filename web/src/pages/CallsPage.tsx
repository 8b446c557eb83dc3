/** The open collaboration calls, for anyone: soonest deadline first. */
import type { PublicCall } from '#shared/domain/call';
import { api } from '../api.ts';
import { CallFacts } from '../components/CallSummary.tsx';
import { ListPage } from '../components/ListPage.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const unfiltered = {};

const fetchOpenCalls = (_all: typeof unfiltered, cursor?: string) => api.openCalls(cursor);

/** The first lines of a description, for the list. */
const excerpt = (text: string, max = 280): string =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max) > 0 ? text.lastIndexOf(' ', max) : max)}…`;

export function CallsPage() {
  const { t } = useI18n();
  usePageTitle(t.publicCallsTitle);
  const list = useListQuery(unfiltered, fetchOpenCalls);

  return (
    <>
      <h1 tabIndex={-1}>{t.publicCallsTitle}</h1>
      <p className="lead">{t.publicCallsIntro}</p>
      <ListPage list={list} idPrefix="calls" empty={t.noOpenCalls}>
        {(calls) => (
          <ul className="cards">
            {calls.map((call) => (
              <CallCard key={call.id} call={call} />
            ))}
          </ul>
        )}
      </ListPage>
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
