/**
 * The search routes (HR search, directory, demand matches) tell how long each part of a request
 * took in the function, in a `Server-Timing` header: the change-log read (or a new instance's
 * load), the index's work, the page's confirmation against the table (and, for matches, reading
 * the demand). Well-formed, fixed part names only, no personal data.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseServerTiming, serverTimingParts } from '#shared/app/server-timing';
import { api, registeredExpert, registration, staffToken } from '../support/api.ts';

const wellFormed = /^[a-z]+;dur=\d+\.\d(, [a-z]+;dur=\d+\.\d)*$/;

function partsOf(headers: Headers): Record<string, number> {
  const value = headers.get('server-timing') ?? '';
  expect(value).toMatch(wellFormed);
  const parts = parseServerTiming(value);
  for (const [name, ms] of Object.entries(parts)) {
    expect(serverTimingParts).toContain(name);
    expect(ms).toBeGreaterThanOrEqual(0);
  }
  // The instance either loaded its index for this request or read the change log.
  expect('changes' in parts || 'load' in parts).toBe(true);
  return parts;
}

describe('Server-Timing on the search routes', () => {
  let hr: string;
  const fullName = `Đoàn Thời Gian ${randomUUID().slice(0, 6).replace(/[0-9]/g, 'x')}`;

  beforeAll(async () => {
    hr = await staffToken({ groups: ['hr'], agency: 'so-khoa-hoc-cong-nghe' });
    await registeredExpert({
      fullName,
      fields: [{ code: '4.2', specialization: 'Đo lường thời gian' }],
      consent: { ...registration().consent, collaborationCalls: false, publicDirectory: true },
    });
  });

  it('HR search reports the change log, the index and the confirmation of a non-empty page', async () => {
    const res = await api(`/api/experts?q=${encodeURIComponent(fullName)}`, { token: hr });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { fullName: string }) => e.fullName)).toContain(fullName);
    const parts = partsOf(res.headers);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['index', 'confirm']));
    // Parts and durations only: nothing of the query or the people found.
    expect(res.headers.get('server-timing')).not.toMatch(/thoi|gian|doan/i);
  });

  it('an empty page has nothing to confirm, and says so by leaving the part out', async () => {
    const res = await api('/api/experts?q=zzqxvwk', { token: hr });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const parts = partsOf(res.headers);
    expect(parts).toHaveProperty('index');
    expect(parts).not.toHaveProperty('confirm');
  });

  it('the public directory reports the same parts', async () => {
    const res = await api(`/api/directory?q=${encodeURIComponent(fullName)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(Object.keys(partsOf(res.headers))).toEqual(expect.arrayContaining(['index', 'confirm']));
  });

  it('demand matches report reading the demand too', async () => {
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Đo lường / Metrology',
        fieldCodes: ['4.2'],
        minDegree: 'bachelor',
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    expect(demand.status).toBe(201);
    const res = await api(`/api/demands/${demand.body.id}/matches`, { token: hr });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(Object.keys(partsOf(res.headers))).toEqual(expect.arrayContaining(['demand', 'index', 'confirm']));
  });

  it('an error answer carries no timing', async () => {
    const res = await api('/api/experts?cursor=not-a-cursor', { token: hr });
    expect(res.status).toBe(400);
    expect(res.headers.get('server-timing')).toBeNull();
  });
});
