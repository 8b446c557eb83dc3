import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, registeredExpert, staffToken } from '../support/api.ts';

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((e) => e.id);

describe('GET /api/experts (HR search) and GET /api/experts/{id}', () => {
  let visible: Awaited<ReturnType<typeof registeredExpert>>;
  let hidden: Awaited<ReturnType<typeof registeredExpert>>;
  let hr: string;

  beforeAll(async () => {
    [visible, hidden] = await Promise.all([
      registeredExpert({ fullName: 'Nguyễn Văn An' }),
      registeredExpert({
        fullName: 'Nguyễn Văn An',
        consent: {
          registry: true,
          shareWithAgencies: false,
          collaborationCalls: false,
          publicDirectory: false,
          textVersion: '2026-01-01',
        },
      }),
    ]);
    hr = await staffToken({ groups: ['hr'], agency: 'so-y-te' });
  });

  it('finds "Nguyễn Văn An" with "nguyen van an", ignoring diacritics and case', async () => {
    const res = await api('/api/experts?q=NGUYEN%20van%20an', { token: hr });

    expect(res.status).toBe(200);
    expect(ids(res)).toContain(visible.expert.id);
    expect(res.body.items.every((e: { fullName: string }) => e.fullName.startsWith('Nguyễn Văn An'))).toBe(
      true,
    );
  });

  it('needs every word of the query in one field, not spread over name, topic and employer', async () => {
    const lookalike = await registeredExpert({
      fullName: 'Nguyễn Ngọc Trâm',
      fields: [{ code: '2.1', specialization: 'An toàn lao động' }],
      employer: { name: 'Trường Đại học Phạm Văn Đồng', sector: 'university' },
    });

    const byName = await api('/api/experts?q=nguyen van an&limit=100', { token: hr });
    const byEmployer = await api('/api/experts?q=pham van dong&limit=100', { token: hr });
    const byTopic = await api('/api/experts?q=an toan&limit=100', { token: hr });

    expect(ids(byName)).not.toContain(lookalike.expert.id);
    expect(ids(byEmployer)).toContain(lookalike.expert.id);
    expect(ids(byTopic)).toContain(lookalike.expert.id);
  });

  it('never shows an expert who did not consent to agency visibility', async () => {
    const res = await api('/api/experts?q=nguyen van an&limit=100', { token: hr });

    expect(ids(res)).not.toContain(hidden.expert.id);
    expect((await api(`/api/experts/${hidden.expert.id}`, { token: hr })).status).toBe(404);
  });

  it('shows summaries without e-mail, phone or birth year', async () => {
    const res = await api('/api/experts?q=nguyen van an', { token: hr });

    const summary = res.body.items.find((e: { id: string }) => e.id === visible.expert.id);
    expect(summary).toBeDefined();
    expect(summary).not.toHaveProperty('email');
    expect(summary).not.toHaveProperty('phone');
    expect(summary).not.toHaveProperty('birthYear');
    expect(res.text).not.toContain(visible.email);
  });

  it('filters by field group, field, degree, location and language', async () => {
    const query = (q: string) => api(`/api/experts?q=nguyen van an&${q}`, { token: hr });

    expect(ids(await query('field=2'))).toContain(visible.expert.id);
    expect(ids(await query('field=2.3'))).toContain(visible.expert.id);
    expect(ids(await query('field=2.4'))).not.toContain(visible.expert.id);
    expect(ids(await query('field=3'))).not.toContain(visible.expert.id);
    expect(ids(await query('field=2&minDegree=doctorate'))).toContain(visible.expert.id);
    expect(ids(await query('locationKind=overseas&country=JP&native=true'))).toContain(visible.expert.id);
    expect(ids(await query('locationKind=in_province'))).not.toContain(visible.expert.id);
    expect(ids(await query('language=en&engagement=remote_advisory'))).toContain(visible.expert.id);
    expect(ids(await query('language=fr'))).not.toContain(visible.expert.id);
  });

  it('pages through results with cursors, without gaps or repeats', async () => {
    const team = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        registeredExpert({ fullName: `Phạm Thị Phân Trang ${String.fromCharCode(65 + i)}` }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api(
        `/api/experts?q=pham thi phan trang&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: hr },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(team.map((t) => t.expert.id).sort());
  });

  it.each([
    ['not-base64!'],
    ['eyJ4IjoxfQ'],
    [Buffer.from('{"PK":"x","SK":"y","GSI2PK":"OTHER","GSI2SK":"z"}').toString('base64url')],
  ])('answers 400 to the forged cursor %s', async (cursor) => {
    const res = await api(`/api/experts?cursor=${encodeURIComponent(cursor)}`, { token: hr });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('cursor');
  });

  it.each([['limit=0'], ['limit=101'], ['minDegree=phd'], ['field=9'], ['unknown=1'], ['native=yes']])(
    'answers 400 to the bad query %s',
    async (query) => {
      const res = await api(`/api/experts?${query}`, { token: hr });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    },
  );

  it('returns the full profile with contacts to HR', async () => {
    const res = await api(`/api/experts/${visible.expert.id}`, { token: hr });

    expect(res.status).toBe(200);
    expect(res.body.email).toBe(visible.email);
    expect(res.body.phone).toBe('+84905123456');
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await api('/api/experts/00000000-0000-0000-0000-000000000000', { token: hr })).status).toBe(404);
  });

  describe('who may call the staff routes', () => {
    it('lets an administrator search', async () => {
      const admin = await staffToken({ groups: ['admin'], agency: '' });

      expect((await api('/api/experts?q=nguyen', { token: admin })).status).toBe(200);
    });

    it.each([
      ['anonymous', async () => undefined],
      ['an expert session', async () => visible.sessionToken],
      ['an expired staff token', () => staffToken({ expiresInSeconds: -60 })],
      ['a token for another audience', () => staffToken({ audience: 'another-app' })],
      [
        'a token signed with another key',
        async () => {
          const { privateKey } = await generateKeyPair('RS256');
          return new SignJWT({ 'cognito:groups': ['admin'] })
            .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
            .setSubject('intruder')
            .setIssuer(`${process.env.BASE_URL ?? ''}`)
            .setAudience('talent-registry-local')
            .setExpirationTime('1h')
            .sign(privateKey);
        },
      ],
    ])('refuses %s with 401', async (_, token) => {
      const search = await api('/api/experts', { token: await token() });
      const read = await api(`/api/experts/${visible.expert.id}`, { token: await token() });

      expect(search.status).toBe(401);
      expect(read.status).toBe(401);
      expect(search.body.error.code).toBe('unauthenticated');
    });

    it('refuses an HR officer without an agency with 403', async () => {
      const token = await staffToken({ groups: ['hr'], agency: '' });

      const res = await api('/api/experts', { token });

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
  });
});
