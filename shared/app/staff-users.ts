/**
 * Staff administration (administrators only): list, invite, change group, agency or name, disable
 * and re-enable. Every change is audited with the actor, the account's id and the before/after
 * of group, agency and enabled (ids and agencies only: never an e-mail or a name).
 */
import { config } from '../config.ts';
import { recordAudit } from '../db/audit.ts';
import type { StaffActor } from '../domain/actor.ts';
import { type AuditEvent, auditEvent } from '../domain/audit.ts';
import { isProvinceAgency } from '../domain/demand.ts';
import { Conflict, NotFound, ValidationFailed, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { getProvince } from '../domain/provinces/index.ts';
import {
  pageStaffAccounts,
  SelfLockout,
  type StaffAccount,
  type StaffUser,
  type StaffUserInvite,
  type StaffUserListQuery,
  type StaffUserPatch,
  selfLockoutProblem,
  staffUserVersion,
  withStaffUserVersion,
} from '../domain/staff-user.ts';
import { EmailTaken, staffDirectory } from './staff-directory.ts';

function checkAgency(agency: string | undefined): void {
  const province = getProvince(config().provinceId);
  if (agency !== undefined && !isProvinceAgency(agency, province)) {
    throw new ValidationFailed('Unknown agency', [
      {
        path: 'agency',
        message: `Unknown agency; use one of ${province.agencies.map((a) => a.id).join(', ')}`,
      },
    ]);
  }
}

/** What an audit event keeps of an account: its group, agency and whether it may sign in. */
function standing(account: Pick<StaffAccount, 'group' | 'agency' | 'enabled'>, side: 'before' | 'after') {
  return {
    [`${side}Group`]: account.group ?? 'none',
    [`${side}Agency`]: account.agency ?? 'none',
    [`${side}Enabled`]: account.enabled,
  } satisfies AuditEvent['detail'];
}

export async function listStaffUsers(q: StaffUserListQuery): Promise<Page<StaffUser>> {
  checkAgency(q.agency);
  return pageStaffAccounts(await (await staffDirectory()).listAll(), q);
}

export async function inviteStaffUser(
  input: StaffUserInvite,
  actor: StaffActor,
  now: Date,
): Promise<StaffUser> {
  checkAgency(input.agency);
  const directory = await staffDirectory();
  let account: StaffAccount;
  try {
    account = await directory.invite({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      group: input.group,
      agency: input.agency ?? null,
    });
  } catch (error) {
    if (error instanceof EmailTaken) throw new Conflict('An account with this e-mail exists');
    throw error;
  }
  await recordAudit(
    auditEvent('staff.invited', actor, `staff:${account.id}`, now, standing(account, 'after')),
  );
  return withStaffUserVersion(account);
}

async function readAccount(id: string): Promise<StaffAccount> {
  const account = await (await staffDirectory()).get(id);
  if (!account) throw new NotFound('Staff account not found');
  return account;
}

export async function getStaffUser(id: string): Promise<StaffUser> {
  return withStaffUserVersion(await readAccount(id));
}

/** A PATCH based on the version the caller read (If-Match). */
export async function updateStaffUser(
  id: string,
  patch: StaffUserPatch,
  expectedVersion: number,
  actor: StaffActor,
  now: Date,
): Promise<StaffUser> {
  const problem = selfLockoutProblem(actor.sub, id, patch);
  if (problem) throw new SelfLockout(problem);
  checkAgency(patch.agency);
  const current = await readAccount(id);
  if (staffUserVersion(current) !== expectedVersion) throw new VersionMismatch();
  const after = { ...current, ...patch };
  if (after.group === 'hr' && !after.agency) {
    throw new ValidationFailed('An HR officer belongs to an agency', [
      { path: 'agency', message: 'Give the agency of this HR officer' },
    ]);
  }
  const updated = await (await staffDirectory()).update(current, patch);
  await recordAudit(
    auditEvent('staff.changed', actor, `staff:${id}`, now, {
      ...standing(current, 'before'),
      ...standing(updated, 'after'),
      ...(patch.name !== undefined && patch.name !== current.name ? { nameChanged: true } : {}),
    }),
  );
  return withStaffUserVersion(updated);
}
