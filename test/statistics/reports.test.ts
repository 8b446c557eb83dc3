/**
 * GET /api/stats and /api/stats/targets as staff read them (small groups hidden, only sourced
 * targets), frozen reports (immutable, XLSX parsed back and compared with the API, CSV with BOM)
 * and the audit log (filters, pages, a tampered cursor is a 400).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '#shared/domain/expert';
import { api, baseUrl, registration, staffToken, streamSettled } from '../support/api.ts';
import { documentClient, tableName, useSuiteTableInProcess } from '../support/dynamo.ts';

let admin: string;
let hr: string;

/** Verified experts written straight to the table, as the demo seed does: their stream counts them. */
async function verifiedExperts(count: number, overrides: Partial<Registration>) {
  const { verifiedExpertItems } = await import('#shared/db/experts');
  for (let i = 0; i < count; i++) {
    for (const item of verifiedExpertItems(registration(overrides), new Date())) {
      await documentClient().put({ TableName: tableName(), Item: item });
    }
  }
  await streamSettled();
}

beforeAll(async () => {
  useSuiteTableInProcess();
  admin = await staffToken({ groups: ['admin'], agency: '', sub: 'admin-reports' });
  hr = await staffToken();
  // Six doctorates in Korea, one master in Australia and one in New Zealand: a group of 6 and two
  // of 1 (with only one small group the next smallest would be hidden too).
  await verifiedExperts(6, { location: { kind: 'overseas', country: 'KR', city: 'Seoul' } });
  await verifiedExperts(1, {
    highestDegree: 'master',
    location: { kind: 'overseas', country: 'AU', city: 'Sydney' },
  });
  await verifiedExperts(1, {
    highestDegree: 'master',
    location: { kind: 'overseas', country: 'NZ', city: 'Auckland' },
  });
});

describe('GET /api/stats', () => {
  it('gives staff every breakdown with asOf, hiding every group of fewer than five people', async () => {
    const res = await api('/api/stats', { token: hr });

    expect(res.status).toBe(200);
    expect(Date.parse(res.body.asOf)).not.toBeNaN();
    expect(res.body.minGroupSize).toBe(5);
    expect(res.body.experts.country.KR).toBeGreaterThanOrEqual(6);
    expect(res.body.experts.country.AU).toBeNull();
    expect(Object.values(res.body.experts.country).filter((n) => n === null).length).not.toBe(1);
    for (const n of Object.values(res.body.experts.degree) as (number | null)[]) {
      expect(n === null || n === 0 || n >= 5).toBe(true);
    }
  });

  it('is for staff only', async () => {
    expect((await api('/api/stats')).status).toBe(401);
    expect((await api('/api/stats', { token: 'an-expert-session-token' })).status).toBe(401);
  });
});

describe('GET /api/stats/targets', () => {
  it("lists Quảng Ngãi's targets, each with its source, current value, share met and trend", async () => {
    const res = await api('/api/stats/targets', { token: hr });

    expect(res.status).toBe(200);
    expect(res.body.targets.map((t: { id: string }) => t.id)).toEqual([
      'intellectuals',
      'doctorates',
      'masters_or_higher',
      'leaders_under_40_share',
      'provincial_leaders_international_share',
    ]);
    const [intellectuals] = res.body.targets;
    expect(intellectuals.source.document).toMatch(/45-NQ\/TW/);
    expect(intellectuals.min).toBe(50000);
    expect(intellectuals.current).toBeGreaterThanOrEqual(7);
    expect(intellectuals.share).toBe(Math.round((intellectuals.current / 50000) * 1000) / 1000);
    expect(intellectuals.trend.at(-1)).toEqual({
      month: new Date().toISOString().slice(0, 7),
      value: intellectuals.current,
    });
    // No leader has said so yet: a share of fewer than five people is not shown.
    expect(res.body.targets[3].current).toBeNull();
  });
});

