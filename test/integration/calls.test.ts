/**
 * Collaboration calls through the local server: staff create, edit and transition them; the
 * public sees open calls only, with public fields; only the creating agency or an administrator
 * may change a call; calls close by themselves after openUntil.
 *
 * Calls here name group 6 (humanities), which the other suites' experts do not work in, so their
 * mail counts are not disturbed.
 */

import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

/** Experts of this suite share a name no other suite searches for. */
const registered = (overrides: Partial<Registration> = {}) =>
  registeredExpert({ fullName: 'Đặng Thị Thu', ...overrides });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const callBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Tư vấn bảo tồn di sản văn hóa Sa Huỳnh',
  description: 'Tư vấn từ xa cho hồ sơ di sản / Remote advice on a heritage dossier',
  fieldCodes: ['6.1'],
  engagement: 'remote_advisory',
  audience: 'all',
  openUntil: inDays(30),
  ...overrides,
});

let hrA: string;
let hrA2: string;
let hrB: string;
let admin: string;

beforeAll(async () => {
  [hrA, hrA2, hrB, admin] = await Promise.all([
    staffToken({ agency: 'so-khoa-hoc-cong-nghe' }),
    staffToken({ agency: 'so-khoa-hoc-cong-nghe' }),
    staffToken({ agency: 'so-y-te' }),
    staffToken({ groups: ['admin'], agency: '' }),
  ]);
});

async function createCall(token: string, overrides: Record<string, unknown> = {}) {
  const res = await api('/api/calls', { token, body: callBody(overrides) });
  expect(res.status).toBe(201);
  return res.body;
}

const transition = (token: string, id: string, to: string) =>
  api(`/api/calls/${id}/transitions`, { token, body: { to } });

/** Every page of the public list (other suites' calls share it). */
async function publicCalls(): Promise<{ id: string; [k: string]: unknown }[]> {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api(
      `/api/calls?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

const patch = (token: string, id: string, version: number | undefined, body: unknown) =>
  api(`/api/calls/${id}`, {
    method: 'PATCH',
    token,
    body,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

describe('creating a call', () => {
  it('creates a draft owned by the agency of the token, with an ETag', async () => {
    const res = await api('/api/calls', { token: hrA, body: callBody({ openUntil: '2099-12-31' }) });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      agency: 'so-khoa-hoc-cong-nghe',
      fieldCodes: ['6.1'],
      audience: 'all',
      openUntil: '2099-12-31T16:59:59.999Z',
      version: 1,
    });
    expect(res.body.createdBy).toEqual(expect.any(String));
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('refuses an officer whose token names an agency the province does not have (403), as demands do', async () => {
    const stranger = await staffToken({ agency: 'ubnd-tinh-khac' });

    const res = await api('/api/calls', { token: stranger, body: callBody({ openUntil: '2099-12-31' }) });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it.each([
    ['an unknown field code', { fieldCodes: ['9.9'] }, 'fieldCodes.0'],
    ['an unknown audience', { audience: 'everyone' }, 'audience'],
    ['an openUntil in the past', { openUntil: '2020-01-01' }, 'openUntil'],
    ['an unknown property', { status: 'open' }, 'status'],
  ])('refuses %s with 400', async (_, overrides, path) => {
    const res = await api('/api/calls', { token: hrA, body: callBody(overrides) });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('is for staff only: 401 anonymous and with an expert session', async () => {
    const expert = await registered({ fields: [{ code: '6.1' }] });

    const anonymous = await api('/api/calls', { body: callBody() });
    const asExpert = await api('/api/calls', { token: expert.sessionToken, body: callBody() });

    expect(anonymous.status).toBe(401);
    expect(asExpert.status).toBe(401);
  });
});

describe('transitions', () => {
  it('goes draft → open → closed, and refuses every other step with 409', async () => {
    const call = await createCall(hrA);

    const draftToClosed = await transition(hrA, call.id, 'closed');
    const opened = await transition(hrA, call.id, 'open');
    const openAgain = await transition(hrA, call.id, 'open');
    const closed = await transition(hrA, call.id, 'closed');
    const reopened = await transition(hrA, call.id, 'open');
    const closedAgain = await transition(hrA, call.id, 'closed');

    expect(draftToClosed.status).toBe(409);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', version: 2, openedAt: expect.any(String) });
    expect(openAgain.status).toBe(409);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 3, closedAt: expect.any(String) });
    expect([reopened.status, closedAgain.status]).toEqual([409, 409]);
  });

  it('lets exactly one of two concurrent opens win', async () => {
    const call = await createCall(hrA);

    const results = await Promise.all([transition(hrA, call.id, 'open'), transition(hrA, call.id, 'open')]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('refuses an unknown target state with 400 and an unknown call with 404', async () => {
    const call = await createCall(hrA);

    expect((await transition(hrA, call.id, 'filled')).status).toBe(400);
    expect((await transition(hrA, 'no-such-call', 'open')).status).toBe(404);
  });

  it('audits who opened the call', async () => {
    const call = await createCall(hrA);
    await transition(hrA, call.id, 'open');

    const { Items } = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#call:${call.id}` },
    });

    expect(Items?.map((i) => [i.action, i.detail])).toEqual([
      ['call.transitioned', { from: 'draft', to: 'open' }],
    ]);
    expect(Items?.[0].actor).toMatchObject({ kind: 'staff', agency: 'so-khoa-hoc-cong-nghe' });
  });
});

