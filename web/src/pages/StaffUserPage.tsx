/**
 * One staff account for administrators: the invitation form (/staff/users/new), or the account
 * with its name, group and agency to change (If-Match) and a confirmed disable / re-enable.
 */
import { useState } from 'react';
import {
  type StaffUser,
  type StaffUserInvite,
  type StaffUserPatch,
  staffUserInviteSchema,
  staffUserPatchSchema,
} from '#shared/domain/staff-user';
import { ApiError, api } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { SelectField, TextField } from '../components/controls.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { RecordForm, RecordPending } from '../components/RecordForm.tsx';
import { endStaffSessionIfGone, StaffConsole } from '../components/StaffConsole.tsx';
import { collectErrors } from '../forms/issues.ts';
import { type RecordKind, useRecordEditor } from '../forms/useRecordEditor.ts';
import { localized } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { historyState, Link, navigate, type RouteParams } from '../router.tsx';
import type { StaffSession } from '../session.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { AccountStateTag } from './StaffUsersPage.tsx';
import { usePageTitle } from './usePageTitle.ts';

interface UserDraft {
  email: string;
  name: string;
  group: string;
  agency: string;
}

const idPrefix = 'user';

const userKind: RecordKind<StaffUser, UserDraft, StaffUserInvite, StaffUserPatch> = {
  load: api.staffUser,
  create: async (input) => {
    const created = await api.inviteStaffUser(input);
    navigate(`/staff/users/${encodeURIComponent(created.id)}`, { state: { invited: 'yes' } });
  },
  save: api.patchStaffUser,
  emptyDraft: () => ({ email: '', name: '', group: 'hr', agency: '' }),
  draftFrom: (user) => ({
    email: user.email,
    name: user.name,
    group: user.group ?? '',
    agency: user.agency ?? '',
  }),
  checkNew: (draft) =>
    staffUserInviteSchema.safeParse({
      email: draft.email.trim(),
      name: draft.name,
      group: draft.group || undefined,
      agency: draft.agency || undefined,
    }),
  changes: (original, draft) => ({
    patch: Object.fromEntries(
      (['name', 'group', 'agency'] as const)
        .filter((key) => draft[key] !== original[key] && draft[key] !== '')
        .map((key) => [key, draft[key]]),
    ),
  }),
  checkPatch: (patch) => staffUserPatchSchema.safeParse(patch),
  errors: (issues, t) => collectErrors(issues, t, t.userFieldError, (path) => path.join('.')),
  onFailure: endStaffSessionIfGone,
};

export function StaffUserPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  const title = params.id ? t.userTitle : t.inviteUserTitle;
  usePageTitle(title);
  return (
    <StaffConsole section="users" title={title} ownHeading={Boolean(params.id)}>
      {(session) =>
        session.role === 'admin' ? (
          <UserRecord id={params.id} session={session} />
        ) : (
          <Notice kind="info">{t.usersForbidden}</Notice>
        )
      }
    </StaffConsole>
  );
}

function UserRecord({ id, session }: { id: string | undefined; session: StaffSession }) {
  const { t, lang } = useStaffI18n();
  const meta = useMeta();
  const editor = useRecordEditor(userKind, id);
  const loaded = editor.record.value;
  const { draft, update } = editor;
  const failure = editor.submission.failure;
  const conflict =
    failure instanceof ApiError && failure.status === 409 ? (id ? t.selfChange : t.emailTaken) : null;

  const form = (
    <RecordForm
      editor={editor}
      idPrefix={idPrefix}
      messages={t.userFieldError}
      submitLabel={id ? t.saveUser : t.sendInvitation}
      forbidden={t.usersForbidden}
    >
      <div className="grid">
        {id ? null : (
          <TextField
            path="email"
            label={t.colEmail}
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            onChange={(email) => update({ email })}
          />
        )}
        <TextField
          path="name"
          label={t.colName}
          required
          maxLength={100}
          value={draft.name}
          onChange={(name) => update({ name })}
        />
        <SelectField
          path="group"
          label={t.groupLabel}
          required
          value={draft.group}
          onChange={(group) => update({ group })}
          options={[
            { value: 'hr', label: t.roleHr },
            { value: 'admin', label: t.roleAdmin },
          ]}
        />
        <SelectField
          path="agency"
          label={t.agencyLabel}
          required={draft.group === 'hr'}
          value={draft.agency}
          placeholder={t.noAgency}
          onChange={(agency) => update({ agency })}
          options={meta.province.agencies.map((a) => ({ value: a.id, label: localized(a, lang) }))}
        />
      </div>
      {conflict ? <Notice kind="error">{conflict}</Notice> : null}
    </RecordForm>
  );
  if (!id) return form;
  if (!loaded) {
    return (
      <RecordPending
        record={editor.record}
        title={t.userTitle}
        backTo="/staff/users"
        backLabel={t.backToUsers}
      />
    );
  }
  const user = loaded.value;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{user.email}</h1>
        <AccountStateTag enabled={user.enabled} />
      </div>
      {historyState('invited') === 'yes' && user.status === 'invited' ? (
        <Notice kind="success">{t.invitationSent}</Notice>
      ) : null}
      {user.status === 'invited' ? <p className="hint">{t.userInvited}</p> : null}
      {editor.saved ? <Notice kind="success">{t.userSaved}</Notice> : null}
      {form}
      {user.email === session.email ? (
        <p className="hint">{t.selfChange}</p>
      ) : (
        <EnableToggle user={user} version={loaded.version} onChanged={editor.record.replace} />
      )}
      <p>
        <Link to="/staff/users">{t.backToUsers}</Link>
      </p>
    </>
  );
}

/** Disable or re-enable, each after a confirmation. */
function EnableToggle({
  user,
  version,
  onChanged,
}: {
  user: StaffUser;
  version: string;
  onChanged: (updated: { value: StaffUser; version: string }) => void;
}) {
  const { t } = useStaffI18n();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const disabling = user.enabled;
  const change = async () => {
    setSending(true);
    setFailure(null);
    try {
      onChanged(await api.patchStaffUser(user.id, { enabled: !disabling }, version));
    } catch (error) {
      endStaffSessionIfGone(error);
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <section className="card" aria-label={disabling ? t.disableUser : t.enableUser}>
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
      <div className="actions">
        <button type="button" className="secondary" disabled={sending} onClick={() => setAsking(true)}>
          {disabling ? t.disableUser : t.enableUser}
        </button>
      </div>
      {asking ? (
        <ConfirmDialog
          title={disabling ? t.disableUserTitle : t.enableUserTitle}
          body={disabling ? t.disableUserBody(user.email) : t.enableUserBody(user.email)}
          confirmLabel={disabling ? t.disableUser : t.enableUser}
          onConfirm={() => void change()}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </section>
  );
}
