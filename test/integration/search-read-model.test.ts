/**
 * The search read model through the local server: a generated register of 10,000 profiles found
 * by exact name on page 1, consent withdrawal and erasure in force on the very next search and
 * match (the page is confirmed against the table, even before the index hears of the change),
 * an edit searchable on the next request, and cursors that were tampered with refused.
 *
 * The generated profiles work in field group 5 only and opt out of calls and the directory, so
 * the other suites' demands, calls and directory pages (which run beside this one) never meet them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { foldVietnamese } from '#shared/domain/text';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((e) => e.id);
const registerSize = 10_000;

let hr: string;

beforeAll(async () => {
  process.env.TABLE_NAME = tableName();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  hr = await staffToken({ groups: ['hr'], agency: 'so-khoa-hoc-cong-nghe' });
});

describe(`HR search over ${registerSize.toLocaleString('en')} generated profiles`, () => {
  const domain = `bulk-${randomUUID().slice(0, 8)}.example.org`;
  let generated: Registration[] = [];
  let expertKeys: { PK: string; SK: string }[] = [];

  beforeAll(async () => {
    const { generateProfiles } = await import('#shared/demo/generate-profiles');
    const { verifiedExpertItems } = await import('#shared/db/experts');
    const { batchPut } = await import('#shared/db/bulk-load');
    generated = generateProfiles(registerSize, { startIndex: 1, emailDomain: domain, seed: 8 })
      // The other suites' experts are Nguyễn Văn An by default: no namesakes to crowd their pages.
      .filter((p) => !foldVietnamese(p.fullName).startsWith('nguyen van an'))
      .map((p, i) => ({
        ...p,
        fields: [{ code: `5.${(i % 9) + 1}`, specialization: p.fields[0]?.specialization }],
        consent: { ...p.consent, shareWithAgencies: true, collaborationCalls: false, publicDirectory: false },
      }));
    const items = generated.flatMap((r) => verifiedExpertItems(r, new Date()));
    expertKeys = items.map((item) => ({ PK: String(item.PK), SK: String(item.SK) }));
    await batchPut(items, { concurrency: 8 });
    // A bulk load is not in the change log: a new snapshot takes it in, as the builder would.
    const build = await api('/dev/search/snapshot', { method: 'POST' });
    expect(build.body.docs).toBeGreaterThanOrEqual(generated.length);
  }, 600_000);

  afterAll(async () => {
    const { batchDelete } = await import('#shared/db/batch');
    await batchDelete(expertKeys);
    await api('/dev/search/snapshot', { method: 'POST' });
  }, 600_000);

  /** A generated person whose full name nobody else in the register has. */
  function someoneWithAUniqueName(): Registration {
    const counts = new Map<string, number>();
    for (const p of generated)
      counts.set(foldVietnamese(p.fullName), (counts.get(foldVietnamese(p.fullName)) ?? 0) + 1);
    const person = generated.find(
      (p, i) => i > registerSize / 2 && counts.get(foldVietnamese(p.fullName)) === 1,
    );
    if (!person) throw new Error('every generated name is shared');
    return person;
  }

  it('finds a person by exact full name on page 1, with and without diacritics', async () => {
    const person = someoneWithAUniqueName();
    for (const q of [person.fullName, foldVietnamese(person.fullName)]) {
      const res = await api(`/api/experts?q=${encodeURIComponent(q)}`, { token: hr });
      expect(res.status).toBe(200);
      expect(res.body.items[0].fullName).toBe(person.fullName);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts every match in total and facets, and pages to the end with the cursor', async () => {
    const res = await api('/api/experts?q=nguyen&field=5&limit=100', { token: hr });
    const inGroup5 = generated.filter((p) =>
      foldVietnamese(p.fullName)
        .split(' ')
        .some((w) => w.startsWith('nguyen')),
    );
    expect(res.body.total).toBeGreaterThanOrEqual(inGroup5.length);
    expect(res.body.items).toHaveLength(100);
    expect(res.body.facets.fieldGroup['5']).toBe(res.body.total);
    const degrees = Object.values(res.body.facets.degree as Record<string, number>);
    expect(degrees.reduce((a, b) => a + b, 0)).toBe(res.body.total);
    const next = await api(`/api/experts?q=nguyen&field=5&limit=100&cursor=${res.body.nextCursor}`, {
      token: hr,
    });
    expect(ids(next).some((id) => ids(res).includes(id))).toBe(false);
  });

  it('finds a name with one typo in a word of six letters or more', async () => {
    const person = someoneWithAUniqueName();
    const words = foldVietnamese(person.fullName).split(' ');
    const long = words.findIndex((w) => w.length >= 6);
    if (long < 0) return;
    const word = words[long] as string;
    words[long] = `${word.slice(0, 2)}${word[2] === 'x' ? 'y' : 'x'}${word.slice(3)}`;
    const res = await api(`/api/experts?q=${encodeURIComponent(words.join(' '))}&limit=100`, { token: hr });
    expect(res.body.items.map((e: { fullName: string }) => e.fullName)).toContain(person.fullName);
  });
});

