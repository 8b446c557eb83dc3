import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

/** A day in Vietnam (UTC+7), `days` from today. */
const vietnamDay = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const demandBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Kỹ sư cơ khí ${randomUUID().slice(0, 8)}`,
  description: 'Thiết kế, bảo trì thiết bị cơ khí',
  fieldCodes: ['2.3'],
  minDegree: 'master',
  minYearsExperience: 5,
  languages: [{ code: 'en', minLevel: 'B2' }],
  zone: 'dung-quat-ez',
  engagement: 'full_time',
  headcount: 2,
  priority: 'high',
  policyIds: [],
  openUntil: vietnamDay(200),
  status: 'open',
  ...overrides,
});

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((d) => d.id);

describe('demands (fields of need)', () => {
  let dungQuat: string;
  let hospital: string;
  let admin: string;

  beforeAll(async () => {
    [dungQuat, hospital, admin] = await Promise.all([
      staffToken({ groups: ['hr'], agency: 'bql-kkt-dung-quat' }),
      staffToken({ groups: ['hr'], agency: 'benh-vien-da-khoa-tinh' }),
      staffToken({ groups: ['admin'], agency: '' }),
    ]);
  });

  it("records a demand owned by the officer's agency, with an ETag and the defaults filled in", async () => {
    const res = await api('/api/demands', {
      token: dungQuat,
      body: {
        title: 'Chuyên gia lọc hóa dầu',
        fieldCodes: ['2.4'],
        minDegree: 'doctorate',
        zone: 'dung-quat-ez',
        engagement: 'remote_advisory',
      },
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      agency: 'bql-kkt-dung-quat',
      title: 'Chuyên gia lọc hóa dầu',
      description: '',
      minYearsExperience: 0,
      languages: [],
      headcount: 1,
      priority: 'normal',
      policyIds: [],
      openUntil: null,
      status: 'draft',
      version: 1,
    });
    expect((await api(`/api/demands/${res.body.id}`, { token: dungQuat })).body).toEqual(res.body);
  });

  it.each([
    ['an agency in the body (it comes from the token)', { agency: 'so-y-te' }, 'agency'],
    ['a zone the province does not have', { zone: 'hanoi' }, 'zone'],
    ['an unknown field code', { fieldCodes: ['9.9'] }, 'fieldCodes.0'],
    ['an unknown degree', { minDegree: 'phd' }, 'minDegree'],
    ['an unknown priority', { priority: 'urgent' }, 'priority'],
    [
      'a language level outside CEFR',
      { languages: [{ code: 'en', minLevel: 'D1' }] },
      'languages.0.minLevel',
    ],
    ['a policy that does not exist', { policyIds: ['no-such-policy'] }, 'policyIds.0'],
    ['a date that is not a date', { openUntil: '30/06/2027' }, 'openUntil'],
    ['a headcount of zero', { headcount: 0 }, 'headcount'],
  ])('refuses %s with 400 naming the field', async (_, overrides, path) => {
    const res = await api('/api/demands', { token: dungQuat, body: demandBody(overrides) });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('lets any staff member read any demand, and answers 404 for an unknown one', async () => {
    const created = await api('/api/demands', { token: dungQuat, body: demandBody() });

    expect((await api(`/api/demands/${created.body.id}`, { token: hospital })).status).toBe(200);
    expect((await api(`/api/demands/${created.body.id}`, { token: admin })).status).toBe(200);
    expect((await api(`/api/demands/${randomUUID()}`, { token: hospital })).status).toBe(404);
  });

  describe('PATCH', () => {
    it('applies a change by the owner agency with the current If-Match', async () => {
      const created = await api('/api/demands', { token: dungQuat, body: demandBody() });

      const res = await api(`/api/demands/${created.body.id}`, {
        method: 'PATCH',
        token: dungQuat,
        headers: { 'if-match': created.headers.get('etag') ?? '' },
        body: { status: 'filled', headcount: 3 },
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'filled',
        headcount: 3,
        version: 2,
        agency: 'bql-kkt-dung-quat',
      });
      expect(res.headers.get('etag')).toBe('"2"');
    });

    it('needs If-Match (428) and refuses a stale one (412), changing nothing', async () => {
      const created = await api('/api/demands', { token: dungQuat, body: demandBody() });
      const path = `/api/demands/${created.body.id}`;
      await api(path, {
        method: 'PATCH',
        token: dungQuat,
        headers: { 'if-match': '"1"' },
        body: { headcount: 4 },
      });

      const missing = await api(path, { method: 'PATCH', token: dungQuat, body: { headcount: 9 } });
      const stale = await api(path, {
        method: 'PATCH',
        token: dungQuat,
        headers: { 'if-match': '"1"' },
        body: { headcount: 9 },
      });

      expect(missing.status).toBe(428);
      expect(stale.status).toBe(412);
      expect((await api(path, { token: dungQuat })).body).toMatchObject({ headcount: 4, version: 2 });
    });

    it("refuses another agency's officer with 403 and lets an administrator change it", async () => {
      const created = await api('/api/demands', { token: dungQuat, body: demandBody() });
      const path = `/api/demands/${created.body.id}`;

      const other = await api(path, {
        method: 'PATCH',
        token: hospital,
        headers: { 'if-match': '"1"' },
        body: { status: 'closed' },
      });
      const byAdmin = await api(path, {
        method: 'PATCH',
        token: admin,
        headers: { 'if-match': '"1"' },
        body: { status: 'closed' },
      });

      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('forbidden');
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toMatchObject({ status: 'closed', agency: 'bql-kkt-dung-quat' });
    });

    it('refuses an empty PATCH and unknown fields with 400', async () => {
      const created = await api('/api/demands', { token: dungQuat, body: demandBody() });
      const patch = (body: unknown) =>
        api(`/api/demands/${created.body.id}`, {
          method: 'PATCH',
          token: dungQuat,
          headers: { 'if-match': '"1"' },
          body,
        });

      expect((await patch({})).status).toBe(400);
      expect((await patch({ agency: 'so-y-te' })).status).toBe(400);
      expect((await patch({ zone: 'nowhere' })).status).toBe(400);
    });
  });

  describe('GET /api/demands', () => {
    let open: string;
    let draft: string;
    let hospitalDemand: string;

    beforeAll(async () => {
      const [a, b, c] = await Promise.all([
        api('/api/demands', { token: dungQuat, body: demandBody({ zone: 'industrial-parks' }) }),
        api('/api/demands', {
          token: dungQuat,
          body: demandBody({ status: 'draft', zone: 'industrial-parks' }),
        }),
        api('/api/demands', {
          token: hospital,
          body: demandBody({ fieldCodes: ['3.2'], zone: 'provincial-centre' }),
        }),
      ]);
      [open, draft, hospitalDemand] = [a.body.id, b.body.id, c.body.id];
    });

    const list = async (query: string) => {
      const res = await api(`/api/demands?limit=100&${query}`, { token: hospital });
      expect(res.status).toBe(200);
      return ids(res);
    };

    it('filters by status, agency and zone', async () => {
      const openDungQuat = await list('status=open&agency=bql-kkt-dung-quat');
      const industrialParks = await list('zone=industrial-parks&agency=bql-kkt-dung-quat');
      const hospitalOnes = await list('agency=benh-vien-da-khoa-tinh');
      const drafts = await list('status=draft');

      expect(openDungQuat).toContain(open);
      expect(openDungQuat).not.toContain(draft);
      expect(openDungQuat).not.toContain(hospitalDemand);
      expect(industrialParks).toEqual(expect.arrayContaining([open, draft]));
      expect(industrialParks).not.toContain(hospitalDemand);
      expect(hospitalOnes).toContain(hospitalDemand);
      expect(hospitalOnes).not.toContain(open);
      expect(drafts).toContain(draft);
      expect(drafts).not.toContain(open);
    });

    it('returns pages with a cursor, without repeats', async () => {
      const first = await api('/api/demands?limit=2&agency=bql-kkt-dung-quat', { token: dungQuat });
      const second = await api(
        `/api/demands?limit=2&agency=bql-kkt-dung-quat&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { token: dungQuat },
      );

      expect(first.body.items).toHaveLength(2);
      expect(typeof first.body.nextCursor).toBe('string');
      expect(second.status).toBe(200);
      expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    });

    it.each([['agency=unknown-agency'], ['zone=atlantis'], ['status=pending'], ['limit=0'], ['foo=1']])(
      'answers 400 to the bad query %s',
      async (query) => {
        const res = await api(`/api/demands?${query}`, { token: hospital });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      },
    );
  });

  describe('who may call the demand routes', () => {
    it('refuses anonymous callers and expert sessions with 401', async () => {
      const expert = await registeredExpert();

      for (const token of [undefined, expert.sessionToken]) {
        expect((await api('/api/demands', { token })).status).toBe(401);
        expect((await api('/api/demands', { token, body: demandBody() })).status).toBe(401);
      }
    });

    it('refuses to record a demand for an account without a province agency (403)', async () => {
      const adminWithoutAgency = admin;
      const outsider = await staffToken({ groups: ['hr'], agency: 'another-province-agency' });

      expect((await api('/api/demands', { token: adminWithoutAgency, body: demandBody() })).status).toBe(403);
      expect((await api('/api/demands', { token: outsider, body: demandBody() })).status).toBe(403);
    });
  });

  describe('open-until days that have passed', () => {
    it('refuses an open demand whose open-until day has passed, on create and on edit (400)', async () => {
      const past = await api('/api/demands', {
        token: dungQuat,
        body: demandBody({ openUntil: '2020-06-30' }),
      });
      const yesterday = await api('/api/demands', {
        token: dungQuat,
        body: demandBody({ openUntil: vietnamDay(-1) }),
      });
      const today = await api('/api/demands', {
        token: dungQuat,
        body: demandBody({ openUntil: vietnamDay(0) }),
      });
      const draft = await api('/api/demands', {
        token: dungQuat,
        body: demandBody({ status: 'draft', openUntil: '2020-06-30' }),
      });
      const opening = await api(`/api/demands/${draft.body.id}`, {
        method: 'PATCH',
        token: dungQuat,
        headers: { 'If-Match': draft.headers.get('etag') ?? '' },
        body: { status: 'open' },
      });

      expect(past.status).toBe(400);
      expect(past.body.error.details).toEqual([
        { path: 'openUntil', message: expect.stringContaining('Vietnam time') },
      ]);
      expect(yesterday.status).toBe(400);
      expect(today.status).toBe(201);
      expect(draft.status).toBe(201);
      expect(opening.status).toBe(400);
    });

    it('closes an open demand once its open-until day has passed (the deadline sweep)', async () => {
      const created = await api('/api/demands', { token: dungQuat, body: demandBody() });
      const key = { PK: `DEMAND#${created.body.id}`, SK: 'DEMAND' };
      // Time passes: the stored open-until day is now yesterday.
      await documentClient().update({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET openUntil = :past',
        ExpressionAttributeValues: { ':past': vietnamDay(-1) },
      });

      const ran = await api('/dev/run-scheduled', { method: 'POST' });
      const stored = await api(`/api/demands/${created.body.id}`, { token: dungQuat });
      const closedList = await api('/api/demands?status=closed&agency=bql-kkt-dung-quat&limit=100', {
        token: dungQuat,
      });

      expect(ran.status).toBe(200);
      expect(stored.body).toMatchObject({ status: 'closed', version: created.body.version + 1 });
      expect(ids(closedList)).toContain(created.body.id);
    });
  });
});
