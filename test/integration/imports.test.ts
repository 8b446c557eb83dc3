/**
 * Spreadsheet imports through the local server: upload, dry run, commit as a background job,
 * re-import (nothing changes), crash and resume (no row written twice), cancel, bad files, the
 * one claim invitation and the claim itself.
 *
 * Names here ("Phan Thị Nhập ...") are this suite's own; e-mails are unique per run.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginTokenIn, mailsTo, registration, staffToken, streamSettled } from '../support/api.ts';
import { documentClient, tableName, useSuiteTableInProcess } from '../support/dynamo.ts';
import {
  allRows,
  commitImport,
  csvBytes,
  dryRun,
  settledImport,
  templateHeader,
  uploadRoster,
  xlsxType,
} from '../support/imports.ts';

let admin: string;
let runCommit: (
  id: string,
  now: Date,
  options?: { shouldStop?: () => boolean; pageSize?: number },
) => Promise<{ finished: boolean }>;
let runImportJobHandler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: unknown[] }>;
let rosterEntryId: (person: { fullName: string; email?: string; birthYear?: number }) => string;

beforeAll(async () => {
  useSuiteTableInProcess();
  ({ runCommit } = await import('../../shared/app/imports.ts'));
  ({ handler: runImportJobHandler } = (await import('../../functions/imports/run-import-job.ts')) as never);
  ({ rosterEntryId } = (await import('../../shared/domain/roster.ts')) as never);
  admin = await staffToken({ groups: ['admin'], agency: '' });
});

const tag = () => randomUUID().slice(0, 8);
const person = (t: string, i: number, extra: Partial<Record<string, string>> = {}) => {
  const cells = {
    name: `Phan Thị Nhập ${t} ${i}`,
    email: `nhap.${t}.${i}@example.org`,
    phone: '0905123456',
    year: String(1970 + i),
    gender: 'Nữ',
    degree: 'Tiến sĩ',
    title: '',
    fields: '2.3; 3.1',
    spec: 'Cơ khí',
    employer: 'Trường Đại học Phạm Văn Đồng',
    sector: 'Trường đại học',
    location: 'Trong tỉnh',
    country: 'VN',
    native: 'Có',
    hometown: 'Bình Sơn',
    years: '10',
    ...extra,
  };
  return Object.values(cells)
    .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
    .join(',');
};

const entry = async (id: string) =>
  (await documentClient().get({ TableName: tableName(), Key: { PK: `ROSTER#${id}`, SK: 'ENTRY' } })).Item;

const entryIdOf = (t: string, i: number) =>
  rosterEntryId({ fullName: `Phan Thị Nhập ${t} ${i}`, email: `nhap.${t}.${i}@example.org` });

// Each test runs import jobs through the stream: in the full suite the drain waits behind the
// other suites' stream work (30 s ran out there once; alone a test takes a few seconds).
describe('a roster import', { timeout: 120_000 }, () => {
  it('is dry-run (every row judged, reasons in Vietnamese and English), committed, invites once and re-imports as unchanged', async () => {
    const t = tag();
    const file = csvBytes([
      templateHeader,
      person(t, 1),
      person(t, 2),
      person(t, 3, { email: '' }),
      person(t, 4, { degree: 'Trung cấp' }),
      person(t, 5, { year: '1700' }),
      person(t, 6, { name: '=HYPERLINK("http://evil.example","x")' }),
      person(t, 7, { spec: 'x'.repeat(10_000) }),
      person(t, 1), // the same person twice in one file
    ]);
    const id = await uploadRoster(admin, file, { source: 'Danh sách thử nghiệm' });

    const analysed = await dryRun(admin, id);
    expect(analysed).toMatchObject({
      status: 'analysed',
      total: 8,
      failed: 4,
      counts: { create: 3, update: 0, unchanged: 0, 'duplicate?': 1, invalid: 4 },
    });
    const invalid = await allRows(admin, id, 'invalid');
    expect(invalid.map((r) => [r.row, r.reasons.map((x: { code: string }) => x.code)])).toEqual([
      [4, ['degree']],
      [5, ['birth_year']],
      [6, ['formula']],
      [7, ['too_long']],
    ]);
    for (const r of invalid) {
      expect(r.reasons[0].vi).toMatch(/\p{L}/u);
      expect(r.reasons[0].en).toMatch(/[a-z]/);
      expect(r.reasons[0].vi).not.toBe(r.reasons[0].en);
    }
    const [dup] = await allRows(admin, id, 'duplicate?');
    expect(dup).toMatchObject({ row: 8, reasons: [{ code: 'same_in_file' }] });
    // Nothing is written by a dry run.
    expect(await entry(entryIdOf(t, 1))).toBeUndefined();

    const done = await commitImport(admin, id);
    expect(done).toMatchObject({ status: 'done', total: 8, done: 8, written: 3, invited: 2 });
    expect(await entry(entryIdOf(t, 1))).toMatchObject({
      type: 'rosterEntry',
      status: 'roster',
      source: 'Danh sách thử nghiệm',
      importId: id,
      row: 1,
      highestDegree: 'doctorate',
      fields: [{ code: '2.3', specialization: 'Cơ khí' }, { code: '3.1' }],
    });
    const [invitation] = await mailsTo(`nhap.${t}.1@example.org`);
    expect(invitation.text).toContain('#claim=');

    // The same file again: every row unchanged or as before, nothing written, nobody mailed again.
    const again = await uploadRoster(admin, file);
    expect(await dryRun(admin, again)).toMatchObject({
      counts: { create: 0, update: 0, unchanged: 3, 'duplicate?': 1, invalid: 4 },
    });
    expect(await commitImport(admin, again)).toMatchObject({ status: 'done', written: 0, invited: 0 });
    expect(await mailsTo(`nhap.${t}.1@example.org`)).toHaveLength(1);
    expect((await entry(entryIdOf(t, 1)))?.importId).toBe(id);
  });

  it('updates an entry whose data changed in a later file', async () => {
    const t = tag();
    await commitImport(
      admin,
      await uploadRoster(admin, csvBytes([templateHeader, person(t, 1)])).then(async (id) => {
        await dryRun(admin, id);
        return id;
      }),
    );
    const later = await uploadRoster(
      admin,
      csvBytes([templateHeader, person(t, 1, { degree: 'Thạc sĩ', years: '11' })]),
    );
    expect((await dryRun(admin, later)).counts).toMatchObject({ update: 1 });
    await commitImport(admin, later);
    expect(await entry(entryIdOf(t, 1))).toMatchObject({ highestDegree: 'master', yearsExperience: 11 });
  });

  it('reads XLSX, refuses formula cells and maps a header the template does not name', async () => {
    const t = tag();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ tên đầy đủ', 'Email', 'Học vị cao nhất', 'Mã lĩnh vực', 'Năm sinh']);
    sheet.addRow([`Phan Thị Nhập ${t} 1`, `nhap.${t}.1@example.org`, 'Tiến sĩ', '1.1', 1980]);
    sheet.addRow([
      `Phan Thị Nhập ${t} 2`,
      `nhap.${t}.2@example.org`,
      'Thạc sĩ',
      '1.2',
      { formula: '1900+80' },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const id = await uploadRoster(admin, bytes, { filename: 'roster.xlsx', contentType: xlsxType });

    const refused = await dryRun(admin, id);
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatchObject({ code: 'missing_columns' });
    expect(refused.error.vi).toContain('Họ và tên');

    const mapped = await dryRun(admin, id, { 'Họ tên đầy đủ': 'fullName' });
    expect(mapped).toMatchObject({ status: 'analysed', counts: { create: 1, invalid: 1 } });
    const [row] = await allRows(admin, id, 'invalid');
    expect(row.reasons).toMatchObject([{ code: 'formula', field: 'birthYear' }]);
  });

  it('reads a CSV that mixes UTF-8 and Windows-1258 lines, naming the rows it decoded as 1258', async () => {
    const t = tag();
    const utf8 = Buffer.from(`${templateHeader}\r\n${person(t, 1)}\r\n`, 'utf8');
    // "Lê Văn Tám" in Windows-1258: ê = 0xEA, ă = 0xE3, á = 0xE1.
    const legacy = Buffer.concat([
      Buffer.from([0x4c, 0xea, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0x54, 0xe1, 0x6d]),
      Buffer.from(`,,,1980,,Tien si,,2.1,,,,,,,,\r\n`, 'latin1'),
    ]);
    const id = await uploadRoster(admin, Buffer.concat([utf8, legacy]));
    expect((await dryRun(admin, id)).counts).toMatchObject({ create: 2 });
    const rows = await allRows(admin, id);
    expect(rows[1]).toMatchObject({ fullName: 'Lê Văn Tám', reasons: [{ code: 'encoding' }] });
    expect(rows[0].reasons).toEqual([]);
  });

  it('refuses bad files with a clear error, per request or on the import record', async () => {
    const declare = (body: Record<string, unknown>) => api('/api/imports', { token: admin, body });
    const pdf = await declare({ filename: 'roster.pdf', contentType: 'application/pdf', size: 10 });
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe('unsupported_file');
    expect(pdf.body.error.message).toContain('CSV');
    expect(
      (await declare({ filename: 'a.csv', contentType: 'text/csv', size: 21 * 1024 * 1024 })).body.error.code,
    ).toBe('file_too_large');
    expect((await declare({ filename: 'a.csv', contentType: 'text/csv', size: 0 })).body.error.code).toBe(
      'file_empty',
    );

    const headerOnly = await uploadRoster(admin, csvBytes([templateHeader]));
    expect(await dryRun(admin, headerOnly)).toMatchObject({ status: 'failed', error: { code: 'empty' } });

    const notXlsx = await uploadRoster(admin, Buffer.from('this is not a zip'), {
      filename: 'a.xlsx',
      contentType: xlsxType,
    });
    expect(await dryRun(admin, notXlsx)).toMatchObject({ status: 'failed', error: { code: 'unreadable' } });

    const created = await declare({ filename: 'a.csv', contentType: 'text/csv', size: 100 });
    expect(await dryRun(admin, created.body.id)).toMatchObject({
      status: 'failed',
      error: { code: 'not_uploaded' },
    });

    // The upload URL takes exactly the declared size and type, and only with its signature.
    const wrongSize = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'x',
    });
    expect(wrongSize.status).toBe(400);
    const forged = await fetch(created.body.uploadUrl.replace(/signature=[^&]+/, 'signature=forged'), {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'x'.repeat(100),
    });
    expect(forged.status).toBe(403);
  });

  it('is for administrators only', async () => {
    const hr = await staffToken({ groups: ['hr'] });
    const res = await api('/api/imports', {
      token: hr,
      body: { filename: 'a.csv', contentType: 'text/csv', size: 10 },
    });
    expect(res.status).toBe(403);
    expect((await api('/api/imports/template', { token: hr })).status).toBe(403);
  });

  it('offers the template with Vietnamese headers as a UTF-8 CSV with BOM', async () => {
    const res = await api('/api/imports/template', { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.text.replace(/^\uFEFF/, '').trim()).toBe(templateHeader);
  });

  it('can be cancelled, and then not committed', async () => {
    const t = tag();
    const id = await uploadRoster(admin, csvBytes([templateHeader, person(t, 1)]));
    await dryRun(admin, id);
    const cancelled = await api(`/api/imports/${id}/cancel`, { token: admin, method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const commit = await api(`/api/imports/${id}/commit`, { token: admin, method: 'POST' });
    expect(commit.status).toBe(409);
    expect(await entry(entryIdOf(t, 1))).toBeUndefined();
  });

  it('deletes the entries of an import on request', async () => {
    const t = tag();
    const id = await uploadRoster(admin, csvBytes([templateHeader, person(t, 1), person(t, 2)]));
    await dryRun(admin, id);
    await commitImport(admin, id);
    expect(await entry(entryIdOf(t, 2))).toBeDefined();
    const res = await api(`/api/imports/${id}/entries`, { token: admin, method: 'DELETE' });
    expect(res.status).toBe(202);
    expect(await settledImport(admin, id)).toMatchObject({ status: 'entries_deleted' });
    expect(await entry(entryIdOf(t, 2))).toBeUndefined();
  });
});

describe('crash and resume', { timeout: 120_000 }, () => {
  it('resumes a commit that died mid-job without writing a row or a mail twice', async () => {
    const t = tag();
    const lines = [templateHeader, ...Array.from({ length: 9 }, (_, i) => person(t, i + 1))];
    const id = await uploadRoster(admin, csvBytes(lines));
    expect((await dryRun(admin, id)).counts.create).toBe(9);
    // Commit without the API (whose job the server would run at once): the worker is ours to kill.
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: `IMPORT#${id}`, SK: 'IMPORT' },
      UpdateExpression: 'SET #s = :committing',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':committing': 'committing' },
    });
    const firstRun = new Date('2026-01-01T00:00:00Z');
    let pages = 0;
    // Killed after two pages of three...
    expect(await runCommit(id, firstRun, { pageSize: 3, shouldStop: () => pages++ >= 2 })).toEqual({
      finished: false,
    });
    // ...and, as if it died before its second checkpoint, the import still says one page.
    await documentClient().update({
      TableName: tableName(),
      Key: { PK: `IMPORT#${id}`, SK: 'IMPORT' },
      UpdateExpression: 'SET #c = :three, done = :three, written = :three, invited = :three',
      ExpressionAttributeNames: { '#c': 'cursor' },
      ExpressionAttributeValues: { ':three': 3 },
    });
    expect((await api(`/api/imports/${id}`, { token: admin })).body).toMatchObject({
      status: 'committing',
      done: 3,
      total: 9,
    });

    // The retry of the stream record.
    const record = {
      eventID: '1',
      eventName: 'INSERT',
      dynamodb: { Keys: { PK: { S: `IMPORTJOB#${id}#commit#1` }, SK: { S: 'JOB' } } },
    };
    const resumed = await runImportJobHandler({ Records: [record] } as unknown as DynamoDBStreamEvent);
    expect(resumed.batchItemFailures).toEqual([]);
    await streamSettled();

    const after = (await api(`/api/imports/${id}`, { token: admin })).body;
    expect(after).toMatchObject({ status: 'done', done: 9, written: 6, invited: 6 });
    for (let i = 1; i <= 9; i++) {
      const stored = await entry(entryIdOf(t, i));
      // Rows 1-6 were written by the killed run and not again; 7-9 by the retry.
      expect(stored?.updatedAt === firstRun.toISOString()).toBe(i <= 6);
      expect(await mailsTo(`nhap.${t}.${i}@example.org`)).toHaveLength(1);
    }
  });
});

describe('claiming an entry', { timeout: 120_000 }, () => {
  it('links the registration that verifies the invited address to the entry instead of adding a person', async () => {
    const t = tag();
    const id = await uploadRoster(admin, csvBytes([templateHeader, person(t, 1)]));
    await dryRun(admin, id);
    await commitImport(admin, id);
    const [invitation] = await mailsTo(`nhap.${t}.1@example.org`);
    const prefill = JSON.parse(
      Buffer.from(/#claim=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1] ?? '', 'base64url').toString('utf8'),
    );
    expect(prefill).toMatchObject({ fullName: `Phan Thị Nhập ${t} 1`, highestDegree: 'doctorate' });
    expect(prefill.phone).toBeUndefined();

    const body = registration({
      ...prefill,
      engagement: ['remote_advisory'],
      location: { kind: 'in_province', country: 'VN' },
      nativeOfProvince: true,
      yearsExperience: 10,
    });
    expect((await api('/api/experts', { body })).status).toBe(202);
    const mails = await mailsTo(body.email, 2);
    const verification = mails.find((m) => m.text.includes('#login='));
    const session = await api('/api/me/session', { body: { token: loginTokenIn(verification as never) } });
    expect(session.status).toBe(200);
    expect(await entry(entryIdOf(t, 1))).toMatchObject({
      status: 'claimed',
      claimedBy: session.body.expert.id,
    });

    // A later file with the person again leaves the claimed entry alone.
    const later = await uploadRoster(admin, csvBytes([templateHeader, person(t, 1, { years: '30' })]));
    const analysed = await dryRun(admin, later);
    expect(analysed.counts).toMatchObject({ 'duplicate?': 1 });
  });
});
