/**
 * The staff directory of `npm start`: the local OpenID provider's accounts, managed by the same
 * staff administration routes that manage Cognito's user pool in AWS. The local server installs
 * it (installStaffDirectory), so the handlers run unchanged in-process. An invitation is mailed as
 * Cognito mails it: the same text with a temporary password, through the outbox (so it reaches
 * the dev mailbox). Disabling or moving an account ends its sessions at the provider.
 */
import { randomUUID } from 'node:crypto';
import { EmailTaken, type StaffAccountChange, type StaffDirectory } from '#shared/app/staff-directory';
import { queueMails } from '#shared/db/outbox';
import type { StaffAccount } from '#shared/domain/staff-user';
import { staffInvitationMail } from '#shared/mail/staff-messages';
import {
  type StaffAccount as LocalAccount,
  type LocalStaffAccounts,
  temporaryPassword,
} from './staff-accounts.ts';

const toAccount = ({ sub, ...account }: LocalAccount): StaffAccount => ({ id: sub, ...account });

export interface LocalStaffDirectoryOptions {
  accounts: LocalStaffAccounts;
  /** Where the invitation sends the officer: the staff console. */
  consoleUrl: string;
  /** Ends the account's provider sessions and refresh tokens (Cognito's global sign-out). */
  signOutEverywhere: (sub: string) => Promise<void>;
}

export function createLocalStaffDirectory(options: LocalStaffDirectoryOptions): StaffDirectory {
  const { accounts } = options;
  return {
    async listAll() {
      return accounts.list().map(toAccount);
    },
    async get(id) {
      const account = accounts.get(id);
      return account && toAccount(account);
    },
    async invite(input) {
      if (accounts.findByEmail(input.email)) throw new EmailTaken();
      const password = temporaryPassword();
      const created = accounts.create(input, password, { temporary: true });
      await queueMails(
        [{ id: randomUUID(), mail: staffInvitationMail(created.email, password, options.consoleUrl) }],
        new Date(),
        { skipQueued: false },
      );
      return toAccount(created);
    },
    async update(current: StaffAccount, change: StaffAccountChange) {
      const updated = accounts.update(current.id, change);
      if (!updated) return current;
      const endsSessions =
        (change.enabled === false && current.enabled) ||
        (change.agency !== undefined && change.agency !== current.agency) ||
        (change.group !== undefined && change.group !== current.group);
      if (endsSessions) await options.signOutEverywhere(current.id);
      return toAccount(updated);
    },
  };
}
