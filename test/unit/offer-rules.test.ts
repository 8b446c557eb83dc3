import { describe, expect, it } from 'vitest';
import {
  asOfNow,
  isVisibleToExpert,
  type Offer,
  offerInputSchema,
  offerListQuerySchema,
  offerResponseSchema,
  offerTransitionSchema,
  toOfferedPolicy,
} from '#shared/domain/offer';
import { newPolicy } from '#shared/domain/policy';

const offer = (overrides: Partial<Offer> = {}): Offer => ({
  id: 'o1',
  agency: 'so-y-te',
  demandId: 'd1',
  demand: { title: 'Bác sĩ tim mạch', zone: 'provincial-centre', engagement: 'full_time' },
  expertId: 'e1',
  policyIds: [],
  policies: [],
  packageValueVnd: 0,
  terms: 'Hợp đồng 3 năm',
  expiresAt: '2026-11-20T10:00:00.000Z',
  status: 'sent',
  history: [],
  sentAt: '2026-11-01T00:00:00.000Z',
  createdAt: '2026-10-30T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 2,
  ...overrides,
});

describe('offers as read', () => {
  it('reads a sent offer past its expiry as expired, leaving the stored offer as it was', () => {
    const stored = offer();

    const read = asOfNow(stored, new Date('2026-11-20T10:00:00.000Z'));

    expect(read).toEqual({ ...stored, status: 'expired' });
    expect(stored.status).toBe('sent');
  });

  it('returns the very offer when its status stands', () => {
    const stored = offer();

    expect(asOfNow(stored, new Date('2026-11-20T09:59:59.999Z'))).toBe(stored);
    expect(asOfNow(offer({ status: 'accepted' }), new Date('2027-01-01')).status).toBe('accepted');
  });

  it('shows an offer to the expert once it has been sent, never a draft', () => {
    expect(isVisibleToExpert(offer())).toBe(true);
    expect(isVisibleToExpert(offer({ status: 'draft', sentAt: null }))).toBe(false);
    expect(isVisibleToExpert(offer({ status: 'withdrawn', sentAt: null }))).toBe(false);
  });

  it('snapshots a policy as offered: its code, wording and benefits, not its catalogue state', () => {
    const policy = newPolicy(
      {
        code: 'QN-YT-02',
        title: 'Hỗ trợ bác sĩ',
        legalBasis: 'Nghị quyết mẫu',
        benefits: [{ kind: 'housing', amountVnd: 60_000_000 }],
        validFrom: '2026-01-01',
      },
      'p2',
      '2026-01-01T00:00:00Z',
    );

    expect(toOfferedPolicy(policy)).toEqual({
      id: 'p2',
      code: 'QN-YT-02',
      title: 'Hỗ trợ bác sĩ',
      legalBasis: 'Nghị quyết mẫu',
      benefits: [{ kind: 'housing', amountVnd: 60_000_000, description: '' }],
    });
  });
});

describe('offer payloads, each rule with its accepted and refused neighbour', () => {
  const input = {
    expertId: 'e1',
    demandId: 'd1',
    policyIds: ['p1', 'p2'],
    terms: 'Hợp đồng 3 năm',
    expiresAt: '2026-12-31T17:00:00+07:00',
  };
  const accepts = (change: object) => offerInputSchema.safeParse({ ...input, ...change }).success;

  it.each([
    ['a date-time with an offset', { expiresAt: '2026-12-31T10:00:00Z' }, { expiresAt: '2026-12-31' }],
    ['distinct policies', { policyIds: ['p1', 'p3'] }, { policyIds: ['p1', 'p1'] }],
    [
      'twenty policies',
      { policyIds: Array.from({ length: 20 }, (_, i) => `p${i}`) },
      { policyIds: Array.from({ length: 21 }, (_, i) => `p${i}`) },
    ],
    ['no policy at all', { policyIds: [] }, { policyIds: [''] }],
    ['a 64-character id', { expertId: 'e'.repeat(64) }, { expertId: 'e'.repeat(65) }],
    ['a one-character id', { demandId: 'd' }, { demandId: '' }],
    ['terms of 8000 characters', { terms: 't'.repeat(8000) }, { terms: 't'.repeat(8001) }],
    ['terms with words', { terms: ' x ' }, { terms: '   ' }],
    ['the known properties', {}, { status: 'sent' }],
  ])('accepts %s, refuses its neighbour', (_, accepted, refused) => {
    expect(accepts(accepted)).toBe(true);
    expect(accepts(refused)).toBe(false);
  });

  it('trims the terms', () => {
    expect(offerInputSchema.parse({ ...input, terms: '  Hợp đồng  ' }).terms).toBe('Hợp đồng');
  });

  it('lets staff send or withdraw, and the expert accept or decline, nothing else', () => {
    expect(offerTransitionSchema.safeParse({ to: 'sent', note: ' ok ' })).toEqual({
      success: true,
      data: { to: 'sent', note: 'ok' },
    });
    expect(offerTransitionSchema.safeParse({ to: 'withdrawn' }).success).toBe(true);
    expect(offerTransitionSchema.safeParse({ to: 'accepted' }).success).toBe(false);
    expect(offerResponseSchema.safeParse({ decision: 'accept' }).success).toBe(true);
    expect(offerResponseSchema.safeParse({ decision: 'decline', note: 'n'.repeat(2000) }).success).toBe(true);
    expect(offerResponseSchema.safeParse({ decision: 'decline', note: 'n'.repeat(2001) }).success).toBe(
      false,
    );
    expect(offerResponseSchema.safeParse({ decision: 'withdraw' }).success).toBe(false);
  });

  it('filters the offer list by status, demand and expert', () => {
    expect(offerListQuerySchema.safeParse({ status: 'expired', demandId: 'd1', limit: '100' }).success).toBe(
      true,
    );
    expect(offerListQuerySchema.safeParse({ status: 'lapsed' }).success).toBe(false);
    expect(offerListQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });
});
