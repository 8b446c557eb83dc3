/**
 * Experts respond to open calls (one response each, with the collaboration-calls consent); the
 * creating agency sees who responded; a response goes with the expert's consent or profile.
 * Calls here name group 6, which the other suites' experts do not work in.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

/** Experts of this suite share a name no other suite searches for. */
const registered = (overrides: Partial<Registration> = {}) =>
  registeredExpert({ fullName: 'Huỳnh Văn Lộc', ...overrides });

let hr: string;
let otherAgency: string;
let admin: string;

beforeAll(async () => {
  [hr, otherAgency, admin] = await Promise.all([
    staffToken({ agency: 'dai-hoc-pham-van-dong' }),
    staffToken({ agency: 'so-y-te' }),
    staffToken({ groups: ['admin'], agency: '' }),
  ]);
});

async function createCall(to?: 'open' | 'closed') {
  const res = await api('/api/calls', {
    token: hr,
    body: {
      title: 'Biên soạn địa chí tỉnh / Provincial gazetteer',
      description: 'Cộng tác biên soạn / Co-authoring',
      fieldCodes: ['6.1'],
      engagement: 'project_based',
      audience: 'all',
      openUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  expect(res.status).toBe(201);
  if (to)
    expect(
      (await api(`/api/calls/${res.body.id}/transitions`, { token: hr, body: { to: 'open' } })).status,
    ).toBe(200);
  if (to === 'closed') {
    expect(
      (await api(`/api/calls/${res.body.id}/transitions`, { token: hr, body: { to: 'closed' } })).status,
    ).toBe(200);
  }
  return res.body.id as string;
}

const respond = (token: string, callId: string, message = 'Tôi quan tâm / I am interested') =>
  api(`/api/calls/${callId}/responses`, { token, body: { message } });

const withdraw = (token: string, callId: string) =>
  api(`/api/calls/${callId}/responses/me`, { method: 'DELETE', token });

const responders = async (callId: string, token = hr) => {
  const res = await api(`/api/calls/${callId}/responses?limit=100`, { token });
  expect(res.status).toBe(200);
  return res.body.items as { expert: { id: string }; message: string; respondedAt: string }[];
};

const noCalls = {
  registry: true as const,
  shareWithAgencies: true,
  collaborationCalls: false,
  publicDirectory: false,
  textVersion: '2026-01-01',
};

describe('responding to a call', () => {
  it('records one response per expert: 201, then 409 for a second one', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');

    const first = await respond(expert.sessionToken, callId);
    const second = await respond(expert.sessionToken, callId, 'Lần nữa');

    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      callId,
      message: 'Tôi quan tâm / I am interested',
      respondedAt: expect.any(String),
    });
    expect(second.status).toBe(409);
    const listed = await responders(callId);
    expect(listed.map((r) => [r.expert.id, r.message])).toEqual([
      [expert.expert.id, 'Tôi quan tâm / I am interested'],
    ]);
  });

  it('withdraws a response (204), 404 when there is none, and lets the expert respond again', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');
    await respond(expert.sessionToken, callId);

    const withdrawn = await withdraw(expert.sessionToken, callId);
    const again = await withdraw(expert.sessionToken, callId);

    expect(withdrawn.status).toBe(204);
    expect(again.status).toBe(404);
    expect(await responders(callId)).toEqual([]);
    expect((await respond(expert.sessionToken, callId)).status).toBe(201);
  });

  it('needs the collaboration-calls consent (403)', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }], consent: noCalls });
    const callId = await createCall('open');

    const res = await respond(expert.sessionToken, callId);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses closed calls and drafts with 409, an unknown call with 404', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const [closed, draft] = await Promise.all([createCall('closed'), createCall()]);

    expect((await respond(expert.sessionToken, closed)).status).toBe(409);
    expect((await respond(expert.sessionToken, draft)).status).toBe(409);
    expect((await respond(expert.sessionToken, 'no-such-call')).status).toBe(404);
  });

  it('refuses a call past its openUntil with 409', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');
    const past = new Date(Date.now() - 1000).toISOString();
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: `CALL#${callId}`, SK: 'CALL' },
      UpdateExpression: 'SET openUntil = :past, GSI1SK = :sk',
      ExpressionAttributeValues: { ':past': past, ':sk': `${past}#${callId}` },
    });

    expect((await respond(expert.sessionToken, callId)).status).toBe(409);
  });

  it('validates the body and needs an expert session', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');

    expect((await respond(expert.sessionToken, callId, '   ')).status).toBe(400);
    expect(
      (
        await api(`/api/calls/${callId}/responses`, {
          token: expert.sessionToken,
          body: { message: 'x', cv: 'y' },
        })
      ).status,
    ).toBe(400);
    expect((await respond('', callId)).status).toBe(401);
    expect((await respond(hr, callId)).status).toBe(401);
  });
});

