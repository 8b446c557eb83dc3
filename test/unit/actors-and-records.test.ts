/**
 * What audit events, offer histories and new expert records keep: ids and agencies of actors
 * (never personal data), the consent given with the text's version and hash, and the defaults a
 * registration leaves out.
 */

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type Actor, expertActor, recordedActor } from '#shared/domain/actor';
import { auditEvent } from '#shared/domain/audit';
import { consentText } from '#shared/domain/consent';
import { RateLimited } from '#shared/domain/errors';
import type { Registration } from '#shared/domain/expert';
import { consentRecord, consentTextHash, newExpertRecord } from '#shared/domain/expert-record';
import { type Offer, toExpertView } from '#shared/domain/offer';
import { sha256 } from '#shared/domain/secret-token';
import { safeText } from '#shared/domain/text';

const staff: Actor = { kind: 'staff', sub: 'officer-1', groups: ['hr'], agency: 'so-y-te', isAdmin: false };
const admin: Actor = { kind: 'staff', sub: 'admin-1', groups: ['admin'], agency: null, isAdmin: true };

describe('recordedActor', () => {
  it.each([
    ['an officer: id and agency', staff, { kind: 'staff', id: 'officer-1', agency: 'so-y-te' }],
    ['an administrator without agency', admin, { kind: 'staff', id: 'admin-1', agency: null }],
    ['an expert: the id only', expertActor('e-42'), { kind: 'expert', id: 'e-42' }],
    [
      'a job: its name',
      { kind: 'system', id: 'sweep-deadlines' } as Actor,
      { kind: 'system', id: 'sweep-deadlines' },
    ],
  ])('records %s', (_, actor, recorded) => {
    expect(recordedActor(actor)).toEqual(recorded);
  });

  it('builds the expert actor of a session', () => {
    expect(expertActor('e-7')).toEqual({ kind: 'expert', expertId: 'e-7' });
  });
});

describe('auditEvent', () => {
  const now = new Date('2026-11-30T08:00:00.000Z');

  it('records when, what, who (as recorded) and on what', () => {
    expect(auditEvent('profile.read', staff, 'expert:e1', now)).toEqual({
      at: '2026-11-30T08:00:00.000Z',
      action: 'profile.read',
      actor: { kind: 'staff', id: 'officer-1', agency: 'so-y-te' },
      target: 'expert:e1',
    });
  });

  it('keeps a detail when there is one, and no detail key otherwise', () => {
    expect(auditEvent('offer.transition', staff, 'offer:o1', now, { to: 'sent' }).detail).toEqual({
      to: 'sent',
    });
    expect(auditEvent('offer.transition', staff, 'offer:o1', now)).not.toHaveProperty('detail');
  });
});

describe('new expert records', () => {
  const registration = {
    fullName: 'Nguyễn Văn An',
    email: 'an@example.org',
    highestDegree: 'doctorate',
    fields: [{ code: '2.3' }],
    location: { kind: 'in_province', country: 'VN' },
    nativeOfProvince: true,
    yearsExperience: 10,
    engagement: ['remote_advisory'],
    consent: {
      registry: true,
      shareWithAgencies: true,
      collaborationCalls: false,
      publicDirectory: true,
      textVersion: consentText.version,
    },
  } as Registration;

  it('keeps the consent given, to the current text, with its hash', () => {
    expect(consentRecord(registration.consent, 'T')).toEqual({
      registry: true,
      shareWithAgencies: true,
      collaborationCalls: false,
      publicDirectory: true,
      textVersion: consentText.version,
      textHash: sha256(JSON.stringify(consentText)),
      at: 'T',
    });
    expect(consentTextHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills what a registration leaves out and starts the history with the consent', () => {
    const record = newExpertRecord(registration, 'pending_verification', 'e1', '2026-11-30T08:00:00.000Z');

    expect(record).toMatchObject({
      id: 'e1',
      email: 'an@example.org',
      status: 'pending_verification',
      academicTitle: 'none',
      languages: [],
      createdAt: '2026-11-30T08:00:00.000Z',
      updatedAt: '2026-11-30T08:00:00.000Z',
      version: 1,
    });
    expect(record.consentHistory).toEqual([record.consent]);
    expect(record.consent.at).toBe('2026-11-30T08:00:00.000Z');
  });

  it('keeps a title and languages that were given', () => {
    const record = newExpertRecord(
      { ...registration, academicTitle: 'professor', languages: [{ code: 'en', level: 'C1' }] },
      'active',
      'e2',
      'T',
    );
    expect(record.academicTitle).toBe('professor');
    expect(record.languages).toEqual([{ code: 'en', level: 'C1' }]);
  });
});

describe("the expert's view of an offer", () => {
  const offer: Offer = {
    id: 'o1',
    agency: 'so-y-te',
    demandId: 'd1',
    demand: { title: 'Bác sĩ', zone: 'provincial-centre', engagement: 'full_time' },
    expertId: 'e1',
    policyIds: [],
    policies: [],
    packageValueVnd: 0,
    terms: 'Hợp đồng',
    expiresAt: '2099-01-01T00:00:00.000Z',
    status: 'sent',
    history: [
      { from: null, to: 'draft', at: 'T1', actor: { kind: 'staff', id: 'officer-1', agency: 'so-y-te' } },
      {
        from: 'draft',
        to: 'sent',
        at: 'T2',
        actor: { kind: 'staff', id: 'admin-1', agency: null },
        note: 'Mời',
      },
    ],
    sentAt: 'T2',
    createdAt: 'T1',
    updatedAt: 'T2',
    version: 2,
  };

  it('shows who acted by kind and agency, never the officer’s id', () => {
    expect(toExpertView(offer, new Date('2026-11-30T00:00:00Z')).history).toEqual([
      { from: null, to: 'draft', at: 'T1', actor: { kind: 'staff', agency: 'so-y-te' } },
      { from: 'draft', to: 'sent', at: 'T2', note: 'Mời', actor: { kind: 'staff' } },
    ]);
  });
});

describe('RateLimited', () => {
  it.each([
    [undefined, 1],
    [0.2, 1],
    [0, 1],
    [-5, 1],
    [12.3, 13],
    [3600, 3600],
  ])('asks to retry after %s seconds as %i whole seconds, at least one', (given, seconds) => {
    expect(new RateLimited(given).retryAfterSeconds).toBe(seconds);
  });
});

describe('safeText in a schema', () => {
  const schema = z.string().check(safeText);

  it('refuses text with an unsafe character, with a message that names what to remove', () => {
    const result = schema.safeParse('a\u0000b');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/control characters/);
  });

  it('accepts ordinary text', () => {
    expect(schema.safeParse('Nguyễn Văn An\nĐà Nẵng').success).toBe(true);
  });
});
