/** The demands of every agency, filtered by status, agency and zone, newest first. */
import { type Demand, type DemandStatus, demandStatuses } from '#shared/domain/demand';
import { api } from '../api.ts';
import { SelectField } from '../components/controls.tsx';
import { ListPage } from '../components/ListPage.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay } from '../format.ts';
import { localized, useI18n } from '../i18n.tsx';
import { useFieldLabel, useMeta, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters: { status: DemandStatus | ''; agency: string; zone: string } = {
  status: '',
  agency: '',
  zone: '',
};

const fetchDemands = (filters: typeof noFilters, cursor?: string) =>
  api.demands({ ...filters, limit: 20, cursor }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function DemandsPage() {
  const { t, lang } = useI18n();
  const meta = useMeta();
  usePageTitle(t.demandsTitle);
  const list = useListQuery(noFilters, fetchDemands);

  return (
    <StaffConsole
      section="demands"
      title={t.demandsTitle}
      actions={
        <Link to="/staff/demands/new" className="button primary">
          {t.newDemand}
        </Link>
      }
    >
      {() => (
        <>
          <p>{t.demandsIntro}</p>
          <ListPage
            list={list}
            idPrefix="demands"
            empty={t.demandsEmpty}
            filters={
              <>
                <SelectField
                  path="status"
                  label={t.colStatus}
                  value={list.draft.status}
                  onChange={list.set('status')}
                  placeholder={t.any}
                  options={demandStatuses.map((s) => ({ value: s, label: t.demandStatusName[s] }))}
                />
                <SelectField
                  path="agency"
                  label={t.agency}
                  value={list.draft.agency}
                  onChange={list.set('agency')}
                  placeholder={t.any}
                  options={meta.province.agencies.map((a) => ({ value: a.id, label: localized(a, lang) }))}
                />
                <SelectField
                  path="zone"
                  label={t.zone}
                  value={list.draft.zone}
                  onChange={list.set('zone')}
                  placeholder={t.any}
                  options={meta.province.zones.map((z) => ({ value: z.id, label: localized(z, lang) }))}
                />
              </>
            }
          >
            {(demands) => <DemandsTable demands={demands} />}
          </ListPage>
        </>
      )}
    </StaffConsole>
  );
}

function DemandsTable({ demands }: { demands: Demand[] }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  return (
    <table className="results listing">
      <caption>{t.demandsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colTitle}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.colAgency}</th>
          <th scope="col">{t.colZone}</th>
          <th scope="col">{t.colFields}</th>
          <th scope="col">{t.colOpenUntil}</th>
        </tr>
      </thead>
      <tbody>
        {demands.map((demand) => {
          const encoded = encodeURIComponent(demand.id);
          return (
            <tr key={demand.id}>
              <td data-label={t.colTitle}>
                <Link to={`/staff/demands/${encoded}`}>
                  <strong>{demand.title}</strong>
                </Link>
                <br />
                <Link to={`/staff/demands/${encoded}/matches`} className="small-link">
                  {t.viewMatches}
                </Link>
              </td>
              <td data-label={t.colStatus}>
                <StatusTag status={demand.status} label={t.demandStatusName[demand.status]} />
                {demand.priority !== 'normal' ? (
                  <>
                    {' '}
                    <StatusTag status={demand.priority} label={t.priorityName[demand.priority]} />
                  </>
                ) : null}
              </td>
              <td data-label={t.colAgency}>{names.agency(demand.agency)}</td>
              <td data-label={t.colZone}>{names.zone(demand.zone)}</td>
              <td data-label={t.colFields}>{demand.fieldCodes.map(fieldLabel).join('; ')}</td>
              <td data-label={t.colOpenUntil}>
                {demand.openUntil ? formatDay(demand.openUntil, lang) : t.noDeadline}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
