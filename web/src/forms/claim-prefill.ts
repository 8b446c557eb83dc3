/**
 * A roster entry's claim link (`/register#claim=<base64url JSON>`, mailed once to the address the
 * roster gives): the registration form starts filled in from the entry. The consents stay
 * unticked; they are the person's to give. The fragment never reaches a server.
 */
import { emptyDraft, type ProfileDraft } from './profile-draft.ts';

interface ClaimPrefill {
  fullName?: string;
  email?: string;
  birthYear?: number;
  gender?: string;
  highestDegree?: string;
  academicTitle?: string;
  fields?: { code: string; specialization?: string }[];
  employer?: { name?: string; sector?: string };
  location?: { kind: string; country: string };
  nativeOfProvince?: boolean;
  hometown?: string;
  yearsExperience?: number;
}

function decode(hash: string): ClaimPrefill | null {
  const match = /[#&]claim=([A-Za-z0-9_-]+)/.exec(hash);
  if (!match) return null;
  try {
    const binary = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' ? (value as ClaimPrefill) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const numberText = (v: unknown) => (typeof v === 'number' ? String(v) : '');

/** The draft and e-mail a claim link carries, or null without one (or with a broken one). */
export function claimFromHash(hash: string): { draft: ProfileDraft; email: string } | null {
  const p = decode(hash);
  if (!p) return null;
  const draft = emptyDraft();
  return {
    email: text(p.email),
    draft: {
      ...draft,
      fullName: text(p.fullName),
      birthYear: numberText(p.birthYear),
      gender: text(p.gender) as ProfileDraft['gender'],
      highestDegree: text(p.highestDegree) as ProfileDraft['highestDegree'],
      academicTitle: text(p.academicTitle) as ProfileDraft['academicTitle'],
      fields:
        Array.isArray(p.fields) && p.fields.length
          ? p.fields.map((f) => ({ code: text(f.code), specialization: text(f.specialization) }))
          : draft.fields,
      locationKind: (text(p.location?.kind) || draft.locationKind) as ProfileDraft['locationKind'],
      country: text(p.location?.country) || draft.country,
      nativeOfProvince:
        p.nativeOfProvince === undefined ? draft.nativeOfProvince : p.nativeOfProvince ? 'yes' : 'no',
      hometown: text(p.hometown),
      employerName: text(p.employer?.name),
      employerSector: text(p.employer?.sector) as ProfileDraft['employerSector'],
      yearsExperience: numberText(p.yearsExperience),
    },
  };
}