describe('who sees the responses', () => {
  it('shows the creating agency and administrators a summary without contacts; 403 for another agency', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }], phone: '+84905000111' });
    const callId = await createCall('open');
    await respond(expert.sessionToken, callId);

    const own = await api(`/api/calls/${callId}/responses`, { token: hr });
    const byAdmin = await api(`/api/calls/${callId}/responses`, { token: admin });
    const other = await api(`/api/calls/${callId}/responses`, { token: otherAgency });

    expect(own.status).toBe(200);
    expect(own.body.items[0]).toMatchObject({
      expert: { id: expert.expert.id, fullName: 'Huỳnh Văn Lộc', fields: [{ code: '6.1' }] },
      message: 'Tôi quan tâm / I am interested',
      respondedAt: expect.any(String),
    });
    expect(own.text).not.toContain(expert.email);
    expect(own.text).not.toContain('+84905000111');
    expect(own.body.nextCursor).toBeNull();
    expect(byAdmin.body.items).toHaveLength(1);
    expect(other.status).toBe(403);
  });

  it('returns 404 for an unknown call and 401 without a staff token', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');

    expect((await api('/api/calls/no-such-call/responses', { token: hr })).status).toBe(404);
    expect((await api(`/api/calls/${callId}/responses`)).status).toBe(401);
    expect((await api(`/api/calls/${callId}/responses`, { token: expert.sessionToken })).status).toBe(401);
  });

  it('pages the responses', async () => {
    const experts = await Promise.all([1, 2, 3].map(() => registered({ fields: [{ code: '6.1' }] })));
    const callId = await createCall('open');
    for (const e of experts) await respond(e.sessionToken, callId);

    const first = await api(`/api/calls/${callId}/responses?limit=2`, { token: hr });
    const second = await api(`/api/calls/${callId}/responses?limit=2&cursor=${first.body.nextCursor}`, {
      token: hr,
    });

    const ids = [...first.body.items, ...second.body.items].map(
      (r: { expert: { id: string } }) => r.expert.id,
    );
    expect(first.body.items).toHaveLength(2);
    expect(new Set(ids)).toEqual(new Set(experts.map((e) => e.expert.id)));
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('a response and the expert behind it', () => {
  it('is in the expert data export', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');
    await respond(expert.sessionToken, callId);

    const exported = await api('/api/me/export', { token: expert.sessionToken });

    expect(exported.body.callResponses).toEqual([
      { callId, message: 'Tôi quan tâm / I am interested', respondedAt: expect.any(String) },
    ]);
  });

  it('disappears when the expert erases the profile', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const stays = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');
    await respond(expert.sessionToken, callId);
    await respond(stays.sessionToken, callId);

    expect((await api('/api/me', { method: 'DELETE', token: expert.sessionToken })).status).toBe(204);

    expect((await responders(callId)).map((r) => r.expert.id)).toEqual([stays.expert.id]);
    const { Item } = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `CALL#${callId}`, SK: `RESPONSE#${expert.expert.id}` },
      ConsistentRead: true,
    });
    expect(Item).toBeUndefined();
  });

  it('is hidden from staff once the expert withdraws the collaboration-calls consent', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });
    const callId = await createCall('open');
    await respond(expert.sessionToken, callId);

    await api('/api/me/consent', {
      method: 'PUT',
      token: expert.sessionToken,
      body: { shareWithAgencies: true, collaborationCalls: false, publicDirectory: false },
    });

    expect(await responders(callId)).toEqual([]);
  });

  it('fills a page past responses that are hidden, so a page is short only at the end', async () => {
    const callId = await createCall('open');
    const experts = await Promise.all([1, 2, 3, 4].map(() => registered({ fields: [{ code: '6.1' }] })));
    for (const expert of experts) expect((await respond(expert.sessionToken, callId)).status).toBe(201);
    // Responses are listed in the order of the experts' ids: hide the first three of that order.
    const ordered = [...experts].sort((a, b) => a.expert.id.localeCompare(b.expert.id));
    for (const expert of ordered.slice(0, 3)) {
      await api('/api/me/consent', {
        method: 'PUT',
        token: expert.sessionToken,
        body: { shareWithAgencies: true, collaborationCalls: false, publicDirectory: false },
      });
    }

    const first = await api(`/api/calls/${callId}/responses?limit=1`, { token: hr });

    expect(first.body.items.map((r: { expert: { id: string } }) => r.expert.id)).toEqual([
      ordered[3].expert.id,
    ]);
  });
});
