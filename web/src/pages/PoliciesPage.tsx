/** The policy catalogue: every staff member reads it; administrators add and change policies. */
import { type Policy, packageValueVnd } from '#shared/domain/policy';
import { api } from '../api.ts';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { PolicyStandingTag } from '../components/PolicyStandingTag.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { formatDay, formatVnd } from '../format.ts';
import { Link } from '../router.tsx';
import { staffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters = { active: '' };

const fetchPolicies = (filters: typeof noFilters, cursor?: string) =>
  staffRequest(api.policies({ ...filters, cursor, limit: 20 }));

export function PoliciesPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.policiesTitle);
  const list = useListQuery(noFilters, fetchPolicies);
  const isAdmin = staffSession()?.role === 'admin';

  return (
    <StaffConsole
      section="policies"
      title={t.policiesTitle}
      newRecord={isAdmin ? { to: '/staff/policies/new', label: t.newPolicy } : undefined}
    >
      {() => (
        <ListPage
          list={list}
          intro={
            <>
              <p>{t.policiesIntro}</p>
              {isAdmin ? null : <p className="hint">{t.policiesReadOnly}</p>}
            </>
          }
          idPrefix="policies"
          empty={t.policiesEmpty}
          filters={
            <FilterSelect
              list={list}
              name="active"
              label={t.activeFilter}
              options={[
                { value: 'true', label: t.yes },
                { value: 'false', label: t.no },
              ]}
            />
          }
        >
          {(policies) => <PoliciesTable policies={policies} />}
        </ListPage>
      )}
    </StaffConsole>
  );
}

function PoliciesTable({ policies }: { policies: Policy[] }) {
  const { t, lang } = useStaffI18n();
  const columns: Column<Policy>[] = [
    {
      label: t.colCode,
      cell: (policy) => (
        <Link to={`/staff/policies/${encodeURIComponent(policy.id)}`}>
          <strong>{policy.code}</strong>
        </Link>
      ),
    },
    { label: t.colTitle, cell: (policy) => policy.title },
    { label: t.packageValue, cell: (policy) => formatVnd(packageValueVnd([policy])) },
    {
      label: t.colValidity,
      cell: (policy) =>
        t.validRange(formatDay(policy.validFrom, lang), policy.validTo && formatDay(policy.validTo, lang)),
    },
    {
      label: t.colActive,
      cell: (policy) => <PolicyStandingTag policy={policy} />,
    },
  ];
  return <ListTable caption={t.policiesCaption} columns={columns} items={policies} />;
}
