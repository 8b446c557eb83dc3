/**
 * The OpenAPI document's response schemas hold for real answers: one journey through every route
 * of the route table (register, search, a policy, a demand and its matches, an offer, a call,
 * the export, erasure), each answer parsed with the zod schema the document was generated from,
 * its status the documented success, and an ETag exactly where the document announces one. A few
 * error answers are checked to be documented statuses of their routes, in the contract's body.
 *
 * The experts, demand and call here work in field 4.3 (veterinary science), which no other suite
 * uses, so their matches and call mails are not disturbed.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#shared/domain/common-views';
import { carriesVersion, openApiDocument, operationSchemas } from '#shared/http/openapi';
import { routeKey, routes } from '#shared/routes';
import {
  api,
  loginTokenIn,
  mailsTo,
  registeredExpert,
  registration,
  staffToken,
  streamSettled,
} from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';
import { csvBytes, templateHeader } from '../support/imports.ts';

/** Under the zod/mini stand-in (test/support/zod-stand-in.mjs) the local server cannot build the document. */
const openApiBuilt = !process.env.REGISTRY_ZOD_STAND_IN;

interface CallOptions {
  params?: Record<string, string>;
  query?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const document = openApiDocument();
const checked = new Set<string>();

function request(key: string, options: CallOptions) {
  const [method, template] = key.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(options.params?.[name] ?? ''),
  );
  return api(`${path}${options.query ? `?${options.query}` : ''}`, {
    method,
    token: options.token,
    body: options.body,
    headers: options.headers,
  });
}

/** Calls the route and holds its answer to the route's documented success response. */
async function documented(key: string, options: CallOptions = {}) {
  const op = operationSchemas[key];
  const res = await request(key, options);

  expect(res.status, `${key}: ${res.text}`).toBe(op.success ?? 200);
  if (op.response) {
    expect(op.response.safeParse(res.body).error?.issues, key).toBeUndefined();
    const etag = res.headers.get('etag');
    if (carriesVersion(op.response)) expect(etag, key).toBe(`"${res.body.version}"`);
    else expect(etag, key).toBeNull();
  } else {
    expect(res.text, key).toBe('');
  }
  checked.add(key);
  return res;
}

