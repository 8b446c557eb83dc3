/**
 * Exports through the local server: search results and matches for HR (no contacts), the
 * register for administrators (the import template's columns, contacts included, importing back
 * unchanged), CSV with BOM and no cell a spreadsheet reads as a formula, XLSX, expiring download
 * links, and the audit of every export (who, when, filter, row count).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, registeredExpert, staffToken, streamSettled } from '../support/api.ts';
import { documentClient, tableName } from '../support/dynamo.ts';
import { allRows, commitImport, csvBytes, dryRun, templateHeader, uploadRoster } from '../support/imports.ts';

let hr: string;
let admin: string;
const hrSub = `hr-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [hr, admin] = await Promise.all([
    staffToken({ groups: ['hr'], agency: 'dai-hoc-pham-van-dong', sub: hrSub }),
    staffToken({ groups: ['admin'], agency: '' }),
  ]);
});

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
async function exported(token: string, body: Record<string, unknown>): Promise<{ id: string; view: any }> {
  const res = await api('/api/exports', { token, body });
  if (res.status !== 202) throw new Error(`export refused: ${res.status} ${res.text}`);
  await streamSettled();
  const view = await api(`/api/exports/${res.body.id}`, { token });
  return { id: res.body.id, view: view.body };
}

const auditOf = async (exportId: string) =>
  (
    await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#export:${exportId}` },
    })
  ).Items ?? [];

describe('a search export', { timeout: 120_000 }, () => {
  it('holds what the search shows, without contacts, formula-safe, as UTF-8 CSV with BOM, and is audited', async () => {
    const name = `Trịnh Xuất ${randomUUID().slice(0, 6)}`;
    const experts = await Promise.all([
      registeredExpert({
        fullName: name,
        fields: [{ code: '4.1', specialization: '=HYPERLINK("http://x")' }],
      }),
      registeredExpert({ fullName: name, fields: [{ code: '4.1', specialization: '@SUM(1)' }] }),
    ]);
    const { id, view } = await exported(hr, { kind: 'search', format: 'csv', query: { q: name } });
    expect(view).toMatchObject({ status: 'done', total: 2, done: 2, kind: 'search', format: 'csv' });
    expect(Date.parse(view.expiresAt)).toBeGreaterThan(Date.now());

    const file = await fetch(view.downloadUrl);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(name);
    for (const e of experts) expect(text).not.toContain(e.email);
    expect(text).not.toContain('+84905123456');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'@SUM(1)`);
    // A link whose signature is altered downloads nothing.
    expect((await fetch(view.downloadUrl.replace(/signature=[^&]+/, 'signature=x'))).status).toBe(403);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.detail.step).sort()).toEqual(['done', 'requested']);
    const done = audit.find((a) => a.detail.step === 'done');
    expect(done?.detail).toMatchObject({ kind: 'search', format: 'csv', rowCount: 2, requestedBy: hrSub });
    expect(JSON.parse(done?.detail.filter)).toEqual({ q: name });
    const requested = audit.find((a) => a.detail.step === 'requested');
    expect(requested?.actor).toMatchObject({ kind: 'staff', id: hrSub });
  });

  it('writes XLSX too', async () => {
    const name = `Trịnh Xuất ${randomUUID().slice(0, 6)}`;
    await registeredExpert({ fullName: name });
    const { view } = await exported(hr, { kind: 'search', format: 'xlsx', query: { q: name } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await fetch(view.downloadUrl)).arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).text).toBe('Họ và tên / Full name');
    expect(sheet.getRow(2).getCell(2).text).toBe(name);
    expect(sheet.rowCount).toBe(2);
  });

  it('belongs to whoever asked for it (and administrators)', async () => {
    const { id } = await exported(hr, { kind: 'search', format: 'csv', query: { q: 'không ai' } });
    const other = await staffToken({ groups: ['hr'], agency: 'so-y-te' });
    expect((await api(`/api/exports/${id}`, { token: other })).status).toBe(404);
    expect((await api(`/api/exports/${id}`, { token: admin })).status).toBe(200);
  });

  it('refuses what is not an export', async () => {
    const bad = [
      { kind: 'search', format: 'pdf' },
      { kind: 'matches', format: 'csv' },
      { kind: 'search', format: 'csv', demandId: 'x' },
      { kind: 'register', format: 'csv', query: { q: 'a' } },
      { kind: 'search', format: 'csv', query: { limit: '5' } },
    ];
    for (const body of bad)
      expect((await api('/api/exports', { token: hr, body })).status, JSON.stringify(body)).toBe(400);
    const missing = await api('/api/exports', {
      token: hr,
      body: { kind: 'matches', format: 'csv', demandId: 'no-such-demand' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('a matches export', { timeout: 120_000 }, () => {
  it("lists the demand's ranked matches with score and reasons", async () => {
    const name = `Trịnh Khớp ${randomUUID().slice(0, 6)}`;
    await registeredExpert({ fullName: name, fields: [{ code: '4.5' }], highestDegree: 'doctorate' });
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: 'Chuyên gia thủy sản / Fisheries expert',
        fieldCodes: ['4.5'],
        minDegree: 'master',
        minYearsExperience: 0,
        zone: 'provincial-centre',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    expect(demand.status).toBe(201);
    const { view } = await exported(hr, { kind: 'matches', format: 'csv', demandId: demand.body.id });
    expect(view.status).toBe('done');
    const text = await (await fetch(view.downloadUrl)).text();
    expect(text.split('\r\n')[0]).toContain('Điểm / Score');
    expect(text).toContain(name);
    expect(view.total).toBeGreaterThanOrEqual(1);
  });
});

describe('the register export', { timeout: 120_000 }, () => {
  it('is for administrators, and imports back without changing anything', async () => {
    expect((await api('/api/exports', { token: hr, body: { kind: 'register', format: 'csv' } })).status).toBe(
      403,
    );
    const t = randomUUID().slice(0, 6);
    const line = (i: number) =>
      `Trịnh Sổ ${t} ${i},so.${t}.${i}@example.org,+84905000${i}00,198${i},Nam,Thạc sĩ,,1.2; 2.1,Hóa học,Sở KH&CN,Nhà nước,Trong tỉnh,VN,Có,Đức Phổ,${i}`;
    const imported = await uploadRoster(admin, csvBytes([templateHeader, line(1), line(2)]));
    await dryRun(admin, imported);
    await commitImport(admin, imported);

    const { view } = await exported(admin, { kind: 'register', format: 'csv' });
    expect(view.status).toBe('done');
    const bytes = Buffer.from(await (await fetch(view.downloadUrl)).arrayBuffer());
    const text = bytes.toString('utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(templateHeader);
    expect(text).toContain(`so.${t}.1@example.org`); // contacts: administrators only
    expect(text).toContain(`'+84905000100`);

    const again = await uploadRoster(admin, bytes, { filename: 'register.csv' });
    await dryRun(admin, again);
    const mine = (await allRows(admin, again)).filter((r) => r.fullName?.startsWith(`Trịnh Sổ ${t}`));
    expect(mine.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
  });
});
