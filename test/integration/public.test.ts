import { describe, expect, it } from 'vitest';
import { routes } from '#shared/routes';
import { api, registeredExpert } from '../support/api.ts';

describe('public routes', () => {
  it('GET /api/health answers ok with security headers', async () => {
    const res = await api('/api/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('GET /api/meta gives the province, the taxonomy and the consent text version', async () => {
    const res = await api('/api/meta');

    expect(res.status).toBe(200);
    expect(res.body.province.id).toBe('quang-ngai');
    expect(res.body.province.zones.map((z: { id: string }) => z.id)).toContain('dung-quat-ez');
    expect(
      res.body.province.targets.map((t: { id: string; min: number; year: number }) => [t.id, t.min, t.year]),
    ).toEqual(
      expect.arrayContaining([
        ['intellectuals', 50000, 2030],
        ['doctorates', 120, 2030],
        ['masters_or_higher', 3000, 2030],
      ]),
    );
    for (const target of res.body.province.targets) expect(target.source.document).toMatch(/45-NQ\/TW/);
    expect(res.body.taxonomy).toContainEqual({
      code: '2.3',
      vi: 'Kỹ thuật cơ khí',
      en: 'Mechanical engineering',
      parent: '2',
    });
    expect(res.body.taxonomy.filter((f: { parent: string | null }) => f.parent === null)).toHaveLength(6);
    expect(res.body.degrees).toEqual(['bachelor', 'master', 'doctorate']);
    expect(res.body.consentTextVersion).toBe('2026-01-01');
  });

  // Not under the zod/mini stand-in (test/support/zod-stand-in.mjs): the document needs zod itself.
  it.skipIf(process.env.REGISTRY_ZOD_STAND_IN)(
    'GET /api/openapi.json documents every route of the route table with its schemas',
    async () => {
      const res = await api('/api/openapi.json');

      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      for (const route of routes) {
        expect(
          res.body.paths[route.path]?.[route.method.toLowerCase()],
          `${route.method} ${route.path}`,
        ).toBeDefined();
      }
      const register = res.body.paths['/api/experts'].post.requestBody.content['application/json'].schema;
      expect(register.required).toEqual(expect.arrayContaining(['fullName', 'email', 'fields', 'consent']));
      expect(register.additionalProperties).toBe(false);
    },
  );

  it('answers unknown API paths with a 404 error body', async () => {
    const res = await api('/api/nothing-here');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('GET /api/directory lists only opted-in experts, with public fields only', async () => {
    const listed = await registeredExpert({
      fullName: 'Võ Minh Công Khai',
      consent: {
        registry: true,
        shareWithAgencies: false,
        collaborationCalls: false,
        publicDirectory: true,
        textVersion: '2026-01-01',
      },
    });
    const unlisted = await registeredExpert({ fullName: 'Võ Minh Công Khai' });

    const res = await api('/api/directory?q=vo minh cong khai');

    expect(res.status).toBe(200);
    const ids = res.body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(listed.expert.id);
    expect(ids).not.toContain(unlisted.expert.id);
    const entry = res.body.items.find((e: { id: string }) => e.id === listed.expert.id);
    expect(Object.keys(entry).sort()).toEqual([
      'academicTitle',
      'country',
      'fields',
      'fullName',
      'highestDegree',
      'id',
    ]);
    expect(res.body).toHaveProperty('nextCursor');
  });

  it('GET /api/directory filters by field group', async () => {
    const listed = await registeredExpert({
      fullName: 'Đỗ Thị Thủy Sản',
      fields: [{ code: '4.1', specialization: 'Nuôi trồng thủy sản' }],
      consent: {
        registry: true,
        shareWithAgencies: true,
        collaborationCalls: false,
        publicDirectory: true,
        textVersion: '2026-01-01',
      },
    });

    const inGroup = await api('/api/directory?q=do thi thuy san&field=4');
    const otherGroup = await api('/api/directory?q=do thi thuy san&field=2');

    expect(inGroup.body.items.map((e: { id: string }) => e.id)).toContain(listed.expert.id);
    expect(otherGroup.body.items).toEqual([]);
  });
});
