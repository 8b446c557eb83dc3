/** The demands of every agency, filtered by status, agency and zone, newest first. */
import { type Demand, type DemandStatus, demandStatuses } from '#shared/domain/demand';
import { api } from '../api.ts';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay } from '../format.ts';
import { localized } from '../i18n.tsx';
import { useFieldLabel, useMeta, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters: { status: DemandStatus | ''; agency: string; zone: string } = {
  status: '',
  agency: '',
  zone: '',
};

const fetchDemands = (filters: typeof noFilters, cursor?: string) =>
  staffRequest(api.demands({ ...filters, limit: 20, cursor }));

export function DemandsPage() {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  usePageTitle(t.demandsTitle);
  const list = useListQuery(noFilters, fetchDemands);

  return (
    <StaffConsole
      section="demands"
      title={t.demandsTitle}
      newRecord={{ to: '/staff/demands/new', label: t.newDemand }}
    >
      {() => (
        <ListPage
          list={list}
          intro={<p>{t.demandsIntro}</p>}
          idPrefix="demands"
          empty={t.demandsEmpty}
          filters={
            <>
              <FilterSelect
                list={list}
                name="status"
                label={t.colStatus}
                options={demandStatuses.map((s) => ({ value: s, label: t.demandStatusName[s] }))}
              />
              <FilterSelect
                list={list}
                name="agency"
                label={t.agency}
                options={meta.province.agencies.map((a) => ({ value: a.id, label: localized(a, lang) }))}
              />
              <FilterSelect
                list={list}
                name="zone"
                label={t.zone}
                options={meta.province.zones.map((z) => ({ value: z.id, label: localized(z, lang) }))}
              />
            </>
          }
        >
          {(demands) => <DemandsTable demands={demands} />}
        </ListPage>
      )}
    </StaffConsole>
  );
}

function DemandsTable({ demands }: { demands: Demand[] }) {
  const { t, lang } = useStaffI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  const columns: Column<Demand>[] = [
    {
      label: t.colTitle,
      cell: (demand) => (
        <>
          <Link to={`/staff/demands/${encodeURIComponent(demand.id)}`}>
            <strong>{demand.title}</strong>
          </Link>
          <br />
          <Link to={`/staff/demands/${encodeURIComponent(demand.id)}/matches`} className="small-link">
            {t.viewMatches}
          </Link>
        </>
      ),
    },
    {
      label: t.colStatus,
      cell: (demand) => (
        <>
          <StatusTag status={demand.status} label={t.demandStatusName[demand.status]} />
          {demand.priority !== 'normal' ? (
            <>
              {' '}
              <StatusTag status={demand.priority} label={t.priorityName[demand.priority]} />
            </>
          ) : null}
        </>
      ),
    },
    { label: t.colAgency, cell: (demand) => names.agency(demand.agency) },
    { label: t.colZone, cell: (demand) => names.zone(demand.zone) },
    { label: t.colFields, cell: (demand) => demand.fieldCodes.map(fieldLabel).join('; ') },
    {
      label: t.colOpenUntil,
      cell: (demand) => (demand.openUntil ? formatDay(demand.openUntil, lang) : t.noDeadline),
    },
  ];
  return <ListTable caption={t.demandsCaption} columns={columns} items={demands} />;
}
