/**
 * The duplicates queue through the local server: pairs proposed by an import (same name and
 * birth year; same name, employer and field group) and by a registration, both records side by
 * side, merge field by field with the history kept and audited, distinct never proposed again,
 * and two administrators on one pair: one wins, the other gets 409.
 *
 * Names here ("Đỗ Thị Trùng ...") are this suite's own; each test tags its names.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, registeredExpert, staffToken } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';
import { allRows, commitImport, csvBytes, dryRun, templateHeader, uploadRoster } from '../support/imports.ts';

let admin: string;
let hr: string;

beforeAll(async () => {
  admin = await staffToken({ groups: ['admin'], agency: '' });
  hr = await staffToken({ groups: ['hr'], agency: 'so-khcn' });
});

const tag = () => randomUUID().slice(0, 8);

const row = (cells: {
  name: string;
  email?: string;
  phone?: string;
  year?: string;
  employer?: string;
  fields?: string;
}) =>
  [
    cells.name,
    cells.email ?? '',
    cells.phone ?? '',
    cells.year ?? '',
    'Nữ',
    'Thạc sĩ',
    '',
    cells.fields ?? '2.3',
    'Cơ khí',
    cells.employer ?? '',
    'Nhà nước',
    'Trong tỉnh',
    'VN',
    'Có',
    'Sơn Tịnh',
    '8',
  ].join(',');

const entry = async (id: string) =>
  (await documentClient().get({ TableName: tableName(), Key: { PK: `ROSTER#${id}`, SK: 'ENTRY' } })).Item;

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
async function pairsWith(recordId: string, status = 'open'): Promise<any[]> {
  const found: unknown[] = [];
  let cursor: string | null = null;
  do {
    const q: URLSearchParams = new URLSearchParams({ status, limit: '100', ...(cursor ? { cursor } : {}) });
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const res: { status: number; body: any } = await api(`/api/duplicates?${q}`, { token: admin });
    expect(res.status).toBe(200);
    found.push(
      ...res.body.items.filter(
        (p: { a: { id: string }; b: { id: string } }) => p.a.id === recordId || p.b.id === recordId,
      ),
    );
    cursor = res.body.nextCursor;
  } while (cursor);
  return found;
}

/** Imports the rows and answers each row's entry id, by row number. */
async function imported(rows: string[]): Promise<Map<number, string>> {
  const id = await uploadRoster(admin, csvBytes([templateHeader, ...rows]));
  await dryRun(admin, id);
  const all = await allRows(admin, id);
  expect(await commitImport(admin, id)).toMatchObject({ status: 'done' });
  return new Map(all.map((r) => [r.row as number, r.entryId as string]));
}

