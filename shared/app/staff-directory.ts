/**
 * Where staff accounts live, as the staff administration service sees it: Cognito's user pool in
 * AWS (cognito-staff-directory.ts), the local OpenID provider's accounts under `npm start`
 * (infra/local/local-staff-directory.ts, which the local server installs with installStaffDirectory,
 * since shared/ never imports infra/).
 */
import { config } from '../config.ts';
import type { StaffAccount, StaffGroup } from '../domain/staff-user.ts';
import { traceAwsClient } from '../tracing.ts';

export interface StaffAccountChange {
  name?: string;
  group?: StaffGroup;
  agency?: string;
  enabled?: boolean;
}

export interface StaffDirectory {
  /** Every account (staff pools hold dozens to a few hundred); the service filters and pages. */
  listAll(): Promise<StaffAccount[]>;
  get(id: string): Promise<StaffAccount | undefined>;
  /**
   * Creates the account in its group and mails the invitation with a temporary password.
   * Throws EmailTaken when an account has the address.
   */
  invite(input: {
    email: string;
    name: string;
    group: StaffGroup;
    agency: string | null;
  }): Promise<StaffAccount>;
  /**
   * Applies the change to `current`. Disabling, or moving the account to another agency or group,
   * also ends its sessions: its refresh tokens stop working.
   */
  update(current: StaffAccount, change: StaffAccountChange): Promise<StaffAccount>;
}

export class EmailTaken extends Error {
  constructor() {
    super('An account with this e-mail exists');
    this.name = 'EmailTaken';
  }
}

/**
 * What the Cognito directory takes from the registry, given to its constructor rather than
 * imported: it is a lazy chunk, and a registry module it imported would be a second copy beside
 * the route's (a second EmailTaken class, which `instanceof` in staff-users.ts would not match).
 */
export interface StaffDirectoryHooks {
  traceAwsClient<T>(client: T): T;
  emailTaken(): Error;
}

export const staffDirectoryHooks: StaffDirectoryHooks = {
  traceAwsClient,
  emailTaken: () => new EmailTaken(),
};

let installed: StaffDirectory | undefined;

/** The local server's own directory (its accounts are in its memory, not in an AWS service). */
export function installStaffDirectory(directory: StaffDirectory): void {
  installed = directory;
}

/** The installed directory, or Cognito's user pool named by STAFF_USER_POOL_ID. */
export async function staffDirectory(): Promise<StaffDirectory> {
  if (installed) return installed;
  const userPoolId = config().staffUserPoolId;
  if (!userPoolId) {
    throw new Error('STAFF_USER_POOL_ID is not set: staff administration has no directory');
  }
  const { CognitoStaffDirectory } = await import('./cognito-staff-directory.ts');
  installed = new CognitoStaffDirectory(userPoolId, staffDirectoryHooks);
  return installed;
}
