/** Staff accounts for administrators: filtered by group, agency, state and text (kept in the address). */
import type { StaffUser } from '#shared/domain/staff-user';
import { api } from '../api.ts';
import { TextField } from '../components/controls.tsx';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { Notice } from '../components/Notice.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { localized } from '../i18n.tsx';
import { useMeta, usePlaceNames } from '../meta.tsx';
import { Link } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const noFilters = { q: '', group: '', agency: '', enabled: '' };

const fetchUsers = (filters: typeof noFilters, cursor?: string) =>
  staffRequest(api.staffUsers({ ...filters, limit: 20, cursor }));

export function StaffUsersPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.usersTitle);
  return (
    <StaffConsole
      section="users"
      title={t.usersTitle}
      newRecord={{ to: '/staff/users/new', label: t.inviteUser }}
    >
      {(session) =>
        session.role === 'admin' ? <UsersList /> : <Notice kind="info">{t.usersForbidden}</Notice>
      }
    </StaffConsole>
  );
}

function UsersList() {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  const list = useListQuery(noFilters, fetchUsers);
  return (
    <ListPage
      list={list}
      intro={<p>{t.usersIntro}</p>}
      idPrefix="users"
      empty={t.usersEmpty}
      filters={
        <>
          <TextField
            path="q"
            label={t.userQuery}
            value={list.draft.q}
            onChange={list.set('q')}
            type="search"
          />
          <FilterSelect
            list={list}
            name="group"
            label={t.groupLabel}
            options={[
              { value: 'hr', label: t.roleHr },
              { value: 'admin', label: t.roleAdmin },
            ]}
          />
          <FilterSelect
            list={list}
            name="agency"
            label={t.agencyLabel}
            options={meta.province.agencies.map((a) => ({ value: a.id, label: localized(a, lang) }))}
          />
          <FilterSelect
            list={list}
            name="enabled"
            label={t.enabledFilter}
            options={[
              { value: 'true', label: t.userEnabled },
              { value: 'false', label: t.userDisabled },
            ]}
          />
        </>
      }
    >
      {(users) => <UsersTable users={users} />}
    </ListPage>
  );
}

function UsersTable({ users }: { users: StaffUser[] }) {
  const { t } = useStaffI18n();
  const names = usePlaceNames();
  const columns: Column<StaffUser>[] = [
    {
      label: t.colEmail,
      cell: (user) => <Link to={`/staff/users/${encodeURIComponent(user.id)}`}>{user.email}</Link>,
    },
    { label: t.colName, cell: (user) => user.name },
    {
      label: t.colGroup,
      cell: (user) => (user.group === 'admin' ? t.roleAdmin : user.group === 'hr' ? t.roleHr : t.noAgency),
    },
    { label: t.colAgency, cell: (user) => (user.agency ? names.agency(user.agency) : t.noAgency) },
    {
      label: t.colState,
      cell: (user) => (
        <>
          <AccountStateTag enabled={user.enabled} />
          {user.status === 'invited' ? <span className="hint"> {t.userInvited}</span> : null}
        </>
      ),
    },
  ];
  return <ListTable caption={t.usersCaption} columns={columns} items={users} />;
}

/** Whether the account may sign in. */
export function AccountStateTag({ enabled }: { enabled: boolean }) {
  const { t } = useStaffI18n();
  return <StatusTag status={enabled ? 'open' : 'closed'} label={enabled ? t.userEnabled : t.userDisabled} />;
}
