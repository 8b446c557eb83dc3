/**
 * Login and session tokens: `<expertId>.<secret>`. Only the SHA-256 of the secret is stored, so a
 * leaked table or backup holds nothing that opens a session. The id part lets the server find
 * the hash under the expert's own partition (and erase every token with the profile).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface IssuedToken {
  token: string;
  hash: string;
}

// Stryker disable next-line StringLiteral: update() reads a string as UTF-8 by default
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function issueToken(expertId: string): IssuedToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${expertId}.${secret}`, hash: sha256(secret) };
}

export function readToken(token: string): { expertId: string; hash: string } | null {
  const match = /^([A-Za-z0-9-]{8,64})\.([A-Za-z0-9_-]{40,60})$/.exec(token);
  return match ? { expertId: match[1], hash: sha256(match[2]) } : null;
}

/** The key under which an e-mail address is unique: hashed so no address sits in a key. */
export const emailKeyHash = (email: string): string => sha256(email.trim().toLowerCase());
