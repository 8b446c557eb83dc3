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
  createdAt: string;
  updatedAt: string;
}

interface StoredAccount extends StaffAccount {
  passwordHash: string;
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

const publicView = ({ passwordHash: _, ...account }: StoredAccount): StaffAccount => ({ ...account });

export type SignInResult =
  | { ok: true; account: StaffAccount }
  | { ok: false; reason: 'wrong_credentials' | 'disabled' };

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

  /** The same answer for an unknown address and a wrong password; a disabled account says so (as Cognito does). */
  signIn(email: string, password: string): SignInResult {
    const found = this.findByEmail(email);
    const stored = found && this.#bySub.get(found.sub);
    if (!stored || !passwordMatches(password, stored.passwordHash)) {
      return { ok: false, reason: 'wrong_credentials' };
    }
    if (!stored.enabled) return { ok: false, reason: 'disabled' };
    return { ok: true, account: publicView(stored) };
  }
}
