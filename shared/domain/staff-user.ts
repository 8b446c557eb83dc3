/**
 * Staff accounts as administrators manage them (GET/POST/PATCH /api/staff/users): the payloads,
 * the account's view, and the rules that need no directory (who may change whom, the filters and
 * paging of the list). The accounts themselves live in Cognito's user pool in AWS and in the
 * local OpenID provider locally (shared/app/staff-directory.ts).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { instant } from './common-views.ts';
import { DomainError, type ErrorDetail, ValidationFailed } from './errors.ts';
import { type Page, pageLimit } from './expert-search.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { foldVietnamese, safeText, trim } from './text.ts';

export const staffGroups = ['hr', 'admin'] as const;
export type StaffGroup = (typeof staffGroups)[number];

const name = z.string().check(trim, safeText, z.minLength(1), z.maxLength(100));
const agency = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Use an agency id of the province'));

/** POST /api/staff/users: an HR officer needs their agency; an administrator may have one. */
export const staffUserInviteSchema = z
  .strictObject({
    email: z.email().check(z.maxLength(254)),
    name,
    group: z.enum(staffGroups),
    agency: z.optional(agency),
  })
  .check(
    z.refine((input) => input.group !== 'hr' || input.agency !== undefined, {
      message: 'An HR officer belongs to an agency',
      path: ['agency'],
    }),
  );
export type StaffUserInvite = z.infer<typeof staffUserInviteSchema>;

/** PATCH /api/staff/users/{id}: any of these; `enabled: false` disables, `true` re-enables. */
export const staffUserPatchSchema = z
  .strictObject({
    name: z.optional(name),
    group: z.optional(z.enum(staffGroups)),
    agency: z.optional(agency),
    enabled: z.optional(z.boolean()),
  })
  .check(
    z.refine((patch) => Object.keys(patch).length > 0, {
      message: 'Change at least one of name, group, agency, enabled',
    }),
  );
export type StaffUserPatch = z.infer<typeof staffUserPatchSchema>;

export const staffUserListQuerySchema = z.strictObject({
  group: z.optional(z.enum(staffGroups)),
  agency: z.optional(agency),
  enabled: z.optional(z.enum(['true', 'false'])),
  /** Part of the e-mail or the name (diacritics and case ignored). */
  q: z.optional(z.string().check(trim, safeText, z.maxLength(200))),
  limit: pageLimitParam,
  cursor: cursorParam,
});
export type StaffUserListQuery = z.infer<typeof staffUserListQuerySchema>;

/** An account as a directory holds it. `group` is null for an account in neither group. */
export interface StaffAccount {
  /** The account's `sub`: the id in tokens, audit events and paths. */
  id: string;
  email: string;
  name: string;
  group: StaffGroup | null;
  agency: string | null;
  enabled: boolean;
  /** invited: has not yet replaced the mailed temporary password. */
  status: 'invited' | 'active';
  createdAt: string;
  updatedAt: string;
}

export type StaffUser = StaffAccount & { version: number };

export const staffUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  group: z.nullable(z.enum(staffGroups)),
  agency: z.nullable(z.string()),
  enabled: z.boolean(),
  status: z.enum(['invited', 'active']),
  createdAt: instant,
  updatedAt: instant,
  version: z.int(),
});

/**
 * Neither Cognito nor the local provider numbers an account's changes, so the version (ETag,
 * If-Match) is a digest of what a PATCH can change: a change made by someone else in the
 * meantime makes the caller's version stale (412), as with every other record.
 */
export function staffUserVersion(account: StaffAccount): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([account.name, account.group, account.agency, account.enabled]))
    .digest('hex');
  return Number.parseInt(digest.slice(0, 7), 16);
}

export const withStaffUserVersion = (account: StaffAccount): StaffUser => ({
  ...account,
  version: staffUserVersion(account),
});

/** What an administrator may not do to their own account: lock themselves (and maybe everyone) out. */
export function selfLockoutProblem(
  actorId: string,
  targetId: string,
  patch: StaffUserPatch,
): ErrorDetail | null {
  if (actorId !== targetId) return null;
  if (patch.enabled === false) {
    return { path: 'enabled', message: 'cannot_disable_self: you cannot disable your own account' };
  }
  if (patch.group !== undefined && patch.group !== 'admin') {
    return { path: 'group', message: 'cannot_demote_self: you cannot leave the admin group yourself' };
  }
  return null;
}

/** 409 for a change an administrator may not make to their own account; details name the reason. */
export class SelfLockout extends DomainError {
  constructor(problem: ErrorDetail) {
    super(409, 'conflict', 'Another administrator must make this change to your account', [problem]);
  }
}

/** The accounts that fit the filters, by e-mail; the cursor is the last e-mail of the page. */
export function pageStaffAccounts(accounts: readonly StaffAccount[], q: StaffUserListQuery): Page<StaffUser> {
  const wanted = q.q ? foldVietnamese(q.q) : '';
  const after = q.cursor ? decodeStaffCursor(q.cursor) : '';
  const fitting = accounts
    .filter(
      (a) =>
        (!q.group || a.group === q.group) &&
        (!q.agency || a.agency === q.agency) &&
        (!q.enabled || String(a.enabled) === q.enabled) &&
        (!wanted || foldVietnamese(`${a.email} ${a.name}`).includes(wanted)),
    )
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
    .filter((a) => a.email > after);
  const limit = pageLimit(q.limit);
  const items = fitting.slice(0, limit);
  return {
    items: items.map(withStaffUserVersion),
    nextCursor: fitting.length > limit ? encodeStaffCursor(items[items.length - 1].email) : null,
  };
}

const encodeStaffCursor = (email: string) =>
  Buffer.from(JSON.stringify({ after: email })).toString('base64url');

function decodeStaffCursor(cursor: string): string {
  try {
    const after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))?.after;
    if (typeof after === 'string') return after;
  } catch {
    // not ours: refused below
  }
  throw new ValidationFailed('Invalid cursor', [
    { path: 'cursor', message: 'Use the nextCursor of the previous page of the same query' },
  ]);
}
