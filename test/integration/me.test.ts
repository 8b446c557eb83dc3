import { describe, expect, it } from 'vitest';
import { api, loginTokenIn, mailsTo, registeredExpert, registration, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

describe('the expert self-service routes', () => {
  it('returns the own full profile with an ETag of its version', async () => {
    const me = await registeredExpert();

    const res = await api('/api/me', { token: me.sessionToken });

    expect(res.status).toBe(200);
    expect(res.body.email).toBe(me.email);
    expect(res.body.status).toBe('active');
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'x.y'],
    ['a staff-looking token', 'eyJhbGciOiJub25lIn0.e30.'],
  ])('refuses %s with 401', async (_, token) => {
    const res = await api('/api/me', { token });

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('applies a PATCH with the current If-Match and bumps the version', async () => {
    const me = await registeredExpert();
    const before = await api('/api/me', { token: me.sessionToken });

    const res = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': before.headers.get('etag') ?? '' },
      body: { yearsExperience: 13, bio: 'Cập nhật' },
    });

    expect(res.status).toBe(200);
    expect(res.body.yearsExperience).toBe(13);
    expect(res.body.version).toBe(before.body.version + 1);
    expect(res.headers.get('etag')).toBe(`"${before.body.version + 1}"`);
  });

  it('refuses a PATCH without If-Match (428) and with a stale one (412), changing nothing', async () => {
    const me = await registeredExpert();
    const before = await api('/api/me', { token: me.sessionToken });
    await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': `"${before.body.version}"` },
      body: { yearsExperience: 20 },
    });

    const missing = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      body: { yearsExperience: 1 },
    });
    const stale = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': `"${before.body.version}"` },
      body: { yearsExperience: 2 },
    });

    expect(missing.status).toBe(428);
    expect(missing.body.error.code).toBe('precondition_required');
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('version_mismatch');
    const after = await api('/api/me', { token: me.sessionToken });
    expect(after.body.yearsExperience).toBe(20);
    expect(after.body.version).toBe(before.body.version + 1);
  });

  it('checks rules across fields against the merged profile', async () => {
    const me = await registeredExpert({ highestDegree: 'doctorate', academicTitle: 'associate_professor' });

    const res = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': `"${me.expert.version}"` },
      body: { highestDegree: 'master' },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('academicTitle');
  });

  it('lets exactly one of two concurrent PATCHes on the same version win', async () => {
    const me = await registeredExpert();
    const { body } = await api('/api/me', { token: me.sessionToken });
    const patch = (years: number) =>
      api('/api/me', {
        method: 'PATCH',
        token: me.sessionToken,
        headers: { 'if-match': `"${body.version}"` },
        body: { yearsExperience: years },
      });

    const results = await Promise.all([patch(14), patch(15)]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it.each([
    ['the e-mail', { email: 'new@example.org' }, 'email'],
    ['the consent', { consent: { registry: true } }, 'consent'],
    ['the status', { status: 'active' }, 'status'],
    ['the version', { version: 99 }, 'version'],
    ['nothing', {}, ''],
  ])('refuses a PATCH of %s', async (_, body, path) => {
    const me = await registeredExpert();

    const res = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': '"2"' },
      body,
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('records consent changes with time and text version, and they take effect at once', async () => {
    const me = await registeredExpert({ fullName: 'Trần Thị Đồng Ý' });
    const hr = await staffToken();
    const visible = await api(`/api/experts?q=tran thi dong y`, { token: hr });
    expect(visible.body.items.map((e: { id: string }) => e.id)).toContain(me.expert.id);

    const res = await api('/api/me/consent', {
      method: 'PUT',
      token: me.sessionToken,
      body: { shareWithAgencies: false, collaborationCalls: false, publicDirectory: true },
    });

    expect(res.status).toBe(200);
    expect(res.body.consent).toMatchObject({
      shareWithAgencies: false,
      publicDirectory: true,
      textVersion: '2026-01-01',
      textHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const hidden = await api(`/api/experts?q=tran thi dong y`, { token: hr });
    expect(hidden.body.items.map((e: { id: string }) => e.id)).not.toContain(me.expert.id);
    expect((await api(`/api/experts/${me.expert.id}`, { token: hr })).status).toBe(404);
    const exported = await api('/api/me/export', { token: me.sessionToken });
    expect(exported.body.consentHistory).toHaveLength(2);
  });

  it('refuses a consent body with the registry purpose or unknown fields', async () => {
    const me = await registeredExpert();

    const res = await api('/api/me/consent', {
      method: 'PUT',
      token: me.sessionToken,
      body: { shareWithAgencies: true, collaborationCalls: true, publicDirectory: true, registry: false },
    });

    expect(res.status).toBe(400);
  });

  it('exports everything held, including which agencies viewed the profile, and audits the export', async () => {
    const me = await registeredExpert();
    const hr = await staffToken({ agency: 'bql-kkt-dung-quat' });
    await api(`/api/experts/${me.expert.id}`, { token: hr });

    const res = await api('/api/me/export', { token: me.sessionToken });

    expect(res.status).toBe(200);
    expect(res.body.profile.email).toBe(me.email);
    expect(res.body.consentHistory).toHaveLength(1);
    expect(res.body.profileViews).toEqual([{ agency: 'bql-kkt-dung-quat', at: expect.any(String) }]);
    expect(res.body).toHaveProperty('offers');
    expect(res.body).toHaveProperty('callResponses');
    const audit = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#expert:${me.expert.id}` },
    });
    expect(audit.Items?.map((i) => i.action).sort()).toEqual(['profile.export', 'profile.read']);
  });

  it('erases the profile at once, leaving only a tombstone, and ends the session', async () => {
    const me = await registeredExpert({ fullName: 'Lê Văn Xoá' });
    const hr = await staffToken();

    const res = await api('/api/me', { method: 'DELETE', token: me.sessionToken });

    expect(res.status).toBe(204);
    expect((await api('/api/me', { token: me.sessionToken })).status).toBe(401);
    expect((await api(`/api/experts/${me.expert.id}`, { token: hr })).status).toBe(404);
    const search = await api('/api/experts?q=le van xoa', { token: hr });
    expect(search.body.items.map((e: { id: string }) => e.id)).not.toContain(me.expert.id);
    const partition = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `EXPERT#${me.expert.id}` },
    });
    expect(partition.Items).toEqual([
      { PK: `EXPERT#${me.expert.id}`, SK: 'TOMBSTONE', type: 'tombstone', deletedAt: expect.any(String) },
    ]);
  });

  it('lets an erased address register again as a new person', async () => {
    const me = await registeredExpert();
    await api('/api/me', { method: 'DELETE', token: me.sessionToken });

    const body = registration({ email: me.email });
    expect((await api('/api/experts', { body })).status).toBe(202);
    const [newest] = await mailsTo(me.email, 2);
    const again = await api('/api/me/session', { body: { token: loginTokenIn(newest) } });

    expect(newest.subject).toMatch(/Xác nhận/);
    expect(again.status).toBe(200);
    expect(again.body.expert.id).not.toBe(me.expert.id);
  });
});

