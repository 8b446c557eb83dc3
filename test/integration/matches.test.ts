import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, registeredExpert, registration, staffToken } from '../support/api.ts';

interface Match {
  expert: { id: string; fullName: string; [k: string]: unknown };
  score: number;
  reasons: { factor: string; points: number; detail: string }[];
}

const consent = (shareWithAgencies: boolean) => ({
  registry: true as const,
  shareWithAgencies,
  collaborationCalls: false,
  publicDirectory: false,
  textVersion: '2026-01-01',
});

/** A philosopher who fits the demand below on everything but the exact field, unless given. */
const philosopher = (overrides: Partial<Registration> = {}): Partial<Registration> => ({
  fullName: `Trần Triết Học ${randomUUID().slice(0, 6)}`,
  highestDegree: 'doctorate',
  fields: [{ code: '6.3', specialization: 'Triết học' }],
  location: { kind: 'overseas', country: 'FR', city: 'Paris' },
  nativeOfProvince: true,
  languages: [{ code: 'fr', level: 'C1' }],
  engagement: ['remote_advisory'],
  yearsExperience: 15,
  ...overrides,
});

describe('GET /api/demands/{id}/matches', () => {
  let university: string;
  let hospital: string;
  let demandId: string;
  let exact: string;
  let sameGroup: string;
  let otherGroup: string;
  let belowDegree: string;
  let hidden: string;
  let pendingName: string;

  beforeAll(async () => {
    [university, hospital] = await Promise.all([
      staffToken({ groups: ['hr'], agency: 'dai-hoc-pham-van-dong' }),
      staffToken({ groups: ['hr'], agency: 'benh-vien-da-khoa-tinh' }),
    ]);
    const demand = await api('/api/demands', {
      token: university,
      body: {
        title: 'Giảng viên triết học / Philosophy lecturer',
        fieldCodes: ['6.3'],
        minDegree: 'master',
        minYearsExperience: 5,
        languages: [{ code: 'fr', minLevel: 'B2' }],
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    demandId = demand.body.id;
    pendingName = `Chưa Xác Nhận ${randomUUID().slice(0, 6)}`;
    const experts = await Promise.all([
      registeredExpert(philosopher()),
      registeredExpert(philosopher({ fields: [{ code: '6.2', specialization: 'Ngôn ngữ học' }] })),
      registeredExpert(philosopher({ fields: [{ code: '5.3' }] })),
      registeredExpert(philosopher({ highestDegree: 'bachelor' })),
      registeredExpert(philosopher({ consent: consent(false) })),
      // Registered but never confirmed: pending verification, not in the match index.
      api('/api/experts', { body: registration(philosopher({ fullName: pendingName })) }),
    ]);
    [exact, sameGroup, otherGroup, belowDegree, hidden] = experts
      .slice(0, 5)
      .map((e) => (e as { expert: { id: string } }).expert.id);
  });

  const matches = (query = 'limit=100', token = university) =>
    api<{ items: Match[]; candidates?: number }>(`/api/demands/${demandId}/matches?${query}`, { token });

  it('returns only profiles that pass the hard filters', async () => {
    const res = await matches();

    expect(res.status).toBe(200);
    const ids = res.body.items.map((m) => m.expert.id);
    expect(ids).toEqual(expect.arrayContaining([exact, sameGroup]));
    expect(ids).not.toContain(otherGroup);
    expect(ids).not.toContain(belowDegree);
    expect(ids).not.toContain(hidden);
    expect(res.body.items.map((m) => m.expert.fullName)).not.toContain(pendingName);
  });

  it('ranks an exact sub-field above the same group, and explains every score', async () => {
    const { body } = await matches();
    const byId = new Map(body.items.map((m, rank) => [m.expert.id, { ...m, rank }]));

    expect(byId.get(exact)?.rank).toBeLessThan(byId.get(sameGroup)?.rank ?? -1);
    expect(byId.get(exact)?.reasons[0]).toMatchObject({ factor: 'field_exact', points: 34 });
    expect(byId.get(sameGroup)?.reasons[0]).toMatchObject({ factor: 'field_group', points: 14 });
    for (const match of body.items) {
      expect(Number.isInteger(match.score)).toBe(true);
      expect(match.score).toBeGreaterThanOrEqual(0);
      expect(match.score).toBeLessThanOrEqual(100);
      expect(match.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(match.score);
      for (const reason of match.reasons) expect(reason.detail).toEqual(expect.any(String));
    }
  });

  it('orders best first, ties by id', async () => {
    const { body } = await matches();

    for (let i = 1; i < body.items.length; i++) {
      const [a, b] = [body.items[i - 1], body.items[i]];
      expect(a.score > b.score || (a.score === b.score && a.expert.id < b.expert.id)).toBe(true);
    }
  });

  it('shows summaries without contact data', async () => {
    const res = await matches();
    const summary = res.body.items.find((m) => m.expert.id === exact)?.expert;

    expect(summary).toBeDefined();
    expect(summary).not.toHaveProperty('email');
    expect(summary).not.toHaveProperty('phone');
    expect(summary).not.toHaveProperty('birthYear');
    expect(res.text).not.toContain('+84905123456');
  });

  it('honours ?limit= and refuses a bad one with 400', async () => {
    const one = await matches('limit=1');

    expect(one.body.items).toHaveLength(1);
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'sort=score']) {
      const res = await matches(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('lists an expert found in several of the demand’s field groups once', async () => {
    const both = await registeredExpert(
      philosopher({
        fields: [{ code: '1.2' }, { code: '2.2' }],
        languages: [{ code: 'ko', level: 'C2' }],
        engagement: ['short_visit'],
      }),
    );
    const itDemand = await api('/api/demands', {
      token: university,
      body: {
        title: 'Công nghệ thông tin / IT',
        fieldCodes: ['1.2', '2.2'],
        minDegree: 'bachelor',
        languages: [{ code: 'ko', minLevel: 'C2' }],
        zone: 'provincial-centre',
        engagement: 'short_visit',
        status: 'open',
      },
    });

    const res = await api<{ items: Match[] }>(`/api/demands/${itDemand.body.id}/matches?limit=100`, {
      token: university,
    });

    expect(res.body.items.filter((m) => m.expert.id === both.expert.id)).toHaveLength(1);
  });

  it("lets any staff member read a demand's matches; 404 for an unknown demand", async () => {
    expect((await matches('limit=5', hospital)).status).toBe(200);
    expect((await api(`/api/demands/${randomUUID()}/matches`, { token: university })).status).toBe(404);
  });

  it('refuses anonymous callers and expert sessions with 401', async () => {
    const expert = await registeredExpert();

    expect((await api(`/api/demands/${demandId}/matches`)).status).toBe(401);
    expect((await api(`/api/demands/${demandId}/matches`, { token: expert.sessionToken })).status).toBe(401);
  });
});