describe('editing a call', () => {
  it('applies a PATCH with the current If-Match, 428 without it, 412 with a stale one', async () => {
    const call = await createCall(hrA);

    const missing = await patch(hrA, call.id, undefined, { title: 'Mới' });
    const ok = await patch(hrA, call.id, 1, { title: 'Tư vấn mới', fieldCodes: ['6.1', '6.2'] });
    const stale = await patch(hrA, call.id, 1, { title: 'Cũ' });

    expect(missing.status).toBe(428);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Tư vấn mới', fieldCodes: ['6.1', '6.2'], version: 2 });
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(412);
    expect((await api(`/api/calls/${call.id}`, { token: hrA })).body.title).toBe('Tư vấn mới');
  });

  it('edits open calls but not closed ones (409)', async () => {
    const call = await createCall(hrA);
    const opened = await transition(hrA, call.id, 'open');

    const edited = await patch(hrA, call.id, opened.body.version, { openUntil: inDays(60) });
    const closed = await transition(hrA, call.id, 'closed');
    const refused = await patch(hrA, call.id, closed.body.version, { title: 'Quá muộn' });

    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('open');
    expect(refused.status).toBe(409);
  });

  it('refuses unknown fields and an empty patch with 400', async () => {
    const call = await createCall(hrA);

    expect((await patch(hrA, call.id, 1, { agency: 'so-y-te' })).status).toBe(400);
    expect((await patch(hrA, call.id, 1, {})).status).toBe(400);
  });
});

describe('who may see and do what', () => {
  it('lets any officer of the creating agency and an administrator change the call, not another agency (403)', async () => {
    const call = await createCall(hrA);

    const otherAgencyRead = await api(`/api/calls/${call.id}`, { token: hrB });
    const otherAgencyPatch = await patch(hrB, call.id, 1, { title: 'Không được' });
    const otherAgencyOpen = await transition(hrB, call.id, 'open');
    const colleaguePatch = await patch(hrA2, call.id, 1, { title: 'Đồng nghiệp sửa' });
    const adminOpen = await transition(admin, call.id, 'open');

    expect(otherAgencyRead.status).toBe(200);
    expect(otherAgencyPatch.status).toBe(403);
    expect(otherAgencyOpen.status).toBe(403);
    expect(colleaguePatch.status).toBe(200);
    expect(adminOpen.status).toBe(200);
  });

  it('lets an administrator without an agency create a call only administrators change', async () => {
    const call = await createCall(admin);

    expect(call.agency).toBeNull();
    expect((await transition(hrA, call.id, 'open')).status).toBe(403);
    expect((await transition(admin, call.id, 'open')).status).toBe(200);
  });

  it('returns 404 for an unknown call and 401 for GET /api/calls/{id} without a staff token', async () => {
    const call = await createCall(hrA);
    const expert = await registered({ fields: [{ code: '6.1' }] });

    expect((await api('/api/calls/no-such-call', { token: hrA })).status).toBe(404);
    expect((await api(`/api/calls/${call.id}`)).status).toBe(401);
    expect((await api(`/api/calls/${call.id}`, { token: expert.sessionToken })).status).toBe(401);
  });
});

