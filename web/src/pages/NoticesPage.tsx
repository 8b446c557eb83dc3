/**
 * Experts' answers to the agency's offers and calls, newest first: who answered, what, when, with
 * a link to the offer or the call. Opening the page marks them seen for the whole agency, up to
 * the newest one shown (the badge in the navigation then clears); the ones that were new keep
 * their "Mới" tag until the page is left.
 */
import { useEffect } from 'react';
import type { StaffNoticeView } from '#shared/domain/staff-notice-views';
import { api } from '../api.ts';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatTime } from '../format.ts';
import { Link } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { setUnseenNotices } from '../useUnseenNotices.ts';
import { usePageTitle } from './usePageTitle.ts';

const fetchNotices = (_agency: string, cursor?: string) => staffRequest(api.staffNotices(cursor));

export function NoticesPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.noticesTitle);
  return (
    <StaffConsole section="notices" title={t.noticesTitle}>
      {(session) => <Notices session={session} />}
    </StaffConsole>
  );
}

function Notices({ session }: { session: StaffSession }) {
  const { t } = useStaffI18n();
  const results = useCursorPages(fetchNotices);
  const { search, page } = results;

  useEffect(() => {
    if (session.agency) search(session.agency);
  }, [search, session.agency]);

  // Seen once shown: the newest notice of the first page marks it and everything older.
  const newest = results.pageNumber === 1 && page?.unseen ? page.items[0]?.id : undefined;
  useEffect(() => {
    if (!newest) return;
    staffRequest(api.markStaffNoticesSeen(newest)).then(
      (result) => setUnseenNotices(result.unseen),
      () => undefined,
    );
  }, [newest]);

  if (!session.agency) return <p>{t.noticesNoAgency}</p>;
  return (
    <>
      <p>{t.noticesIntro}</p>
      {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
      {results.loading ? <Loading label={t.loading} /> : null}
      {page && !results.loading ? (
        page.items.length === 0 ? (
          <p role="status">{t.noticesEmpty}</p>
        ) : (
          <ul className="plain notice-list">
            {page.items.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} />
            ))}
          </ul>
        )
      ) : null}
      <Pager pages={results} />
    </>
  );
}

function NoticeItem({ notice }: { notice: StaffNoticeView }) {
  const { t, lang } = useStaffI18n();
  const to = notice.offerId
    ? `/staff/offers/${encodeURIComponent(notice.offerId)}`
    : `/staff/calls/${encodeURIComponent(notice.callId ?? '')}`;
  return (
    <li>
      {notice.seen ? null : <StatusTag status="new" label={t.noticeNew} />}{' '}
      <strong>{notice.expert?.fullName ?? t.noticeExpertHidden}</strong> {t.noticeKind[notice.kind]}{' '}
      <Link to={to}>{notice.title}</Link>
      <br />
      <span className="meta-line">{formatTime(notice.at, lang)}</span>
    </li>
  );
}
