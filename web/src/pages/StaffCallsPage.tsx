/** Every collaboration call, newest first, by status; drafts are opened from their own page. */
import { type CallStatus, callStatuses, type StaffCall } from '#shared/domain/call';
import { api } from '../api.ts';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, provinceDayOf } from '../format.ts';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters: { status: CallStatus | '' } = { status: '' };

const fetchCalls = (filters: typeof noFilters, cursor?: string) =>
  staffRequest(api.staffCalls({ ...filters, cursor, limit: 20 }));

export function StaffCallsPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.callsTitle);
  const list = useListQuery(noFilters, fetchCalls);

  return (
    <StaffConsole
      section="calls"
      title={t.callsTitle}
      newRecord={{ to: '/staff/calls/new', label: t.newCall }}
    >
      {() => (
        <ListPage
          list={list}
          intro={<p>{t.callsIntro}</p>}
          idPrefix="calls"
          empty={t.callsEmpty}
          filters={
            <FilterSelect
              list={list}
              name="status"
              label={t.colStatus}
              options={callStatuses.map((s) => ({ value: s, label: t.callStatusName[s] }))}
            />
          }
        >
          {(calls) => <CallsTable calls={calls} />}
        </ListPage>
      )}
    </StaffConsole>
  );
}

function CallsTable({ calls }: { calls: StaffCall[] }) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  const columns: Column<StaffCall>[] = [
    {
      label: t.colTitle,
      cell: (call) => (
        <Link to={`/staff/calls/${encodeURIComponent(call.id)}`}>
          <strong>{call.title}</strong>
        </Link>
      ),
    },
    {
      label: t.colStatus,
      cell: (call) => <StatusTag status={call.status} label={t.callStatusName[call.status]} />,
    },
    { label: t.audience, cell: (call) => t.audienceName[call.audience] },
    { label: t.colFields, cell: (call) => call.fieldCodes.map(fieldLabel).join('; ') },
    { label: t.colOpenUntil, cell: (call) => formatDay(provinceDayOf(call.openUntil), lang) },
    { label: t.colAgency, cell: (call) => names.agency(call.agency) },
  ];
  return <ListTable caption={t.callsCaption} columns={columns} items={calls} />;
}