describe('listing calls', () => {
  it('shows the public open calls only, with public fields, soonest deadline first', async () => {
    const draft = await createCall(hrA, { title: 'Bản nháp' });
    const later = await createCall(hrA, { openUntil: inDays(40) });
    const sooner = await createCall(hrA, { openUntil: inDays(20) });
    const closed = await createCall(hrA);
    for (const c of [later, sooner, closed]) await transition(hrA, c.id, 'open');
    await transition(hrA, closed.id, 'closed');

    const items = await publicCalls();

    const ids = items.map((c) => c.id);
    expect(ids).toContain(later.id);
    expect(ids).toContain(sooner.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(closed.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const listed = items.find((c) => c.id === later.id) ?? {};
    expect(Object.keys(listed).sort()).toEqual(
      [
        'audience',
        'description',
        'engagement',
        'fieldCodes',
        'id',
        'openUntil',
        'openedAt',
        'status',
        'title',
      ].sort(),
    );
    expect(JSON.stringify(items)).not.toContain('so-khoa-hoc-cong-nghe');
  });

  it('pages the public list with limit and cursor, and refuses a forged cursor with 400', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await createCall(hrA);
      await transition(hrA, c.id, 'open');
    }

    const first = await api('/api/calls?limit=2');
    const second = await api(`/api/calls?limit=2&cursor=${first.body.nextCursor}`);
    const forged = await api('/api/calls?cursor=bm90LWEtY3Vyc29y');

    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(second.status).toBe(200);
    const firstIds = first.body.items.map((c: { id: string }) => c.id);
    expect(second.body.items.some((c: { id: string }) => firstIds.includes(c.id))).toBe(false);
    expect(forged.status).toBe(400);
  });

  it('lists every call for staff, drafts included, filtered by status', async () => {
    const draft = await createCall(hrA);
    const open = await createCall(hrA);
    await transition(hrA, open.id, 'open');

    const drafts = await api('/api/staff/calls?status=draft&limit=100', { token: hrB });
    const opens = await api('/api/staff/calls?status=open&limit=100', { token: hrB });
    const all = await api('/api/staff/calls?limit=100', { token: hrA });

    const ids = (res: { body: { items: { id: string; status: string }[] } }) =>
      res.body.items.map((c) => c.id);
    expect(ids(drafts)).toContain(draft.id);
    expect(ids(drafts)).not.toContain(open.id);
    expect(drafts.body.items.every((c: { status: string }) => c.status === 'draft')).toBe(true);
    expect(ids(opens)).toContain(open.id);
    expect(ids(all)).toEqual(expect.arrayContaining([draft.id, open.id]));
    expect((await api('/api/staff/calls')).status).toBe(401);
    expect((await api('/api/staff/calls?status=filled', { token: hrA })).status).toBe(400);
  });
});

describe('closing by itself after openUntil', () => {
  let closeDueCalls: (now: Date) => Promise<number>;

  beforeAll(async () => {
    process.env.TABLE_NAME = tableName();
    process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
    process.env.MAIL_TRANSPORT = 'dev';
    process.env.AWS_REGION = 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    ({ closeDueCalls } = await import('../../shared/app/deadlines.ts'));
  });

  /** Time passes: the stored openUntil (and its index key) moves into the past. */
  async function expire(id: string) {
    const past = new Date(Date.now() - 60_000).toISOString();
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: `CALL#${id}`, SK: 'CALL' },
      UpdateExpression: 'SET openUntil = :past, GSI1SK = :sk',
      ExpressionAttributeValues: { ':past': past, ':sk': `${past}#${id}` },
    });
  }

  it('treats an open call past openUntil as closed at once, and the sweep stores it', async () => {
    const call = await createCall(hrA);
    await transition(hrA, call.id, 'open');
    await expire(call.id);

    const publicList = await publicCalls();
    const staffView = await api(`/api/calls/${call.id}`, { token: hrA });
    const closeAgain = await transition(hrA, call.id, 'closed');
    const edit = await patch(hrA, call.id, staffView.body.version, { title: 'Quá hạn' });
    const closedList = await api('/api/staff/calls?status=closed&limit=100', { token: hrA });
    await closeDueCalls(new Date());
    const key = { PK: `CALL#${call.id}`, SK: 'CALL' };
    const stored = await documentClient().get({ TableName: tableName(), Key: key, ConsistentRead: true });
    await closeDueCalls(new Date());
    const again = await documentClient().get({ TableName: tableName(), Key: key, ConsistentRead: true });

    expect(publicList.map((c) => c.id)).not.toContain(call.id);
    expect(staffView.body.status).toBe('closed');
    expect(closeAgain.status).toBe(409);
    expect(edit.status).toBe(409);
    expect(closedList.body.items.map((c: { id: string }) => c.id)).toContain(call.id);
    expect(stored.Item).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(stored.Item?.GSI1PK).toBeUndefined();
    expect(again.Item?.version).toBe(stored.Item?.version);
  });

  it('closes due calls through the scheduled jobs (POST /dev/run-scheduled)', async () => {
    const call = await createCall(hrA);
    await transition(hrA, call.id, 'open');
    await expire(call.id);

    const ran = await api('/dev/run-scheduled', { method: 'POST' });
    const stored = await documentClient().get({
      TableName: tableName(),
      Key: { PK: `CALL#${call.id}`, SK: 'CALL' },
    });

    expect(ran.status).toBe(200);
    expect(stored.Item?.status).toBe('closed');
  });
});
