/**
 * 1,000 generated invalid requests to every public route: each gets a 4xx with the contract's
 * error body, never a 5xx. Deterministic (seeded) so a failure can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { api, registration } from '../support/api.ts';

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  '',
  ' ',
  'a'.repeat(5000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u0000',
  '💥',
  'Nguyễn',
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: {} } },
  '2.3',
  'doctorate',
  'VN',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** Replaces, deletes or adds one value somewhere inside a valid body. */
function mutate(random: () => number, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || (depth > 0 && random() < 0.3))
    return pick(random, nasty);
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.2) return [...value, pick(random, nasty)];
    const copy = [...value];
    const i = Math.floor(random() * copy.length);
    copy[i] = mutate(random, copy[i], depth + 1);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.15 || keys.length === 0) copy[`unknown${Math.floor(random() * 9)}`] = pick(random, nasty);
  else if (roll < 0.35) delete copy[pick(random, keys)];
  else {
    const key = pick(random, keys);
    copy[key] = mutate(random, copy[key], depth + 1);
  }
  return copy;
}

function invalidRequests(seed: number, valid: () => unknown, count: number) {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 10;
    if (kind === 0)
      return {
        rawBody: JSON.stringify(valid()).slice(0, Math.floor(random() * 200)),
        type: 'application/json',
      };
    if (kind === 1)
      return { rawBody: JSON.stringify(valid()), type: pick(random, ['text/plain', 'application/xml', '']) };
    if (kind === 2) return { rawBody: JSON.stringify(pick(random, nasty)), type: 'application/json' };
    let body = valid();
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) body = mutate(random, body);
    return { rawBody: JSON.stringify(body), type: 'application/json; charset=utf-8' };
  });
}

async function fire(path: string, requests: { rawBody: string; type: string }[]) {
  const statuses: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < requests.length; i += 16) {
    const batch = requests.slice(i, i + 16);
    const results = await Promise.all(
      batch.map((r) =>
        api(path, { method: 'POST', rawBody: r.rawBody, headers: r.type ? { 'content-type': r.type } : {} }),
      ),
    );
    results.forEach((res, j) => {
      statuses.push(res.status);
      const ok = res.status < 300;
      const wellFormed =
        typeof res.body?.error?.code === 'string' && typeof res.body?.error?.message === 'string';
      if (res.status >= 500 || (!ok && !wellFormed))
        problems.push(`${res.status} ${batch[j].rawBody.slice(0, 200)}`);
    });
  }
  return { statuses, problems };
}

const count = 1000;

describe('generated invalid bodies to the public routes', () => {
  it.each([
    ['/api/experts', () => registration()],
    ['/api/me/login-link', () => ({ email: 'fuzz@example.org' })],
    [
      '/api/me/session',
      () => ({ token: '00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
    ],
  ])(
    'POST %s answers 1,000 of them with 4xx and the error body',
    { timeout: 180_000 },
    async (path, valid) => {
      const { statuses, problems } = await fire(path, invalidRequests(path.length, valid, count));

      expect(problems).toEqual([]);
      expect(statuses.filter((s) => s >= 400 && s < 500).length).toBeGreaterThan(count * 0.9);
    },
  );

  it('GET /api/directory answers 1,000 generated bad query strings with 4xx and the error body', {
    timeout: 120_000,
  }, async () => {
    const random = rng(7);
    const params = ['q', 'field', 'limit', 'cursor', 'other', 'q[]', ''];
    const values = [
      '',
      '0',
      '101',
      '-1',
      '9.9',
      '%00',
      'ü',
      'x'.repeat(3000),
      '{}',
      'eyJQSyI6MX0',
      '2.3.4',
      'abc',
    ];
    const problems: string[] = [];
    for (let i = 0; i < count; i += 16) {
      const queries = Array.from({ length: 16 }, () => {
        const n = 1 + Math.floor(random() * 3);
        return Array.from(
          { length: n },
          () => `${pick(random, params)}=${encodeURIComponent(pick(random, values))}`,
        ).join('&');
      });
      const results = await Promise.all(queries.map((q) => api(`/api/directory?${q}`)));
      results.forEach((res, j) => {
        if (res.status >= 500 || (res.status >= 400 && typeof res.body?.error?.code !== 'string')) {
          problems.push(`${res.status} ${queries[j].slice(0, 200)}`);
        }
      });
    }

    expect(problems).toEqual([]);
  });
});
