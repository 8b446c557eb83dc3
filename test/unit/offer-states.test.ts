import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/domain/errors';
import {
  assertOfferTransition,
  canTransitionOffer,
  effectiveOfferStatus,
  isFinalOfferStatus,
  type OfferActorKind,
  type OfferStatus,
  offerStatuses,
} from '#shared/domain/offer-states';
import { newPolicy, type Policy, packageValueVnd, policyApplicabilityFailures } from '#shared/domain/policy';

const actors: OfferActorKind[] = ['staff', 'expert', 'system'];
const contract = new Set([
  'draft→sent by staff',
  'draft→withdrawn by staff',
  'sent→accepted by expert',
  'sent→declined by expert',
  'sent→expired by system',
  'sent→withdrawn by staff',
]);
const everyTransition = offerStatuses.flatMap((from) =>
  offerStatuses.flatMap((to) =>
    actors.map((by) => [from, to, by] as [OfferStatus, OfferStatus, OfferActorKind]),
  ),
);

describe('offer state machine', () => {
  it('allows exactly the transitions of the contract, each by its actor', () => {
    const allowed = everyTransition.filter(([from, to, by]) => canTransitionOffer(from, to, by));

    expect(allowed.map(([from, to, by]) => `${from}→${to} by ${by}`).sort()).toEqual([...contract].sort());
  });

  it.each(everyTransition.filter(([from, to, by]) => contract.has(`${from}→${to} by ${by}`)))(
    'lets %s → %s by %s through, as the refusals below refuse the others',
    (from, to, by) => {
      expect(() => assertOfferTransition(from, to, by)).not.toThrow();
    },
  );

  it('refuses every transition outside the contract with a 409 conflict', () => {
    const refused = everyTransition.filter(([from, to, by]) => !contract.has(`${from}→${to} by ${by}`));

    for (const [from, to, by] of refused) expect(() => assertOfferTransition(from, to, by)).toThrow(Conflict);
    expect(refused).toHaveLength(6 * 6 * 3 - contract.size);
  });

  it('treats accepted, declined, expired and withdrawn as final', () => {
    expect(offerStatuses.filter(isFinalOfferStatus)).toEqual([
      'accepted',
      'declined',
      'expired',
      'withdrawn',
    ]);
  });

  it.each([
    ['draft', 'accepted', 'expert'],
    ['sent', 'sent', 'staff'],
    ['withdrawn', 'sent', 'staff'],
    ['accepted', 'declined', 'expert'],
    ['sent', 'accepted', 'staff'],
    ['draft', 'expired', 'system'],
  ] as const)('refuses %s → %s by %s with a 409 conflict', (from, to, by) => {
    const attempt = () => assertOfferTransition(from, to, by);

    expect(attempt).toThrow(Conflict);
    expect(attempt).toThrow(expect.objectContaining({ status: 409, code: 'conflict' }));
  });

  it.each([
    ['sent', 'accepted', 'staff', 'An offer cannot go from sent to accepted (by staff)'],
    ['draft', 'expired', 'system', 'An offer cannot go from draft to expired (by system)'],
    ['sent', 'sent', 'staff', 'An offer cannot go from sent to sent'],
  ] as const)('says why %s → %s by %s is refused', (from, to, by, message) => {
    // The whole message: toThrow(string) would accept any message containing it.
    expect(() => assertOfferTransition(from, to, by)).toThrow(expect.objectContaining({ message }));
  });

  it('reads a sent offer past its expiry as expired, and nothing else', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const past = '2026-11-20T09:59:59Z';
    const future = '2026-11-20T10:00:01Z';

    expect(effectiveOfferStatus({ status: 'sent', expiresAt: past }, now)).toBe('expired');
    expect(effectiveOfferStatus({ status: 'sent', expiresAt: now.toISOString() }, now)).toBe('expired');
    expect(effectiveOfferStatus({ status: 'sent', expiresAt: future }, now)).toBe('sent');
    expect(effectiveOfferStatus({ status: 'draft', expiresAt: past }, now)).toBe('draft');
    expect(effectiveOfferStatus({ status: 'accepted', expiresAt: past }, now)).toBe('accepted');
  });
});

const policy = (overrides: Partial<Policy> = {}): Policy => ({
  ...newPolicy(
    {
      code: 'QN-TS-01',
      title: 'Hỗ trợ một lần cho tiến sĩ',
      legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)',
      benefits: [{ kind: 'one_time_allowance', amountVnd: 200_000_000 }],
      validFrom: '2026-01-01',
    },
    'p1',
    '2026-01-01T00:00:00Z',
  ),
  ...overrides,
});

describe('offer package', () => {
  it('values a package at its first year: one-off amounts once, monthly allowances twelve times', () => {
    const packageValue = packageValueVnd([
      policy(),
      policy({
        benefits: [
          { kind: 'monthly_allowance', amountVnd: 5_000_000, description: '' },
          { kind: 'housing', amountVnd: 60_000_000, description: '' },
        ],
      }),
    ]);

    expect(packageValue).toBe(200_000_000 + 12 * 5_000_000 + 60_000_000);
    expect(packageValueVnd([])).toBe(0);
  });

  it('names each eligibility rule an expert or zone fails', () => {
    const strict = policy({
      active: false,
      validTo: '2026-06-30',
      eligibility: { minDegree: 'doctorate', fieldCodes: ['2'], zones: ['dung-quat-ez'], nativesOnly: true },
    });
    const bachelor = {
      highestDegree: 'bachelor' as const,
      fields: [{ code: '3.2' }],
      nativeOfProvince: false,
    };

    const failures = policyApplicabilityFailures(strict, 1, bachelor, 'mountainous-areas', '2026-11-20');

    expect(failures.map((f) => f.path)).toEqual([
      'policyIds.1.active',
      'policyIds.1.validity',
      'policyIds.1.eligibility.minDegree',
      'policyIds.1.eligibility.fieldCodes',
      'policyIds.1.eligibility.zones',
      'policyIds.1.eligibility.nativesOnly',
    ]);
  });

  it('lets an eligible expert through (a field inside a named group counts)', () => {
    const dungQuat = policy({
      eligibility: { minDegree: 'master', fieldCodes: ['2'], zones: ['dung-quat-ez'], nativesOnly: false },
    });
    const engineer = {
      highestDegree: 'doctorate' as const,
      fields: [{ code: '2.3' }],
      nativeOfProvince: false,
    };

    expect(policyApplicabilityFailures(dungQuat, 0, engineer, 'dung-quat-ez', '2026-11-20')).toEqual([]);
    expect(policyApplicabilityFailures(dungQuat, 0, engineer, 'dung-quat-ez', '2025-12-31')).toHaveLength(1);
  });
});
