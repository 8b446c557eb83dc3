/** Every collaboration call, newest first, by status; drafts are opened from their own page. */
import { type FormEvent, useEffect, useState } from 'react';
import { type CallStatus, callStatuses, type StaffCall } from '#shared/domain/call';
import { api } from '../api.ts';
import { FormErrorsProvider, SelectField } from '../components/controls.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useCursorPages } from '../useCursorPages.ts';
import { usePageTitle } from './usePageTitle.ts';

const fetchCalls = (status: CallStatus | '', cursor?: string) =>
  api.staffCalls({ status, cursor, limit: 20 }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function StaffCallsPage() {
  const { t } = useI18n();
  usePageTitle(t.callsTitle);
  const [status, setStatus] = useState<CallStatus | ''>('');
  const results = useCursorPages(fetchCalls);
  const { search } = results;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => search(''), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(status);
  };

  return (
    <StaffConsole
      section="calls"
      title={t.callsTitle}
      actions={
        <Link to="/staff/calls/new" className="button primary">
          {t.newCall}
        </Link>
      }
    >
      {() => (
        <>
          <p>{t.callsIntro}</p>
          <search>
            <form onSubmit={submit} className="filters">
              <FormErrorsProvider idPrefix="calls" errors={{}}>
                <div className="grid">
                  <SelectField
                    path="status"
                    label={t.colStatus}
                    value={status}
                    onChange={(value) => setStatus(value as CallStatus | '')}
                    placeholder={t.any}
                    options={callStatuses.map((s) => ({ value: s, label: t.callStatusName[s] }))}
                  />
                </div>
              </FormErrorsProvider>
              <div className="actions">
                <button type="submit" className="primary">
                  {t.filter}
                </button>
              </div>
            </form>
          </search>
          {results.failure ? <Notice kind="error">{failureMessage(results.failure, t)}</Notice> : null}
          {results.loading ? <Loading label={t.loading} /> : null}
          {results.page && !results.loading ? (
            results.page.items.length === 0 ? (
              <p role="status">{t.noResults}</p>
            ) : (
              <CallsTable calls={results.page.items} />
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
      )}
    </StaffConsole>
  );
}

function CallsTable({ calls }: { calls: StaffCall[] }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  return (
    <table className="results listing">
      <caption>{t.callsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colTitle}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.audience}</th>
          <th scope="col">{t.colFields}</th>
          <th scope="col">{t.colOpenUntil}</th>
          <th scope="col">{t.colAgency}</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id}>
            <td data-label={t.colTitle}>
              <Link to={`/staff/calls/${encodeURIComponent(call.id)}`}>
                <strong>{call.title}</strong>
              </Link>
            </td>
            <td data-label={t.colStatus}>
              <StatusTag status={call.status} label={t.callStatusName[call.status]} />
            </td>
            <td data-label={t.audience}>{t.audienceName[call.audience]}</td>
            <td data-label={t.colFields}>{call.fieldCodes.map(fieldLabel).join('; ')}</td>
            <td data-label={t.colOpenUntil}>{formatDay(provinceDayOf(call.openUntil), lang)}</td>
            <td data-label={t.colAgency}>{names.agency(call.agency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