describe('consent, erasure and edits take effect on the next request', () => {
  const uniqueName = () => `Lý Thị Kiểm Chứng ${randomUUID().slice(0, 6).replace(/[0-9]/g, 'x')}`;
  const search = (name: string) => api(`/api/experts?q=${encodeURIComponent(name)}`, { token: hr });

  async function demandFor(field: string) {
    const res = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Kiểm chứng / Verification',
        fieldCodes: [field],
        minDegree: 'bachelor',
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const matchIds = async (demandId: string) =>
    ids({
      body: {
        items: (await api(`/api/demands/${demandId}/matches?limit=100`, { token: hr })).body.items.map(
          (m: { expert: { id: string } }) => m.expert,
        ),
      },
    });

  it('drops an expert who withdraws consent from the very next search and match', async () => {
    const name = uniqueName();
    const expert = await registeredExpert({ fullName: name, fields: [{ code: '1.7' }] });
    const demandId = await demandFor('1.7');
    expect(ids(await search(name))).toEqual([expert.expert.id]);
    expect(await matchIds(demandId)).toContain(expert.expert.id);

    const withdrawn = await api('/api/me/consent', {
      method: 'PUT',
      token: expert.sessionToken,
      body: { shareWithAgencies: false, collaborationCalls: false, publicDirectory: false },
    });
    expect(withdrawn.status).toBe(200);

    const after = await search(name);
    expect(ids(after)).toEqual([]);
    expect(after.body.total).toBe(0);
    expect(await matchIds(demandId)).not.toContain(expert.expert.id);
  });

  it('drops an erased expert from the very next search and match', async () => {
    const name = uniqueName();
    const expert = await registeredExpert({ fullName: name, fields: [{ code: '1.6' }] });
    const demandId = await demandFor('1.6');
    expect(ids(await search(name))).toEqual([expert.expert.id]);

    expect((await api('/api/me', { method: 'DELETE', token: expert.sessionToken })).status).toBe(204);

    expect(ids(await search(name))).toEqual([]);
    expect(await matchIds(demandId)).not.toContain(expert.expert.id);
  });

  it('confirms every page against the table, even when the index has not heard of a change', async () => {
    const name = uniqueName();
    const expert = await registeredExpert({ fullName: name, fields: [{ code: '1.5' }] });
    const demandId = await demandFor('1.5');
    expect(ids(await search(name))).toEqual([expert.expert.id]);
    // The listing item goes, and no change-log entry says so (a change the index has not seen).
    await documentClient().delete({
      TableName: tableName(),
      Key: { PK: `EXPERT#${expert.expert.id}`, SK: 'LISTING' },
    });

    expect(ids(await search(name))).toEqual([]);
    expect(await matchIds(demandId)).not.toContain(expert.expert.id);
  });

  it('makes an edit searchable on the next request, with current data', async () => {
    const expert = await registeredExpert({ fullName: uniqueName() });
    const renamed = uniqueName();
    const before = await api('/api/me', { token: expert.sessionToken });
    const patched = await api('/api/me', {
      method: 'PATCH',
      token: expert.sessionToken,
      headers: { 'if-match': before.headers.get('etag') ?? '' },
      body: { fullName: renamed, employer: { name: 'Viện Kiểm Chứng Biển', sector: 'research_institute' } },
    });
    expect(patched.status).toBe(200);

    const res = await search(renamed);
    expect(ids(res)).toEqual([expert.expert.id]);
    expect(res.body.items[0].employer.name).toBe('Viện Kiểm Chứng Biển');
    expect(ids(await api('/api/experts?q=vien kiem chung bien', { token: hr }))).toContain(expert.expert.id);
  });
});

describe('cursors and limits', () => {
  it('answers 400 to a cursor that was tampered with or belongs to another query', async () => {
    await Promise.all([registeredExpert(), registeredExpert()]);
    const first = await api('/api/experts?limit=1', { token: hr });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const decoded = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...decoded, f: 'someone-else' })).toString('base64url');
    for (const [path, cursor] of [
      ['/api/experts?limit=1', tampered],
      ['/api/experts?q=nguyen&limit=1', first.body.nextCursor],
      ['/api/directory?limit=1', first.body.nextCursor],
      [`/api/demands/${randomUUID()}/matches`, 'bm90LWEtY3Vyc29y'],
    ] as const) {
      const res = await api(`${path}&cursor=${encodeURIComponent(cursor)}`.replace('matches&', 'matches?'), {
        token: hr,
      });
      expect([400, 404]).toContain(res.status);
      if (!path.includes('/matches')) expect(res.body.error.details[0].path).toBe('cursor');
    }
  });

  it('answers 400 to a matches cursor of another demand, and to a limit outside 1-100', async () => {
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Trang / Paging',
        fieldCodes: ['2'],
        minDegree: 'bachelor',
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    await Promise.all([
      registeredExpert({ fields: [{ code: '2.1' }] }),
      registeredExpert({ fields: [{ code: '2.2' }] }),
    ]);
    const first = await api(`/api/demands/${demand.body.id}/matches?limit=1`, { token: hr });
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(first.body.items).toHaveLength(1);
    const second = await api(
      `/api/demands/${demand.body.id}/matches?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: hr },
    );
    expect(second.status).toBe(200);
    expect(second.body.items[0].expert.id).not.toBe(first.body.items[0].expert.id);

    const tampered = Buffer.from('{"o":1,"f":"forged"}').toString('base64url');
    const forged = await api(`/api/demands/${demand.body.id}/matches?cursor=${tampered}`, { token: hr });
    expect(forged.status).toBe(400);
    for (const limit of ['0', '101', 'x']) {
      expect((await api(`/api/demands/${demand.body.id}/matches?limit=${limit}`, { token: hr })).status).toBe(
        400,
      );
    }
  });
});