describe('clearing optional fields', () => {
  it('removes an optional field sent as null, and refuses null for a required one', async () => {
    const me = await registeredExpert();

    const cleared = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': `"${me.expert.version}"` },
      body: { phone: null, bio: null, languages: null },
    });
    const required = await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': `"${cleared.body.version}"` },
      body: { fullName: null },
    });

    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('phone');
    expect(cleared.body).not.toHaveProperty('bio');
    expect(cleared.body.languages).toEqual([]);
    expect((await api('/api/me', { token: me.sessionToken })).body).not.toHaveProperty('phone');
    expect(required.status).toBe(400);
    expect(required.body.error.details[0].path).toBe('fullName');
  });
});

describe('the data export of a much-viewed profile', () => {
  it('lists every view, past the first thousand', async () => {
    const expert = await registeredExpert();
    const client = documentClient();
    const views = 1_050;
    const items = Array.from({ length: views }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      const id = `view-${i}`;
      return {
        PK: `AUDIT#expert:${expert.expert.id}`,
        SK: `${at}#${id}`,
        type: 'audit',
        id,
        at,
        action: 'profile.read',
        actor: { kind: 'staff', id: 'officer', agency: 'so-y-te' },
        target: `expert:${expert.expert.id}`,
      };
    });
    for (let i = 0; i < items.length; i += 25) {
      await client.batchWrite({
        RequestItems: { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      });
    }

    const res = await api('/api/me/export', { token: expert.sessionToken });

    expect(res.status).toBe(200);
    expect(res.body.profileViews).toHaveLength(views);
  });
});
