/** The policy catalogue: every staff member reads it; administrators add and change policies. */
import { type Policy, packageValueVnd } from '#shared/domain/policy';
import { api } from '../api.ts';
import { SelectField } from '../components/controls.tsx';
import { ListPage } from '../components/ListPage.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { staffSession } from '../session.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters = { active: '' };

const fetchPolicies = (filters: typeof noFilters, cursor?: string) =>
  api.policies({ ...filters, cursor, limit: 20 }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function PoliciesPage() {
  const { t } = useI18n();
  usePageTitle(t.policiesTitle);
  const list = useListQuery(noFilters, fetchPolicies);
  const isAdmin = staffSession()?.role === 'admin';

  return (
    <StaffConsole
      section="policies"
      title={t.policiesTitle}
      actions={
        isAdmin ? (
          <Link to="/staff/policies/new" className="button primary">
            {t.newPolicy}
          </Link>
        ) : null
      }
    >
      {() => (
        <>
          <p>{t.policiesIntro}</p>
          {isAdmin ? null : <p className="hint">{t.policiesReadOnly}</p>}
          <ListPage
            list={list}
            idPrefix="policies"
            empty={t.policiesEmpty}
            filters={
              <SelectField
                path="active"
                label={t.activeFilter}
                value={list.draft.active}
                onChange={list.set('active')}
                placeholder={t.any}
                options={[
                  { value: 'true', label: t.yes },
                  { value: 'false', label: t.no },
                ]}
              />
            }
          >
            {(policies) => <PoliciesTable policies={policies} />}
          </ListPage>
        </>
      )}
    </StaffConsole>
  );
}

function PoliciesTable({ policies }: { policies: Policy[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="results listing">
      <caption>{t.policiesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colCode}</th>
          <th scope="col">{t.colTitle}</th>
          <th scope="col">{t.packageValue}</th>
          <th scope="col">{t.colValidity}</th>
          <th scope="col">{t.colActive}</th>
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id}>
            <td data-label={t.colCode}>
              <Link to={`/staff/policies/${encodeURIComponent(policy.id)}`}>
                <strong>{policy.code}</strong>
              </Link>
            </td>
            <td data-label={t.colTitle}>{policy.title}</td>
            <td data-label={t.packageValue}>{formatVnd(packageValueVnd([policy]))}</td>
            <td data-label={t.colValidity}>
              {t.validRange(
                formatDay(policy.validFrom, lang),
                policy.validTo && formatDay(policy.validTo, lang),
              )}
            </td>
            <td data-label={t.colActive}>
              <StatusTag
                status={policy.active ? 'active' : 'inactive'}
                label={policy.active ? t.yes : t.no}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
