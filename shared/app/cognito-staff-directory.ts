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
import { type StaffAccount, type StaffGroup, staffGroups } from '../domain/staff-user.ts';
import { traceAwsClient } from '../tracing.ts';
import { EmailTaken, type StaffAccountChange, type StaffDirectory } from './staff-directory.ts';

let client: CognitoIdentityProviderClient | undefined;
const cognito = () => {
  client ??= traceAwsClient(new CognitoIdentityProviderClient({}));
  return client;
};

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
  constructor(private readonly userPoolId: string) {}

  async listAll(): Promise<StaffAccount[]> {
    const [users, ...members] = await Promise.all([
      this.#pages(
        (token) =>
          cognito().send(new ListUsersCommand({ UserPoolId: this.userPoolId, PaginationToken: token })),
        'PaginationToken',
      ),
      ...staffGroups.map((group) => this.#groupMembers(group)),
    ]);
    const groupsOf = (sub: string) => staffGroups.filter((_, i) => members[i].has(sub));
    return users.map((user) => accountOf(user, groupsOf(user.Username ?? '')));
  }

  async get(id: string): Promise<StaffAccount | undefined> {
    try {
      const [user, groups] = await Promise.all([
        cognito().send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: id })),
        cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: id })),
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
      ({ User: created } = await cognito().send(
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
      if ((error as Error).name === 'UsernameExistsException') throw new EmailTaken();
      throw error;
    }
    const username = created?.Username ?? '';
    await cognito().send(
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
      await cognito().send(
        new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributes }),
      );
    }
    const movedGroup = change.group !== undefined && change.group !== current.group;
    if (movedGroup) {
      await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: change.group }));
      if (current.group) {
        await cognito().send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: current.group }),
        );
      }
    }
    if (change.enabled === false && current.enabled) {
      await cognito().send(new AdminDisableUserCommand({ UserPoolId, Username }));
    } else if (change.enabled === true && !current.enabled) {
      await cognito().send(new AdminEnableUserCommand({ UserPoolId, Username }));
    }
    const movedAgency = change.agency !== undefined && change.agency !== current.agency;
    if ((change.enabled === false && current.enabled) || movedAgency || movedGroup) {
      // Revokes the refresh tokens: the old rights end when the current ID token expires.
      await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username }));
    }
    return (await this.get(current.id)) ?? current;
  }

  async #groupMembers(group: StaffGroup): Promise<Set<string>> {
    const users = await this.#pages(
      (token) =>
        cognito().send(
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