// Each test imports a file through the real pipeline (upload, dry run, commit from the stream): minutes, not seconds, on a busy machine.
describe('the duplicates queue', { timeout: 120_000 }, () => {
  it('holds the pairs an import found, side by side, and merges one field by field with the history kept', async () => {
    const t = tag();
    const name = `Đỗ Thị Trùng ${t}`;
    const id = await uploadRoster(
      admin,
      csvBytes([
        templateHeader,
        row({
          name,
          email: `trung.${t}.a@example.org`,
          phone: '0905000001',
          year: '1980',
          employer: 'Sở Y tế',
        }),
        row({
          name,
          email: `trung.${t}.b@example.org`,
          phone: '0905000002',
          year: '1980',
          employer: 'Bệnh viện tỉnh',
        }),
        row({ name: `${name} Hai`, year: '1970', employer: 'Sở Công Thương', fields: '2.1' }),
        row({ name: `${name} Hai`, year: '1975', employer: 'Sở Công Thương', fields: '2.4' }),
      ]),
    );
    const analysed = await dryRun(admin, id);
    expect(analysed.counts).toMatchObject({ create: 2, 'duplicate?': 2 });
    const dups = await allRows(admin, id, 'duplicate?');
    expect(dups.map((r) => [r.row, r.reasons[0].code])).toEqual([
      [2, 'same_name_year_in_file'],
      [4, 'same_name_employer_in_file'],
    ]);
    const rows = new Map((await allRows(admin, id)).map((r) => [r.row as number, r.entryId as string]));
    expect(await commitImport(admin, id)).toMatchObject({ status: 'done', written: 4 });

    const [byYear] = await pairsWith(rows.get(2) as string);
    expect(byYear).toMatchObject({
      status: 'open',
      reason: { code: 'same_name_year', certainty: 'likely' },
      detectedBy: { source: 'import', importId: id, row: 2 },
      a: { kind: 'roster', exists: true, fullName: name, birthYear: 1980 },
      b: { kind: 'roster', exists: true, fullName: name, birthYear: 1980 },
    });
    expect(byYear.a.email).toBeUndefined(); // no contacts in the list
    expect([byYear.a.id, byYear.b.id].sort()).toEqual([rows.get(1), rows.get(2)].sort());
    const [byEmployer] = await pairsWith(rows.get(4) as string);
    expect(byEmployer.reason.code).toBe('same_name_employer_field');

    // The single pair: contacts included, the read audited.
    const one = await api(`/api/duplicates/${byYear.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect([one.body.a.email, one.body.b.email].sort()).toEqual([
      `trung.${t}.a@example.org`,
      `trung.${t}.b@example.org`,
    ]);

    // Keep a, take b's phone and employer.
    const kept = one.body.a;
    const other = one.body.b;
    const merged = await api(`/api/duplicates/${byYear.id}/merge`, {
      token: admin,
      body: { keep: 'a', fields: { phone: 'b', employer: 'b', fullName: 'a' } },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      status: 'merged',
      merge: {
        kept: { kind: 'roster', id: kept.id },
        removed: { kind: 'roster', id: other.id },
        changes: [
          { field: 'phone', before: kept.phone, after: other.phone },
          { field: 'employer', before: kept.employer, after: other.employer },
        ],
      },
    });
    expect(await entry(kept.id)).toMatchObject({
      phone: other.phone,
      employer: other.employer,
      status: 'roster',
    });
    const gone = await entry(other.id);
    expect(gone).toMatchObject({ status: 'merged', mergedInto: kept.id });
    expect(gone?.GSI1PK).toBeUndefined(); // out of the names index and the register export
    expect(await pairsWith(kept.id)).toHaveLength(0);
    expect((await pairsWith(kept.id, 'merged')).map((p) => p.id)).toEqual([byYear.id]);

    const audit = await api(`/api/audit?target=${encodeURIComponent(`duplicate:${byYear.id}`)}`, {
      token: admin,
    });
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'duplicate.merged',
      'duplicate.read',
    ]);

    // Resolved once: a second merge is a conflict.
    const again = await api(`/api/duplicates/${byYear.id}/merge`, { token: admin, body: { keep: 'b' } });
    expect(again.status).toBe(409);
  });

  it('never proposes a pair marked distinct again, even when the same file comes back', async () => {
    const t = tag();
    const name = `Đỗ Thị Trùng ${t}`;
    const rows = [
      row({ name, year: '1982', employer: 'Sở Tư pháp' }),
      row({ name, year: '1982', employer: 'Sở Nội vụ' }),
    ];
    const ids = await imported(rows);
    const [pair] = await pairsWith(ids.get(1) as string);
    const distinct = await api(`/api/duplicates/${pair.id}/distinct`, { token: admin, method: 'POST' });
    expect(distinct.status).toBe(200);
    expect(distinct.body.status).toBe('distinct');

    await imported(rows);
    expect(await pairsWith(ids.get(1) as string)).toHaveLength(0);
    expect((await pairsWith(ids.get(1) as string, 'distinct')).map((p) => p.id)).toEqual([pair.id]);
    const audit = await api(`/api/audit?target=${encodeURIComponent(`duplicate:${pair.id}`)}`, {
      token: admin,
    });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['duplicate.distinct']);
  });

  it('lets one of two administrators resolving the same pair win; the other gets 409', async () => {
    const t = tag();
    const name = `Đỗ Thị Trùng ${t}`;
    const ids = await imported([
      row({ name, year: '1990', employer: 'Sở Xây dựng' }),
      row({ name, year: '1990', employer: 'Sở Giao thông' }),
    ]);
    const [pair] = await pairsWith(ids.get(1) as string);
    const other = await staffToken({ groups: ['admin'], agency: '', sub: `admin-${t}` });
    const results = await Promise.all([
      api(`/api/duplicates/${pair.id}/merge`, {
        token: admin,
        body: { keep: 'a', fields: { employer: 'b' } },
      }),
      api(`/api/duplicates/${pair.id}/distinct`, { token: other, method: 'POST' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await api(`/api/duplicates/${pair.id}`, { token: admin });
    expect(final.body.status).toBe(results[0].status === 200 ? 'merged' : 'distinct');
  });

  it('proposes a registration that looks like a roster entry; the profile is kept and claims the entry', async () => {
    const t = tag();
    const name = `Đỗ Thị Trùng ${t}`;
    const ids = await imported([row({ name, year: '1984', employer: 'Sở Tài chính' })]);
    const entryId = ids.get(1) as string;
    const expert = await registeredExpert({ fullName: name, birthYear: 1984, hometown: 'Bình Sơn' });

    const [pair] = await pairsWith(entryId);
    expect(pair).toMatchObject({
      reason: { code: 'same_name_year' },
      detectedBy: { source: 'registration' },
      a: { kind: 'expert', id: expert.expert.id, exists: true },
      b: { kind: 'roster', id: entryId, exists: true },
    });
    // Reading the pair with contacts is a read of the profile: audited.
    const opened = await api(`/api/duplicates/${pair.id}`, { token: admin });
    expect(opened.body.a.email).toBe(expert.email);
    const profileReads = await api(
      `/api/audit?target=${encodeURIComponent(`expert:${expert.expert.id}`)}&action=profile.read`,
      { token: admin },
    );
    expect(profileReads.body.items).toHaveLength(1);

    // The entry cannot be kept over the person's own profile.
    const wrong = await api(`/api/duplicates/${pair.id}/merge`, { token: admin, body: { keep: 'b' } });
    expect(wrong.status).toBe(400);

    const merged = await api(`/api/duplicates/${pair.id}/merge`, {
      token: admin,
      body: { keep: 'a', fields: { hometown: 'b' } },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.merge.changes).toEqual([{ field: 'hometown', before: 'Bình Sơn', after: 'Sơn Tịnh' }]);
    expect(await entry(entryId)).toMatchObject({ status: 'claimed', claimedBy: expert.expert.id });
    const me = await api('/api/me', { token: expert.sessionToken });
    expect(me.body.hometown).toBe('Sơn Tịnh');
  });

  it('is for administrators only, and 404 for an unknown pair', async () => {
    expect((await api('/api/duplicates', { token: hr })).status).toBe(403);
    expect((await api('/api/duplicates/abc/distinct', { token: hr, method: 'POST' })).status).toBe(403);
    expect((await api('/api/duplicates')).status).toBe(401);
    expect((await api('/api/duplicates/0123456789abcdef', { token: admin })).status).toBe(404);
    const bad = await api('/api/duplicates/0123456789abcdef/merge', { token: admin, body: { keep: 'c' } });
    expect(bad.status).toBe(400);
  });
});
