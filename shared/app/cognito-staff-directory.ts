/**
 * Staff accounts in Cognito's user pool, through its admin API only (the staff function's role
 * may call exactly these actions on this pool: infra/constructs/auth.ts, grantStaffAdministration).
 * The pool signs in with the e-mail as user name, so each account's user name is its `sub`,
 * which is the id the API uses.
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
  type AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffAccount, StaffGroup, staffGroups } from '../domain/staff-user.ts';
import type { StaffAccountChange, StaffDirectory, StaffDirectoryHooks } from './staff-directory.ts';

// This module is a lazy chunk of the staff function (staffDirectory() imports it on first use):
// it imports nothing of the registry at run time, so the route's bundle and this chunk never hold
// two copies of one module (the route is one file, infra/bundling.ts). What it needs of the
// registry (the tracing hook, the EmailTaken class) it gets from its caller (StaffDirectoryHooks).

/** The staff groups (shared/domain/staff-user.ts), checked equal to them by the compiler. */
const groupsInPool: typeof staffGroups = ['hr', 'admin'];

let client: CognitoIdentityProviderClient | undefined;

const attribute = (attributes: AttributeType[] | undefined, name: string): string | undefined =>
  attributes?.find((a) => a.Name === name)?.Value;

/** Cognito's user as an account; admin outranks hr for a member of both (the groups' precedence). */
export function accountOf(
  user: { Username?: string; Attributes?: AttributeType[]; UserAttributes?: AttributeType[] } & Pick<
    UserType,
    'Enabled' | 'UserStatus' | 'UserCreateDate' | 'UserLastModifiedDate'
  >,
  groups: readonly string[],
): StaffAccount {
  const attributes = user.Attributes ?? user.UserAttributes;
  const group = groups.includes('admin') ? 'admin' : groups.includes('hr') ? 'hr' : null;
  return {
    id: attribute(attributes, 'sub') ?? user.Username ?? '',
    email: attribute(attributes, 'email') ?? '',
    name: attribute(attributes, 'name') ?? '',
    group,
    agency: attribute(attributes, 'custom:agency') ?? null,
    enabled: user.Enabled ?? false,
    status: user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
    updatedAt: (user.UserLastModifiedDate ?? user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

export class CognitoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly userPoolId: string,
    private readonly hooks: StaffDirectoryHooks,
  ) {}

  #cognito(): CognitoIdentityProviderClient {
    client ??= this.hooks.traceAwsClient(new CognitoIdentityProviderClient({}));
    return client;
  }

  async listAll(): Promise<StaffAccount[]> {
    const [users, ...members] = await Promise.all([
      this.#pages(
        (token) =>
          this.#cognito().send(new ListUsersCommand({ UserPoolId: this.userPoolId, PaginationToken: token })),
        'PaginationToken',
      ),
      ...groupsInPool.map((group) => this.#groupMembers(group)),
    ]);
    const groupsOf = (sub: string) => groupsInPool.filter((_, i) => members[i].has(sub));
    return users.map((user) => accountOf(user, groupsOf(user.Username ?? '')));
  }

  async get(id: string): Promise<StaffAccount | undefined> {
    try {
      const [user, groups] = await Promise.all([
        this.#cognito().send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: id })),
        this.#cognito().send(
          new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: id }),
        ),
      ]);
      return accountOf(
        user,
        (groups.Groups ?? []).map((g) => g.GroupName ?? ''),
      );
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async invite(input: {
    email: string;
    name: string;
    group: StaffGroup;
    agency: string | null;
  }): Promise<StaffAccount> {
    let created: UserType | undefined;
    try {
      ({ User: created } = await this.#cognito().send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: input.email,
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: input.name },
            ...(input.agency ? [{ Name: 'custom:agency', Value: input.agency }] : []),
          ],
          // Cognito mails the pool's invitation template with a temporary password.
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      ));
    } catch (error) {
      if ((error as Error).name === 'UsernameExistsException') throw this.hooks.emailTaken();
      throw error;
    }
    const username = created?.Username ?? '';
    await this.#cognito().send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: input.group,
      }),
    );
    return accountOf(created ?? {}, [input.group]);
  }

  async update(current: StaffAccount, change: StaffAccountChange): Promise<StaffAccount> {
    const Username = current.id;
    const UserPoolId = this.userPoolId;
    const attributes: AttributeType[] = [
      ...(change.name !== undefined && change.name !== current.name
        ? [{ Name: 'name', Value: change.name }]
        : []),
      ...(change.agency !== undefined && change.agency !== current.agency
        ? [{ Name: 'custom:agency', Value: change.agency }]
        : []),
    ];
    if (attributes.length) {
      await this.#cognito().send(
        new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributes }),
      );
    }
    const movedGroup = change.group !== undefined && change.group !== current.group;
    if (movedGroup) {
      await this.#cognito().send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: change.group }),
      );
      if (current.group) {
        await this.#cognito().send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: current.group }),
        );
      }
    }
    if (change.enabled === false && current.enabled) {
      await this.#cognito().send(new AdminDisableUserCommand({ UserPoolId, Username }));
    } else if (change.enabled === true && !current.enabled) {
      await this.#cognito().send(new AdminEnableUserCommand({ UserPoolId, Username }));
    }
    const movedAgency = change.agency !== undefined && change.agency !== current.agency;
    if ((change.enabled === false && current.enabled) || movedAgency || movedGroup) {
      // Revokes the refresh tokens: the old rights end when the current ID token expires.
      await this.#cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username }));
    }
    return (await this.get(current.id)) ?? current;
  }

  async #groupMembers(group: StaffGroup): Promise<Set<string>> {
    const users = await this.#pages(
      (token) =>
        this.#cognito().send(
          new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: group, NextToken: token }),
        ),
      'NextToken',
    );
    return new Set(users.map((u) => u.Username ?? ''));
  }

  async #pages<K extends 'PaginationToken' | 'NextToken'>(
    send: (token: string | undefined) => Promise<{ Users?: UserType[] } & Partial<Record<K, string>>>,
    tokenName: K,
  ): Promise<UserType[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await send(token);
      users.push(...(page.Users ?? []));
      token = page[tokenName];
    } while (token);
    return users;
  }
}