describe('frozen reports', () => {
  let report: { id: string; [k: string]: unknown };

  beforeAll(async () => {
    const res = await api('/api/reports', {
      token: admin,
      body: { title: 'Sơ kết 6 tháng đầu năm 2027', periodFrom: '2026-01-01', periodTo: '2027-06-30' },
    });
    expect(res.status).toBe(201);
    report = res.body;
  });

  it('freeze the figures at the cut-off and never change them', async () => {
    const stats = await api('/api/stats', { token: hr });
    expect(report.statistics).toMatchObject({ experts: { country: stats.body.experts.country } });

    await verifiedExperts(1, { location: { kind: 'overseas', country: 'KR', city: 'Busan' } });
    const later = await api('/api/stats', { token: hr });
    expect(later.body.experts.country.KR).toBe(stats.body.experts.country.KR + 1);

    const again = await api(`/api/reports/${report.id}`, { token: hr });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(report);
    const listed = await api('/api/reports?limit=100', { token: hr });
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(report.id);
  });

  it('download as XLSX, one sheet per table with numbers as numbers, equal to the API', async () => {
    const res = await fetch(`${baseUrl()}/api/reports/${report.id}.xlsx`, {
      headers: { authorization: `Bearer ${hr}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="bao-cao-so-ket-6-thang/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());

    const countries = workbook.getWorksheet('Quốc gia');
    expect(countries?.getRow(1).values).toEqual([undefined, 'Mã', 'Quốc gia', 'Số người']);
    const rows = new Map<string, unknown>();
    countries?.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row.getCell(3).value);
    });
    const frozen = (report.statistics as { experts: { country: Record<string, number | null> } }).experts
      .country;
    expect(rows.get('KR')).toBe(frozen.KR);
    expect(typeof rows.get('KR')).toBe('number');
    expect(rows.get('AU')).toBe('< 5');

    const summary = workbook.getWorksheet('Tổng quan');
    expect(summary?.getRow(6).values).toEqual([
      undefined,
      'Tổng số trí thức đang hoạt động',
      (report.statistics as { experts: { total: number } }).experts.total,
    ]);
    expect(workbook.getWorksheet('Mục tiêu')?.getRow(2).getCell(2).value).toBe(50000);
  });

  it('download as CSV in UTF-8 with a BOM', async () => {
    const res = await fetch(`${baseUrl()}/api/reports/${report.id}.csv`, {
      headers: { authorization: `Bearer ${hr}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Sơ kết 6 tháng đầu năm 2027');
    expect(text).toContain(
      `KR,KR,${(report.statistics as { experts: { country: { KR: number } } }).experts.country.KR}`,
    );
  });

  it('compare side by side: every figure of both with the difference, a hidden group hidden on both sides', async () => {
    await verifiedExperts(2, { location: { kind: 'overseas', country: 'KR', city: 'Daegu' } });
    const later = await api('/api/reports', {
      token: admin,
      body: { title: 'Tổng kết năm 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31' },
    });
    expect(later.status).toBe(201);
    type Countries = { experts: { country: Record<string, number | null>; total: number } };
    const before = (report.statistics as Countries).experts;
    const after = (later.body.statistics as Countries).experts;

    const res = await api(`/api/reports/compare?a=${report.id}&b=${later.body.id}`, { token: hr });

    expect(res.status).toBe(200);
    expect(res.body.a).toMatchObject({ id: report.id, title: 'Sơ kết 6 tháng đầu năm 2027' });
    expect(res.body.b).toMatchObject({ id: later.body.id, title: 'Tổng kết năm 2027' });
    const table = (name: string) => res.body.tables.find((t: { name: string }) => t.name === name);
    const row = (name: string, key: string) =>
      table(name).rows.find((r: { key: string }) => r.key === key) as {
        cells: { a: unknown; b: unknown; difference: number | null }[];
      };
    expect(table('Quốc gia').headers).toEqual(['Mã', 'Quốc gia', 'Số người']);
    expect(row('Quốc gia', 'KR').cells[1]).toEqual({
      a: before.country.KR,
      b: after.country.KR,
      difference: (after.country.KR as number) - (before.country.KR as number),
    });
    expect(after.country.KR).toBe((before.country.KR as number) + 3);
    // A group of fewer than five stays hidden in both, and so does its difference.
    expect(before.country.AU).toBeNull();
    expect(row('Quốc gia', 'AU').cells[1]).toEqual({ a: null, b: null, difference: null });
    expect(row('Tổng quan', 'Tổng số trí thức đang hoạt động').cells[0]).toEqual({
      a: before.total,
      b: after.total,
      difference: after.total - before.total,
    });
    expect(row('Tổng quan', 'Tên báo cáo').cells[0].difference).toBeNull();
    expect(res.body.tables.map((t: { name: string }) => t.name)).toContain('Mục tiêu');

    expect((await api(`/api/reports/compare?a=${report.id}&b=nope`, { token: hr })).status).toBe(404);
    expect((await api(`/api/reports/compare?a=${report.id}`, { token: hr })).status).toBe(400);
    expect((await api(`/api/reports/compare?a=${report.id}&b=${report.id}`)).status).toBe(401);
  });

  it('are frozen by administrators only, for a valid period; an unknown id is a 404', async () => {
    const body = { title: 'Tổng kết', periodFrom: '2027-01-01', periodTo: '2027-12-31' };
    expect((await api('/api/reports', { token: hr, body })).status).toBe(403);
    const backwards = await api('/api/reports', { token: admin, body: { ...body, periodTo: '2026-12-31' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('periodTo');
    expect((await api('/api/reports/nope.xlsx', { token: hr })).status).toBe(404);
  });
});

describe('GET /api/audit', () => {
  it('finds admin actions by actor, target and action, page by page', async () => {
    for (const title of ['Báo cáo A', 'Báo cáo B']) {
      await api('/api/reports', {
        token: admin,
        body: { title, periodFrom: '2026-01-01', periodTo: '2026-12-31' },
      });
    }
    const first = await api('/api/audit?actor=admin-reports&action=report.created&limit=1', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ action: 'report.created', actor: { id: 'admin-reports' } });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(
      `/api/audit?actor=admin-reports&action=report.created&limit=1&cursor=${first.body.nextCursor}`,
      { token: admin },
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].at <= first.body.items[0].at).toBe(true);

    const byTarget = await api(`/api/audit?target=${encodeURIComponent(first.body.items[0].target)}`, {
      token: admin,
    });
    expect(byTarget.body.items.map((e: { id: string }) => e.id)).toEqual([first.body.items[0].id]);

    const all = await api('/api/audit?limit=2', { token: admin });
    expect(all.body.items).toHaveLength(2);
    const next = await api(`/api/audit?limit=2&cursor=${all.body.nextCursor}`, { token: admin });
    expect(next.status).toBe(200);
    expect(next.body.items[0].at <= all.body.items[1].at).toBe(true);
  });

  it('refuses a tampered or foreign cursor, a bad period and anyone but administrators', async () => {
    const page = await api('/api/audit?limit=1', { token: admin });
    const key = JSON.parse(Buffer.from(page.body.nextCursor, 'base64url').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...key, GSI1PK: 'AUDIT_MONTH#1999-01' })).toString(
      'base64url',
    );
    for (const cursor of [tampered, 'not-a-cursor', page.body.nextCursor.slice(0, -2)]) {
      const res = await api(`/api/audit?cursor=${encodeURIComponent(cursor)}`, { token: admin });
      expect(res.status, cursor).toBe(400);
    }
    const foreign = await api(`/api/audit?actor=admin-reports&cursor=${page.body.nextCursor}`, {
      token: admin,
    });
    expect(foreign.status).toBe(400);
    expect((await api('/api/audit?from=2026-12-01&to=2026-01-01', { token: admin })).status).toBe(400);
    expect((await api('/api/audit?action=made.up', { token: admin })).status).toBe(400);
    expect((await api('/api/audit', { token: hr })).status).toBe(403);
  });
});
