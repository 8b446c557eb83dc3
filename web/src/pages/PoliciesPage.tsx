/** The policy catalogue: every staff member reads it; administrators add and change policies. */
import { type FormEvent, useEffect, useState } from 'react';
import { type Policy, packageValueVnd } from '#shared/domain/policy';
import { api } from '../api.ts';
import { FormErrorsProvider, SelectField } from '../components/controls.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatDay, formatVnd } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { staffSession } from '../session.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { usePageTitle } from './usePageTitle.ts';

const fetchPolicies = (active: string, cursor?: string) =>
  api.policies({ active, cursor, limit: 20 }).catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

export function PoliciesPage() {
  const { t } = useI18n();
  usePageTitle(t.policiesTitle);
  const [active, setActive] = useState('');
  const results = useCursorPages(fetchPolicies);
  const { search } = results;
  const isAdmin = staffSession()?.role === 'admin';

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => search(''), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(active);
  };

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
          <search>
            <form onSubmit={submit} className="filters">
              <FormErrorsProvider idPrefix="policies" errors={{}}>
                <div className="grid">
                  <SelectField
                    path="active"
                    label={t.activeFilter}
                    value={active}
                    onChange={setActive}
                    placeholder={t.any}
                    options={[
                      { value: 'true', label: t.yes },
                      { value: 'false', label: t.no },
                    ]}
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
              <PoliciesTable policies={results.page.items} />
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
