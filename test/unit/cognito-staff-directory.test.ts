/**
 * The Cognito staff directory calls exactly the admin API the staff function's role allows, in
 * the order that keeps an account consistent, and ends sessions when rights shrink or move.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CognitoStaffDirectory } from '#shared/app/cognito-staff-directory';
import { EmailTaken, staffDirectoryHooks } from '#shared/app/staff-directory';
import type { StaffAccount } from '#shared/domain/staff-user';
import { staffAdministrationActions } from '../../infra/constructs/auth.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const pool = 'ap-southeast-1_Test';
const directory = new CognitoStaffDirectory(pool, staffDirectoryHooks);

beforeAll(() => {
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
});
afterEach(() => cognito.reset());

const user = (sub: string, email: string, extra: { Name: string; Value: string }[] = []) => ({
  Username: sub,
  Enabled: true,
  UserStatus: 'CONFIRMED' as const,
  UserCreateDate: new Date('2026-11-01T00:00:00Z'),
  UserLastModifiedDate: new Date('2026-11-02T00:00:00Z'),
  Attributes: [
    { Name: 'sub', Value: sub },
    { Name: 'email', Value: email },
    { Name: 'name', Value: 'Cán bộ' },
    ...extra,
  ],
});

const officer: StaffAccount = {
  id: 'sub-1',
  email: 'a@x.gov.vn',
  name: 'Cán bộ',
  group: 'hr',
  agency: 'so-y-te',
  enabled: true,
  status: 'active',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};

/** The commands sent, by name, in order. */
const sent = () => cognito.calls().map((call) => (call.args[0] as object).constructor.name);

describe('the Cognito staff directory', () => {
  it('invites with the e-mail, name and agency, Cognito’s invitation mail, then the group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: user('sub-new', 'new@x.gov.vn') });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const account = await directory.invite({
      email: 'new@x.gov.vn',
      name: 'Người mới',
      group: 'hr',
      agency: 'so-y-te',
    });

    expect(sent()).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0].args[0].input).toEqual({
      UserPoolId: pool,
      Username: 'new@x.gov.vn',
      UserAttributes: [
        { Name: 'email', Value: 'new@x.gov.vn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Người mới' },
        { Name: 'custom:agency', Value: 'so-y-te' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0].args[0].input).toEqual({
      UserPoolId: pool,
      Username: 'sub-new',
      GroupName: 'hr',
    });
    expect(account).toMatchObject({ id: 'sub-new', group: 'hr' });
  });

  it('turns an existing user name into EmailTaken', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));

    await expect(
      directory.invite({ email: 'a@x.gov.vn', name: 'A', group: 'admin', agency: null }),
    ).rejects.toBeInstanceOf(EmailTaken);
    expect(sent()).toEqual(['AdminCreateUserCommand']);
  });

  it('disables and signs the account out everywhere', async () => {
    cognito
      .on(AdminGetUserCommand)
      .resolves({ ...user('sub-1', 'a@x.gov.vn'), UserAttributes: [], Enabled: false });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'hr' }] });

    await directory.update(officer, { enabled: false });

    expect(sent().slice(0, 2)).toEqual(['AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
  });

  it('moves an officer to another agency and group, and ends their sessions', async () => {
    cognito.on(AdminGetUserCommand).resolves(user('sub-1', 'a@x.gov.vn'));
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'admin' }] });

    await directory.update(officer, { agency: 'so-noi-vu', group: 'admin' });

    expect(sent().slice(0, 4)).toEqual([
      'AdminUpdateUserAttributesCommand',
      'AdminAddUserToGroupCommand',
      'AdminRemoveUserFromGroupCommand',
      'AdminUserGlobalSignOutCommand',
    ]);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0].args[0].input.UserAttributes).toEqual([
      { Name: 'custom:agency', Value: 'so-noi-vu' },
    ]);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0].args[0].input.GroupName).toBe('hr');
  });

  it('renames and re-enables without ending sessions', async () => {
    cognito.on(AdminGetUserCommand).resolves(user('sub-1', 'a@x.gov.vn'));
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'hr' }] });

    await directory.update({ ...officer, enabled: false }, { name: 'Tên mới', enabled: true });

    expect(sent().slice(0, 2)).toEqual(['AdminUpdateUserAttributesCommand', 'AdminEnableUserCommand']);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(0);
  });

  it('lists every page of users with their groups (admin outranks hr)', async () => {
    cognito
      .on(ListUsersCommand, { UserPoolId: pool, PaginationToken: undefined })
      .resolves({
        Users: [user('sub-1', 'a@x.gov.vn', [{ Name: 'custom:agency', Value: 'so-y-te' }])],
        PaginationToken: 'next',
      })
      .on(ListUsersCommand, { UserPoolId: pool, PaginationToken: 'next' })
      .resolves({ Users: [user('sub-2', 'b@x.gov.vn'), user('sub-3', 'c@x.gov.vn')] });
    cognito
      .on(ListUsersInGroupCommand, { GroupName: 'hr' })
      .resolves({ Users: [user('sub-1', 'a@x.gov.vn'), user('sub-2', 'b@x.gov.vn')] })
      .on(ListUsersInGroupCommand, { GroupName: 'admin' })
      .resolves({ Users: [user('sub-2', 'b@x.gov.vn')] });

    const accounts = await directory.listAll();

    expect(accounts.map((a) => [a.id, a.group, a.agency])).toEqual([
      ['sub-1', 'hr', 'so-y-te'],
      ['sub-2', 'admin', null],
      ['sub-3', null, null],
    ]);
  });

  it('uses only actions the staff function’s role is granted', () => {
    const used = [
      AdminAddUserToGroupCommand,
      AdminCreateUserCommand,
      AdminDisableUserCommand,
      AdminEnableUserCommand,
      AdminGetUserCommand,
      AdminListGroupsForUserCommand,
      AdminRemoveUserFromGroupCommand,
      AdminUpdateUserAttributesCommand,
      AdminUserGlobalSignOutCommand,
      ListUsersCommand,
      ListUsersInGroupCommand,
    ].map((command) => `cognito-idp:${command.name.replace(/Command$/, '')}`);

    expect([...staffAdministrationActions].sort()).toEqual(used.sort());
  });
});
