/** OpenAPI entries of the staff administration routes (see openapi.ts). */
import { pageSchema } from '../domain/common-views.ts';
import {
  staffUserInviteSchema,
  staffUserListQuerySchema,
  staffUserPatchSchema,
  staffUserSchema,
} from '../domain/staff-user.ts';
import type { OperationSchemas } from './openapi.ts';

const exampleUser = {
  id: '3f1c2a9e-8d4b-4c1e-9a7f-2b6d5e4c3a21',
  email: 'can.bo@soyte.quangngai.gov.vn',
  name: 'Trần Thị Bình',
  group: 'hr',
  agency: 'so-y-te',
  enabled: true,
  status: 'invited',
  createdAt: '2026-11-30T08:00:00.000Z',
  updatedAt: '2026-11-30T08:00:00.000Z',
  version: 123456789,
};

export const staffOperations: Record<string, OperationSchemas> = {
  'GET /api/staff/users': {
    summary: 'Staff accounts (administrators)',
    description:
      'Every staff account, by e-mail: filtered by `group`, `agency`, `enabled` and `q` (part of the e-mail ' +
      'or the name, diacritics and case ignored). `status` is `invited` until the temporary password has ' +
      'been replaced. Cognito in AWS, the local OpenID provider locally.',
    query: staffUserListQuerySchema,
    response: pageSchema(staffUserSchema),
    examples: { response: { items: [exampleUser], nextCursor: null } },
  },
  'POST /api/staff/users': {
    summary: 'Invite a staff member (administrators)',
    description:
      'Creates the account in its group with its agency (required for `hr`; one of the province’s ' +
      'agencies) and mails an invitation with a temporary password, which must be replaced at the first ' +
      'sign-in. Audited (the account id and its group, agency and standing; never the e-mail).',
    body: staffUserInviteSchema,
    success: 201,
    response: staffUserSchema,
    errors: { 409: 'An account with this e-mail exists.' },
    examples: {
      body: { email: exampleUser.email, name: exampleUser.name, group: 'hr', agency: 'so-y-te' },
      response: exampleUser,
    },
  },
  'PATCH /api/staff/users/{id}': {
    summary: 'Change a staff account’s group, agency or name; disable or re-enable it (administrators)',
    description:
      '`enabled: false` disables the account: it can no longer sign in or renew its token. Disabling, or ' +
      'a new agency or group, also ends its sessions (global sign-out revokes the refresh tokens); the ID ' +
      'token it holds stays valid until it expires, at most 15 minutes. Audited with the group, agency ' +
      'and standing before and after.',
    body: staffUserPatchSchema,
    response: staffUserSchema,
    errors: {
      409:
        'An administrator cannot disable their own account or leave the admin group themselves: ' +
        '`details[0].message` starts with `cannot_disable_self` or `cannot_demote_self`.',
    },
    examples: { body: { enabled: false }, response: { ...exampleUser, enabled: false, status: 'active' } },
  },
};
