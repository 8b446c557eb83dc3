import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

const code = () => `TEST-${randomUUID().slice(0, 8).toUpperCase()}`;

const policyBody = (overrides: Record<string, unknown> = {}) => ({
  code: code(),
  title: 'Hỗ trợ nhà ở tại Khu kinh tế Dung Quất / Housing support in the Dung Quat EZ',
  legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)',
  benefits: [
    { kind: 'housing', amountVnd: 72_000_000, description: 'Thuê nhà năm đầu' },
    { kind: 'monthly_allowance', amountVnd: 5_000_000 },
  ],
  eligibility: { minDegree: 'master', fieldCodes: ['2'], zones: ['dung-quat-ez'], nativesOnly: false },
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  active: true,
  ...overrides,
});

describe('the attraction-policy catalogue', () => {
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    [admin, hr] = await Promise.all([
      staffToken({ groups: ['admin'], agency: '' }),
      staffToken({ groups: ['hr'], agency: 'so-noi-vu' }),
    ]);
  });

  it('lets an administrator add a policy, with an ETag and an audit event', async () => {
    const body = policyBody();

    const res = await api('/api/policies', { token: admin, body });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ ...body, version: 1 });
    expect(res.body.benefits[1].description).toBe('');
    const audit = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#policy:${res.body.id}` },
    });
    expect(audit.Items?.map((e) => e.action)).toEqual(['policy.created']);
  });

  it('lets HR list the catalogue and read one policy, but not change it (403)', async () => {
    const created = await api('/api/policies', { token: admin, body: policyBody() });

    const list = await api('/api/policies?limit=100', { token: hr });
    const one = await api(`/api/policies/${created.body.id}`, { token: hr });
    const add = await api('/api/policies', { token: hr, body: policyBody() });
    const change = await api(`/api/policies/${created.body.id}`, {
      method: 'PATCH',
      token: hr,
      headers: { 'if-match': '"1"' },
      body: { active: false },
    });

    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"1"');
    expect(add.status).toBe(403);
    expect(change.status).toBe(403);
  });

  it('filters the list by active', async () => {
    const [on, off] = await Promise.all([
      api('/api/policies', { token: admin, body: policyBody() }),
      api('/api/policies', { token: admin, body: policyBody({ active: false }) }),
    ]);

    const active = await api('/api/policies?active=true&limit=100', { token: hr });
    const inactive = await api('/api/policies?active=false&limit=100', { token: hr });

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);
    expect(ids(active)).toContain(on.body.id);
    expect(ids(active)).not.toContain(off.body.id);
    expect(ids(inactive)).toContain(off.body.id);
  });

  it('applies an edit with If-Match; refuses a missing (428) or stale (412) one', async () => {
    const created = await api('/api/policies', { token: admin, body: policyBody() });
    const path = `/api/policies/${created.body.id}`;

    const edited = await api(path, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { active: false, benefits: [{ kind: 'one_time_allowance', amountVnd: 100_000_000 }] },
    });
    const missing = await api(path, { method: 'PATCH', token: admin, body: { active: true } });
    const stale = await api(path, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { active: true },
    });

    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ active: false, version: 2 });
    expect(edited.body.benefits).toEqual([
      { kind: 'one_time_allowance', amountVnd: 100_000_000, description: '' },
    ]);
    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
    expect((await api(path, { token: hr })).body.active).toBe(false);
  });

  it('keeps codes unique, on creation and on renaming (409)', async () => {
    const first = await api('/api/policies', { token: admin, body: policyBody() });
    const second = await api('/api/policies', { token: admin, body: policyBody() });

    const duplicate = await api('/api/policies', {
      token: admin,
      body: policyBody({ code: first.body.code }),
    });
    const rename = await api(`/api/policies/${second.body.id}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { code: first.body.code },
    });
    const freed = code();
    const renameFree = await api(`/api/policies/${second.body.id}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { code: freed },
    });
    const reuseOld = await api('/api/policies', {
      token: admin,
      body: policyBody({ code: second.body.code }),
    });

    expect(duplicate.status).toBe(409);
    expect(rename.status).toBe(409);
    expect(renameFree.status).toBe(200);
    expect(renameFree.body.code).toBe(freed);
    expect(reuseOld.status).toBe(201);
  });

  it.each([
    ['a negative amount', { benefits: [{ kind: 'housing', amountVnd: -1 }] }, 'benefits.0.amountVnd'],
    ['a fractional amount', { benefits: [{ kind: 'housing', amountVnd: 1.5 }] }, 'benefits.0.amountVnd'],
    ['an unknown benefit kind', { benefits: [{ kind: 'car', amountVnd: 1 }] }, 'benefits.0.kind'],
    ['no benefits', { benefits: [] }, 'benefits'],
    ['validTo before validFrom', { validFrom: '2027-01-01', validTo: '2026-01-01' }, 'validTo'],
    ['an unknown field code', { eligibility: { fieldCodes: ['9'] } }, 'eligibility.fieldCodes.0'],
    ['an unknown property', { amount: 5 }, 'amount'],
  ])('refuses %s with 400', async (_, overrides, path) => {
    const res = await api('/api/policies', { token: admin, body: policyBody(overrides) });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('answers 404 for an unknown policy', async () => {
    expect((await api(`/api/policies/${randomUUID()}`, { token: hr })).status).toBe(404);
    const patch = await api(`/api/policies/${randomUUID()}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { active: false },
    });
    expect(patch.status).toBe(404);
  });

  it('refuses anonymous callers and expert sessions with 401', async () => {
    const expert = await registeredExpert();

    for (const token of [undefined, expert.sessionToken]) {
      expect((await api('/api/policies', { token })).status).toBe(401);
      expect((await api('/api/policies', { token, body: policyBody() })).status).toBe(401);
    }
  });
});
