/**
 * The local OpenID provider's accounts: what Cognito's user pool holds in AWS (sub, e-mail, name,
 * one group, `custom:agency`, enabled). Kept in memory for the life of `npm start`, with the two
 * demo accounts; passwords are kept as scrypt hashes, never as text. Never deployed.
 */
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

export type StaffGroup = 'hr' | 'admin';

export interface StaffAccount {
  sub: string;
  email: string;
  name: string;
  group: StaffGroup;
  /** null for an administrator of no agency. */
  agency: string | null;
  enabled: boolean;
  /** invited: signed in with the mailed temporary password only, or not yet. */
  status: 'invited' | 'active';
  createdAt: string;
  updatedAt: string;
}

interface StoredAccount extends Omit<StaffAccount, 'status'> {
  passwordHash: string;
  /** A temporary password (an invitation's): the next sign-in must choose a new one. */
  mustChangePassword: boolean;
}

export const demoPassword = 'demo-password';

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

const publicView = ({ passwordHash: _, mustChangePassword, ...account }: StoredAccount): StaffAccount => ({
  ...account,
  status: mustChangePassword ? 'invited' : 'active',
});

export type SignInResult =
  | { ok: true; account: StaffAccount; mustChangePassword: boolean }
  | { ok: false; reason: 'wrong_credentials' | 'disabled' };

/** Cognito's password policy for the pool (infra/constructs/auth.ts); null when the password meets it. */
export function passwordPolicyProblem(password: string): 'too_short' | 'too_simple' | null {
  if (password.length < 12) return 'too_short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return kinds.every((kind) => kind.test(password)) ? null : 'too_simple';
}

/** A temporary password that meets the policy, as Cognito generates for an invitation. */
export function temporaryPassword(): string {
  return `Tmp-${randomBytes(9).toString('base64url')}a7`;
}

export class LocalStaffAccounts {
  readonly #bySub = new Map<string, StoredAccount>();

  /** The demo officer of the province's first agency and the demo administrator. */
  static withDemoAccounts(firstAgency: string): LocalStaffAccounts {
    const accounts = new LocalStaffAccounts();
    accounts.create(
      { email: 'hr@example.gov.vn', name: 'Cán bộ nhân sự (demo)', group: 'hr', agency: firstAgency },
      demoPassword,
    );
    accounts.create(
      { email: 'admin@example.gov.vn', name: 'Quản trị viên (demo)', group: 'admin', agency: null },
      demoPassword,
    );
    return accounts;
  }

  create(
    input: { email: string; name: string; group: StaffGroup; agency: string | null },
    password: string,
    options: { temporary?: boolean } = {},
  ): StaffAccount {
    const email = input.email.trim().toLowerCase();
    if (this.findByEmail(email)) throw new Error('An account with this e-mail exists');
    const now = new Date().toISOString();
    const stored: StoredAccount = {
      ...input,
      email,
      sub: randomUUID(),
      enabled: true,
      createdAt: now,
      updatedAt: now,
      passwordHash: hashPassword(password),
      mustChangePassword: options.temporary ?? false,
    };
    this.#bySub.set(stored.sub, stored);
    return publicView(stored);
  }

  get(sub: string): StaffAccount | undefined {
    const stored = this.#bySub.get(sub);
    return stored && publicView(stored);
  }

  findByEmail(email: string): StaffAccount | undefined {
    const wanted = email.trim().toLowerCase();
    for (const stored of this.#bySub.values()) if (stored.email === wanted) return publicView(stored);
    return undefined;
  }

  list(): StaffAccount[] {
    return [...this.#bySub.values()].map(publicView).sort((a, b) => a.email.localeCompare(b.email));
  }

  update(
    sub: string,
    change: Partial<Pick<StaffAccount, 'group' | 'agency' | 'enabled' | 'name'>>,
  ): StaffAccount | undefined {
    const stored = this.#bySub.get(sub);
    if (!stored) return undefined;
    Object.assign(stored, change, { updatedAt: new Date().toISOString() });
    return publicView(stored);
  }

  /** The new password that replaces a temporary one (the first sign-in's step). */
  setPassword(sub: string, password: string): void {
    const stored = this.#bySub.get(sub);
    if (!stored) return;
    Object.assign(stored, {
      passwordHash: hashPassword(password),
      mustChangePassword: false,
      updatedAt: new Date().toISOString(),
    });
  }

  /** The same answer for an unknown address and a wrong password; a disabled account says so (as Cognito does). */
  signIn(email: string, password: string): SignInResult {
    const found = this.findByEmail(email);
    const stored = found && this.#bySub.get(found.sub);
    if (!stored || !passwordMatches(password, stored.passwordHash)) {
      return { ok: false, reason: 'wrong_credentials' };
    }
    if (!stored.enabled) return { ok: false, reason: 'disabled' };
    return { ok: true, account: publicView(stored), mustChangePassword: stored.mustChangePassword };
  }
}
