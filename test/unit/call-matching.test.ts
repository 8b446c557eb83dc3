import { describe, expect, it } from 'vitest';
import type { Call } from '#shared/domain/call';
import { type MatchableProfile, matchCallForExpert, rankCallsForExpert } from '#shared/domain/call-matching';

const now = new Date('2026-06-01T00:00:00.000Z');

const call = (overrides: Partial<Call> = {}): Call => ({
  id: 'c1',
  title: 'Call',
  description: 'Description',
  fieldCodes: ['2.3'],
  engagement: 'remote_advisory',
  audience: 'all',
  openUntil: '2026-07-01T00:00:00.000Z',
  status: 'open',
  agency: 'so-khcn',
  createdBy: 'staff-1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  version: 2,
  ...overrides,
});

const expert = (overrides: Partial<MatchableProfile> = {}): MatchableProfile => ({
  fields: [{ code: '2.3' }],
  location: { kind: 'overseas', country: 'JP' },
  nativeOfProvince: true,
  engagement: ['remote_advisory'],
  ...overrides,
});

const sum = (reasons: { points: number }[]) => reasons.reduce((s, r) => s + r.points, 0);

describe('hard filters of call matching', () => {
  it('excludes drafts, closed calls and calls past openUntil', () => {
    expect(matchCallForExpert(expert(), call({ status: 'draft' }), now)).toBeNull();
    expect(matchCallForExpert(expert(), call({ status: 'closed' }), now)).toBeNull();
    expect(matchCallForExpert(expert(), call({ openUntil: '2026-05-31T23:59:59.000Z' }), now)).toBeNull();
  });

  it('excludes experts outside the overseas-natives audience', () => {
    const overseasCall = call({ audience: 'overseas_natives' });

    expect(matchCallForExpert(expert(), overseasCall, now)).not.toBeNull();
    expect(matchCallForExpert(expert({ nativeOfProvince: false }), overseasCall, now)).toBeNull();
    expect(
      matchCallForExpert(expert({ location: { kind: 'in_province', country: 'VN' } }), overseasCall, now),
    ).toBeNull();
  });

  it('excludes experts without a shared field group', () => {
    expect(matchCallForExpert(expert({ fields: [{ code: '3.2' }] }), call(), now)).toBeNull();
  });
});

describe('call match scores', () => {
  it('gives 100 for the exact field, the group and the engagement mode', () => {
    const match = matchCallForExpert(expert(), call(), now);

    expect(match?.score).toBe(100);
    expect(match?.reasons.map((r) => [r.factor, r.points])).toEqual([
      ['field_exact', 50],
      ['field_group', 30],
      ['engagement', 20],
    ]);
  });

  it('scores the same group without the exact field lower, reasons summing to the score', () => {
    const match = matchCallForExpert(expert({ fields: [{ code: '2.1' }] }), call(), now);

    expect(match?.score).toBe(50);
    expect(sum(match?.reasons ?? [])).toBe(match?.score);
  });

  it('counts a group code in the call as covered by any field of that group', () => {
    const match = matchCallForExpert(
      expert({ fields: [{ code: '3.1' }] }),
      call({ fieldCodes: ['2.3', '3'] }),
      now,
    );

    expect(match?.reasons[0]).toMatchObject({ factor: 'field_exact', points: 25 });
    expect(match?.reasons[1]).toMatchObject({ factor: 'field_group', points: 15 });
    expect(match?.score).toBe(60);
  });

  it('gives no engagement points when the expert is not open to the mode', () => {
    const match = matchCallForExpert(expert({ engagement: ['relocate'] }), call(), now);

    expect(match?.reasons[2]).toMatchObject({ factor: 'engagement', points: 0 });
    expect(match?.score).toBe(80);
  });

  it('keeps every score within 0-100 and equal to its reasons', () => {
    const codes = ['1.1', '2.3', '2.5', '3', '5.2', '6.1'];
    for (let i = 0; i < 200; i++) {
      const pick = (n: number) => codes.filter((_, j) => (i >> j) & 1).slice(0, n);
      const fieldCodes = pick(4).length ? pick(4) : ['2.3'];
      const match = matchCallForExpert(
        expert({
          fields: (pick(3).length ? pick(3) : ['2.1']).map((code) => ({
            code: code.includes('.') ? code : `${code}.1`,
          })),
        }),
        call({ fieldCodes }),
        now,
      );
      if (!match) continue;
      expect(match.score).toBeGreaterThanOrEqual(0);
      expect(match.score).toBeLessThanOrEqual(100);
      expect(sum(match.reasons)).toBe(match.score);
    }
  });

  it('ranks best first, ties by the sooner deadline, then id', () => {
    const calls = [
      call({ id: 'b', fieldCodes: ['2.1'] }),
      call({ id: 'c', openUntil: '2026-06-15T00:00:00.000Z' }),
      call({ id: 'a' }),
      call({ id: 'x', fieldCodes: ['4.1'] }),
    ];

    expect(rankCallsForExpert(expert(), calls, now).map((m) => m.call.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('call match reasons, in words', () => {
  it('names the codes and groups covered and the engagement mode', () => {
    const match = matchCallForExpert(
      expert({ fields: [{ code: '2.3' }, { code: '3.1' }], engagement: ['relocate'] }),
      call({ fieldCodes: ['2.3', '2.5', '3'] }),
      now,
    );

    expect(match?.reasons).toEqual([
      {
        factor: 'field_exact',
        points: 33,
        code: 'call_fields',
        params: { covered: ['2.3', '3'], of: 3 },
        detail: '2 of 3 field codes: 2.3, 3',
      },
      {
        factor: 'field_group',
        points: 30,
        code: 'call_field_groups',
        params: { shared: ['2', '3'], of: 2 },
        detail: '2 of 2 field groups: 2, 3',
      },
      {
        factor: 'engagement',
        points: 0,
        code: 'engagement_not_open',
        params: { wanted: 'remote_advisory', modes: ['relocate'] },
        detail: 'Not open to remote_advisory (open to relocate)',
      },
    ]);
  });

  it('says when no code is covered, and when the expert is open to the mode', () => {
    const match = matchCallForExpert(
      expert({ fields: [{ code: '2.1' }] }),
      call({ fieldCodes: ['2.3', '3.2'] }),
      now,
    );

    expect(match?.reasons).toEqual([
      {
        factor: 'field_exact',
        points: 0,
        code: 'call_fields',
        params: { covered: [], of: 2 },
        detail: '0 of 2 field codes',
      },
      {
        factor: 'field_group',
        points: 15,
        code: 'call_field_groups',
        params: { shared: ['2'], of: 2 },
        detail: '1 of 2 field groups: 2',
      },
      {
        factor: 'engagement',
        points: 20,
        code: 'engagement_as_asked',
        params: { wanted: 'remote_advisory' },
        detail: 'Open to remote_advisory, as asked',
      },
    ]);
  });
});
