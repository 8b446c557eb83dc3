/** Every collaboration call, newest first, by status; drafts are opened from their own page. */
import { type CallStatus, callStatuses, type StaffCall } from '#shared/domain/call';
import { api } from '../api.ts';
import { SelectField } from '../components/controls.tsx';
import { ListPage } from '../components/ListPage.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters: { status: CallStatus | '' } = { status: '' };

const fetchCalls = (filters: typeof noFilters, cursor?: string) =>
  api.staffCalls({ ...filters, cursor, limit: 20 }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function StaffCallsPage() {
  const { t } = useI18n();
  usePageTitle(t.callsTitle);
  const list = useListQuery(noFilters, fetchCalls);

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
          <ListPage
            list={list}
            idPrefix="calls"
            empty={t.callsEmpty}
            filters={
              <SelectField
                path="status"
                label={t.colStatus}
                value={list.draft.status}
                onChange={list.set('status')}
                placeholder={t.any}
                options={callStatuses.map((s) => ({ value: s, label: t.callStatusName[s] }))}
              />
            }
          >
            {(calls) => <CallsTable calls={calls} />}
          </ListPage>
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
