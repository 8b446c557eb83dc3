/**
 * GET /api/me/matches: the open calls and open demands that fit the expert, ranked, each with the
 * reasons that make up its score. Other suites' calls and demands share the table, so assertions
 * look at the ones created here.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, registeredExpert, staffToken } from '../support/api.ts';

/** Experts of this suite share a name no other suite searches for. */
const registered = (overrides: Partial<Registration> = {}) =>
  registeredExpert({ fullName: 'Bùi Thị Lan', ...overrides });

let hr: string;

beforeAll(async () => {
  hr = await staffToken({ agency: 'so-khoa-hoc-cong-nghe' });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function call(overrides: Record<string, unknown>, to: 'open' | 'closed' | 'draft' = 'open') {
  const res = await api('/api/calls', {
    token: hr,
    body: {
      title: 'Khảo cổ học Sa Huỳnh / Sa Huynh archaeology',
      description: 'Hợp tác nghiên cứu / Research cooperation',
      fieldCodes: ['6.1'],
      engagement: 'short_visit',
      audience: 'all',
      openUntil: inDays(30),
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  if (to !== 'draft') await api(`/api/calls/${res.body.id}/transitions`, { token: hr, body: { to: 'open' } });
  if (to === 'closed')
    await api(`/api/calls/${res.body.id}/transitions`, { token: hr, body: { to: 'closed' } });
  return res.body.id as string;
}

interface Match {
  kind: 'call' | 'demand';
  call?: Record<string, unknown> & { id: string };
  demand?: Record<string, unknown> & { id: string };
  score: number;
  reasons: { factor: string; points: number; detail: string }[];
}

const matchId = (m: Match) => (m.kind === 'call' ? m.call?.id : m.demand?.id);

async function matches(token: string): Promise<Match[]> {
  const res = await api('/api/me/matches', { token });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('my matches', () => {
  it('lists open calls that fit, best first, with reasons summing to the score', async () => {
    const expert = await registered({
      fields: [{ code: '6.1', specialization: 'Khảo cổ học' }],
      location: { kind: 'overseas', country: 'FR', city: 'Paris' },
      nativeOfProvince: true,
      engagement: ['short_visit', 'remote_advisory'],
    });
    const exact = await call({ fieldCodes: ['6.1'] });
    const sameGroup = await call({ fieldCodes: ['6.3'] });
    const otherMode = await call({ fieldCodes: ['6.1'], engagement: 'relocate' });
    const overseasOnly = await call({ fieldCodes: ['6.1'], audience: 'overseas_natives' });
    const excluded = [
      await call({ fieldCodes: ['5.1'] }),
      await call({ fieldCodes: ['6.1'] }, 'draft'),
      await call({ fieldCodes: ['6.1'] }, 'closed'),
    ];

    const items = (await matches(expert.sessionToken)).filter((m) => m.kind === 'call');
    const byId = new Map(items.map((m) => [matchId(m), m]));

    expect(byId.get(exact)?.score).toBe(100);
    expect(byId.get(overseasOnly)?.score).toBe(100);
    expect(byId.get(otherMode)?.score).toBe(80);
    expect(byId.get(sameGroup)?.score).toBe(50);
    for (const id of excluded) expect(byId.has(id)).toBe(false);
    for (const m of items) expect(m.reasons.reduce((s, r) => s + r.points, 0)).toBe(m.score);
    const scores = items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(byId.get(exact)?.reasons.map((r) => r.factor)).toEqual([
      'field_exact',
      'field_group',
      'engagement',
    ]);
    expect(Object.keys(byId.get(exact)?.call ?? {})).not.toContain('agency');
    expect(Object.keys(byId.get(exact)?.call ?? {})).not.toContain('createdBy');
  });

  it('leaves out overseas-natives calls for an expert at home', async () => {
    const expert = await registered({
      fields: [{ code: '6.2' }],
      location: { kind: 'in_province', country: 'VN' },
      nativeOfProvince: true,
    });
    const forAll = await call({ fieldCodes: ['6.2'] });
    const overseasOnly = await call({ fieldCodes: ['6.2'], audience: 'overseas_natives' });

    const ids = (await matches(expert.sessionToken)).map(matchId);

    expect(ids).toContain(forAll);
    expect(ids).not.toContain(overseasOnly);
  });

  it('lists open demands that fit next to calls, by score', async () => {
    const expert = await registered({ fields: [{ code: '6.4' }], engagement: ['short_visit'] });
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Chuyên gia bảo tàng / Museum expert',
        fieldCodes: ['6.4'],
        minDegree: 'master',
        zone: 'provincial-centre',
        engagement: 'short_visit',
        status: 'open',
      },
    });
    expect(demand.status).toBe(201);
    const callId = await call({ fieldCodes: ['6.4'] });

    const items = await matches(expert.sessionToken);
    const found = items.find((m) => m.kind === 'demand' && m.demand?.id === demand.body.id);

    expect(found?.demand).toMatchObject({
      title: 'Chuyên gia bảo tàng / Museum expert',
      fieldCodes: ['6.4'],
    });
    expect(found?.reasons.reduce((s, r) => s + r.points, 0)).toBe(found?.score);
    expect(items.some((m) => m.kind === 'call' && m.call?.id === callId)).toBe(true);
    const scores = items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('needs an expert session (401)', async () => {
    expect((await api('/api/me/matches')).status).toBe(401);
    expect((await api('/api/me/matches', { token: hr })).status).toBe(401);
  });
});