/** Calls the route expecting an error: a status the document lists for it, in the error body. */
async function documentedError(key: string, status: number, options: CallOptions = {}) {
  const [method, template] = key.split(' ');
  const res = await request(key, options);

  expect(res.status, `${key}: ${res.text}`).toBe(status);
  expect(errorBodySchema.safeParse(res.body).error?.issues, key).toBeUndefined();
  const responses = (document.paths[template] as Record<string, { responses: object }>)[method.toLowerCase()]
    .responses;
  expect(Object.keys(responses), key).toContain(String(status));
  return res;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const name = 'Tạ Thị Lược Đồ';
const ifMatch = (res: { headers: Headers }) => ({ 'if-match': res.headers.get('etag') ?? '' });

describe('the OpenAPI response schemas against real answers', () => {
  let hr: string;
  let admin: string;
  let session: string;
  let expertId: string;
  let policyId: string;
  let demandId: string;
  let offerId: string;
  let callId: string;

  beforeAll(async () => {
    [hr, admin] = await Promise.all([
      staffToken({ groups: ['hr'], agency: 'so-nong-nghiep-moi-truong' }),
      staffToken({ groups: ['admin'], agency: '' }),
    ]);
  });

  it('answers the public meta routes as documented', async () => {
    await documented('GET /api/health');
    await documented('GET /api/meta');
    if (openApiBuilt) await documented('GET /api/openapi.json');
  });

  it('registers an expert, opens a session and manages the profile as documented', async () => {
    const body = registration({
      fullName: name,
      fields: [{ code: '4.3', specialization: 'Dịch tễ học thú y' }],
      consent: {
        registry: true,
        shareWithAgencies: true,
        collaborationCalls: true,
        publicDirectory: true,
        textVersion: '2026-01-01',
      },
    });
    await documented('POST /api/experts', { body });
    const [mail] = await mailsTo(body.email);
    const opened = await documented('POST /api/me/session', { body: { token: loginTokenIn(mail) } });
    session = opened.body.sessionToken;
    expertId = opened.body.expert.id;

    const me = await documented('GET /api/me', { token: session });
    await documentedError('PATCH /api/me', 428, { token: session, body: { bio: 'Không có If-Match' } });
    const patched = await documented('PATCH /api/me', {
      token: session,
      headers: ifMatch(me),
      body: { bio: 'Nghiên cứu dịch tễ học thú y.', phone: null },
    });
    await documentedError('PATCH /api/me', 412, {
      token: session,
      headers: ifMatch(me),
      body: { bio: 'Cũ' },
    });
    expect(patched.body.version).toBe(me.body.version + 1);
    await documented('PUT /api/me/consent', {
      token: session,
      body: { shareWithAgencies: true, collaborationCalls: true, publicDirectory: true },
    });
    await documented('POST /api/me/login-link', { body: { email: body.email } });
    await documentedError('GET /api/me', 401);
  });

  it('lets staff and the public find the expert as documented', async () => {
    const search = await documented('GET /api/experts', { token: hr, query: 'q=ta thi luoc do&field=4.3' });
    expect(search.body.items.map((e: { id: string }) => e.id)).toContain(expertId);
    await documented('GET /api/experts/{id}', { token: hr, params: { id: expertId } });
    const directory = await documented('GET /api/directory', { query: 'q=luoc do&field=4' });
    expect(directory.body.items.map((e: { id: string }) => e.id)).toContain(expertId);

    await documentedError('GET /api/experts', 401);
    await documentedError('GET /api/experts', 400, { token: hr, query: 'limit=0' });
    await documentedError('GET /api/experts/{id}', 404, { token: hr, params: { id: randomUUID() } });
  });

  it('keeps a policy and a demand with its matches as documented', async () => {
    const policy = await documented('POST /api/policies', {
      token: admin,
      body: {
        code: `OPENAPI-${randomUUID().slice(0, 8)}`,
        title: 'Hỗ trợ chuyên gia thú y',
        legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)',
        benefits: [{ kind: 'research_grant', amountVnd: 200_000_000 }],
        eligibility: { fieldCodes: ['4'] },
        validFrom: '2020-01-01',
      },
    });
    policyId = policy.body.id;
    await documentedError('POST /api/policies', 403, { token: hr, body: {} });
    await documented('GET /api/policies', { token: hr, query: 'active=true&limit=100' });
    await documented('GET /api/policies/{id}', { token: hr, params: { id: policyId } });
    await documented('PATCH /api/policies/{id}', {
      token: admin,
      params: { id: policyId },
      headers: ifMatch(policy),
      body: { title: 'Hỗ trợ chuyên gia thú y về tỉnh' },
    });

    const demand = await documented('POST /api/demands', {
      token: hr,
      body: {
        title: 'Chuyên gia dịch tễ thú y',
        fieldCodes: ['4.3'],
        minDegree: 'master',
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        policyIds: [policyId],
        status: 'open',
      },
    });
    demandId = demand.body.id;
    await documented('GET /api/demands', {
      token: hr,
      query: 'agency=so-nong-nghiep-moi-truong&status=open',
    });
    await documented('GET /api/demands/{id}', { token: hr, params: { id: demandId } });
    await documented('PATCH /api/demands/{id}', {
      token: hr,
      params: { id: demandId },
      headers: ifMatch(demand),
      body: { headcount: 2 },
    });
    const matches = await documented('GET /api/demands/{id}/matches', {
      token: hr,
      params: { id: demandId },
    });
    expect(matches.body.items.map((m: { expert: { id: string } }) => m.expert.id)).toContain(expertId);
  });

  it('makes, sends and answers an offer as documented', async () => {
    const offer = await documented('POST /api/offers', {
      token: hr,
      body: {
        expertId,
        demandId,
        policyIds: [policyId],
        terms: 'Tư vấn từ xa 6 tháng.',
        expiresAt: inDays(30),
      },
    });
    offerId = offer.body.id;
    await documented('GET /api/offers', { token: hr, query: `demandId=${demandId}` });
    await documented('GET /api/offers/{id}', { token: hr, params: { id: offerId } });
    await documented('POST /api/offers/{id}/transitions', {
      token: hr,
      params: { id: offerId },
      body: { to: 'sent', note: 'Đã trao đổi qua điện thoại.' },
    });
    await documentedError('POST /api/offers/{id}/transitions', 409, {
      token: hr,
      params: { id: offerId },
      body: { to: 'sent' },
    });
    const mine = await documented('GET /api/me/offers', { token: session });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toContain(offerId);
    await documented('POST /api/me/offers/{id}/response', {
      token: session,
      params: { id: offerId },
      body: { decision: 'accept', note: 'Tôi đồng ý.' },
    });
    const notices = await documented('GET /api/staff/notices', { token: hr });
    const told = notices.body.items.find((n: { offerId?: string }) => n.offerId === offerId);
    expect(told?.kind).toBe('offer_accepted');
    await documented('POST /api/staff/notices/seen', { token: hr, body: { upTo: told.id } });
  });

  it('opens, answers and withdraws from a call, and exports and erases the expert, as documented', async () => {
    const call = await documented('POST /api/calls', {
      token: hr,
      body: {
        title: 'Tư vấn phòng chống dịch bệnh gia súc',
        description: 'Ba buổi tư vấn trực tuyến / Three online advisory sessions',
        fieldCodes: ['4.3'],
        engagement: 'remote_advisory',
        audience: 'all',
        openUntil: inDays(20),
      },
    });
    callId = call.body.id;
    await documented('PATCH /api/calls/{id}', {
      token: hr,
      params: { id: callId },
      headers: ifMatch(call),
      body: { openUntil: inDays(21) },
    });
    await documented('POST /api/calls/{id}/transitions', {
      token: hr,
      params: { id: callId },
      body: { to: 'open' },
    });
    await documented('GET /api/calls/{id}', { token: hr, params: { id: callId } });
    await documented('GET /api/calls', { query: 'limit=100' });
    await documented('GET /api/staff/calls', { token: hr, query: 'status=open' });
    await documented('POST /api/calls/{id}/responses', {
      token: session,
      params: { id: callId },
      body: { message: 'Tôi có thể tham gia.' },
    });
    const responses = await documented('GET /api/calls/{id}/responses', {
      token: hr,
      params: { id: callId },
    });
    expect(responses.body.items.map((r: { expert: { id: string } }) => r.expert.id)).toEqual([expertId]);
    const matches = await documented('GET /api/me/matches', { token: session });
    expect(matches.body.items.map((m: { kind: string }) => m.kind)).toEqual(
      expect.arrayContaining(['call', 'demand']),
    );
    const exported = await documented('GET /api/me/export', { token: session });
    expect(exported.body.offers).toHaveLength(1);
    expect(exported.body.callResponses).toHaveLength(1);

    await documented('DELETE /api/calls/{id}/responses/me', { token: session, params: { id: callId } });
    await documentedError('DELETE /api/calls/{id}/responses/me', 404, {
      token: session,
      params: { id: callId },
    });
    await documented('DELETE /api/me', { token: session });
    await documentedError('GET /api/me', 401, { token: session });
  });

  it('ends an expert session as documented', async () => {
    const { sessionToken } = await registeredExpert({ fields: [{ code: '4.3', specialization: 'Thú y' }] });

    await documented('DELETE /api/me/session', { token: sessionToken, query: 'all=true' });
    await documentedError('DELETE /api/me/session', 401, { token: sessionToken });
  });

  it('unsubscribes from collaboration calls as documented', async () => {
    const { expert } = await registeredExpert({ fields: [{ code: '4.3', specialization: 'Thú y' }] });
    // The token a call mail would carry (test/integration/unsubscribe.test.ts sends real ones).
    const secret = randomBytes(32).toString('base64url');
    await documentClient().put({
      TableName: tableName(),
      Item: {
        PK: `EXPERT#${expert.id}`,
        SK: `UNSUB#${createHash('sha256').update(secret).digest('hex')}`,
        type: 'unsubscribeToken',
        expiresAt: inDays(1),
      },
    });

    await documented('POST /api/unsubscribe', {
      query: `token=${encodeURIComponent(`${expert.id}.${secret}`)}`,
    });
    await documentedError('POST /api/unsubscribe', 404, { query: 'token=unknown' });
  });

  it('changes an expert e-mail address as documented (issue 13)', async () => {
    const { sessionToken, email } = await registeredExpert();
    const newEmail = `moved.${randomUUID().slice(0, 8)}@example.org`;
    await documented('POST /api/me/email-change', { token: sessionToken, body: { email: newEmail } });
    await documentedError('POST /api/me/email-change', 400, { token: sessionToken, body: { email } });
    // The token the confirmation mail would carry (email-change.test.ts reads real ones).
    const { expert } = await registeredExpert();
    const secret = randomBytes(32).toString('base64url');
    await documentClient().put({
      TableName: tableName(),
      Item: {
        PK: `EXPERT#${expert.id}`,
        SK: `EMAILCHANGE#${createHash('sha256').update(secret).digest('hex')}`,
        type: 'emailChangeToken',
        newEmail: `confirmed.${randomUUID().slice(0, 8)}@example.org`,
        expiresAt: inDays(1),
      },
    });
    await documented('POST /api/me/email-change/confirm', { body: { token: `${expert.id}.${secret}` } });
    await documentedError('POST /api/me/email-change/confirm', 404, {
      body: { token: `${expert.id}.${secret}` },
    });
  });

  it('answers the import and export routes as documented (issue 12)', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    await documented('GET /api/imports/template', { token: admin });
    const bytes = csvBytes([templateHeader, `${name},,,1980,,Tiến sĩ,,2.3,,,,,,,,`]);
    const declared = { filename: 'a.csv', contentType: 'text/csv', size: bytes.length };
    const created = await documented('POST /api/imports', { token: admin, body: declared });
    const id = created.body.id as string;
    await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: new Uint8Array(bytes),
    });
    await documented('POST /api/imports/{id}/dry-run', { token: admin, params: { id }, body: {} });
    await streamSettled();
    await documented('GET /api/imports/{id}', { token: admin, params: { id } });
    await documented('GET /api/imports/{id}/rows', { token: admin, params: { id } });
    await documented('POST /api/imports/{id}/commit', { token: admin, params: { id } });
    await streamSettled();
    await documented('DELETE /api/imports/{id}/entries', { token: admin, params: { id } });
    const other = (await api('/api/imports', { token: admin, body: declared })).body.id as string;
    await documented('POST /api/imports/{id}/cancel', { token: admin, params: { id: other } });
    const exported = await documented('POST /api/exports', {
      token: admin,
      body: { kind: 'search', format: 'csv' },
    });
    await streamSettled();
    await documented('GET /api/exports/{id}', { token: admin, params: { id: exported.body.id } });
  });

  it('answers the duplicates routes as documented (issue 12)', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: '' });
    const person = `${name} Trùng`;
    const bytes = csvBytes([
      templateHeader,
      ...['Sở Y tế', 'Sở Tài chính', 'Sở Xây dựng'].map(
        (employer) => `${person},,,1981,,Tiến sĩ,,2.3,,${employer},,,,,,`,
      ),
    ]);
    const created = await api('/api/imports', {
      token: admin,
      body: { filename: 'd.csv', contentType: 'text/csv', size: bytes.length },
    });
    const id = created.body.id as string;
    await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: new Uint8Array(bytes),
    });
    await api(`/api/imports/${id}/dry-run`, { token: admin, body: {} });
    await streamSettled();
    await api(`/api/imports/${id}/commit`, { token: admin, method: 'POST' });
    await streamSettled();
    const queue = await documented('GET /api/duplicates', { token: admin, query: 'limit=100' });
    const mine = (queue.body.items as { id: string; a: { fullName?: string } }[]).filter(
      (p) => p.a.fullName === person,
    );
    expect(mine).toHaveLength(2);
    await documented('GET /api/duplicates/{id}', { token: admin, params: { id: mine[0].id } });
    await documented('POST /api/duplicates/{id}/merge', {
      token: admin,
      params: { id: mine[0].id },
      body: { keep: 'a', fields: { employer: 'b' } },
    });
    await documented('POST /api/duplicates/{id}/distinct', { token: admin, params: { id: mine[1].id } });
  });

  it('answers the statistics, report and audit routes as documented', async () => {
    await documented('GET /api/stats', { token: hr });
    await documented('GET /api/stats/targets', { token: hr });
    const recount = await documented('POST /api/stats/recount', { token: admin });
    await documented('GET /api/stats/recount/{id}', { token: admin, params: { id: recount.body.id } });
    const report = await documented('POST /api/reports', {
      token: admin,
      body: { title: 'Sơ kết 6 tháng', periodFrom: '2026-01-01', periodTo: '2026-06-30' },
    });
    await documented('GET /api/reports/compare', {
      token: hr,
      query: `a=${report.body.id}&b=${report.body.id}`,
    });
    await documented('GET /api/reports', { token: hr });
    await documented('GET /api/reports/{id}', { token: hr, params: { id: report.body.id } });
    await documentedError('GET /api/reports/{id}', 404, { token: hr, params: { id: 'missing' } });
    await documented('GET /api/audit', { token: admin, query: 'action=report.created&limit=5' });
    await documentedError('GET /api/audit', 400, { token: admin, query: 'cursor=forged' });
    await documentedError('GET /api/audit', 403, { token: hr });
  });

  it('answers the staff administration routes as documented (issue 10)', async () => {
    const email = `officer.${randomUUID().slice(0, 8)}@example.org`;
    const body = { email, name: 'Trần Thị Bình', group: 'hr', agency: 'so-y-te' };
    const invited = await documented('POST /api/staff/users', { token: admin, body });
    await documentedError('POST /api/staff/users', 409, { token: admin, body });
    await documented('GET /api/staff/users', { token: admin, query: `q=${email}` });
    await documented('PATCH /api/staff/users/{id}', {
      token: admin,
      params: { id: invited.body.id },
      body: { enabled: false },
      headers: { 'if-match': `"${invited.body.version}"` },
    });
    await documentedError('GET /api/staff/users', 403, { token: hr });
  });

  it('has checked the answer of every route of the route table', () => {
    const expected = routes.map(routeKey).filter((key) => openApiBuilt || key !== 'GET /api/openapi.json');
    expect(expected.filter((key) => !checked.has(key))).toEqual([]);
  });
});
