/**
 * Report snapshots (sơ kết / tổng kết): the statistics and target progress frozen at a cut-off,
 * for a period, kept unchanged. `reportTables` lays a snapshot out as the tables of its XLSX
 * sheets and CSV sections, with Vietnamese headers; a hidden small group stays hidden ("< 5").
 */
import * as z from 'zod/mini';
import type { RecordedActor } from './actor.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { fieldLabel } from './taxonomy.ts';
import { safeText, trim } from './text.ts';

const day = z.iso.date({ message: 'Use a date such as 2027-06-30' });

export const reportInputSchema = z
  .strictObject({
    title: z.string().check(trim, safeText, z.minLength(1), z.maxLength(200)),
    periodFrom: day,
    periodTo: day,
  })
  .check(
    z.refine((r) => r.periodFrom <= r.periodTo, {
      message: 'periodTo must not be before periodFrom',
      path: ['periodTo'],
    }),
  );

export const reportListQuerySchema = z.strictObject({ limit: pageLimitParam, cursor: cursorParam });

export type ReportInput = z.infer<typeof reportInputSchema>;

type Counts = Record<string, number | null>;

/** What a snapshot freezes: the figures as GET /api/stats and /api/stats/targets gave them. */
export interface ReportFigures {
  statistics: {
    asOf: string;
    experts: Record<string, unknown> & {
      total: number | null;
      registrationsByMonth: { month: string; value: number | null }[];
    };
    demands: {
      total: number;
      headcount: number;
      filled: number | null;
      byZone: Record<string, { count: number; headcount: number; filled?: number | null }>;
      byAgency: Record<string, { count: number; headcount: number; filled?: number | null }>;
      byStatus: Record<string, { count: number; headcount: number }>;
    };
    offers: {
      total: number;
      valueVnd: number;
      byState: Record<string, { count: number | null; valueVnd: number | null }>;
      byPolicy: Record<string, { count: number | null; valueVnd: number | null }>;
      byZone: Record<string, { count: number | null; valueVnd: number | null }>;
    };
    calls: { total: number; byStatus: Record<string, number>; responses: number | null };
    funnel: Record<string, number | null>;
  };
  targets: {
    id: string;
    label: { vi: string; en: string };
    min: number;
    max?: number;
    unit: string;
    current: number | null;
    share: number | null;
    source?: { document: string; date: string | null };
  }[];
}

export interface Report extends ReportFigures {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  /** The moment the figures were frozen. */
  cutOff: string;
  /** Registrations (still active) in the period, from the monthly counts; null if under five. */
  periodRegistrations: number | null;
  createdBy: RecordedActor;
  createdAt: string;
}

export type ReportSummary = Pick<Report, 'id' | 'title' | 'periodFrom' | 'periodTo' | 'cutOff' | 'createdAt'>;

/** Active registrations of the months a period touches (null if any month is hidden). */
export function registrationsInPeriod(
  byMonth: { month: string; value: number | null }[],
  from: string,
  to: string,
): number | null {
  const months = byMonth.filter((m) => m.month >= from.slice(0, 7) && m.month <= to.slice(0, 7));
  if (months.some((m) => m.value === null)) return null;
  return months.reduce((sum, m) => sum + (m.value ?? 0), 0);
}

export interface ReportTable {
  /** The sheet's name (Excel: at most 31 characters, no []:*?/\). */
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const labels: Record<string, Record<string, string>> = {
  status: { active: 'Đang hoạt động', withdrawn: 'Đã rút', pending_verification: 'Chờ xác nhận' },
  degree: { bachelor: 'Cử nhân', master: 'Thạc sĩ', doctorate: 'Tiến sĩ' },
  title: { none: 'Không', associate_professor: 'Phó giáo sư', professor: 'Giáo sư' },
  locationKind: { in_province: 'Trong tỉnh', in_country: 'Trong nước', overseas: 'Nước ngoài' },
  native: { yes: 'Người của tỉnh', no: 'Không', unknown: 'Không rõ' },
  gender: { female: 'Nữ', male: 'Nam', other: 'Khác', unspecified: 'Không nêu' },
  ageBand: {
    under_30: 'Dưới 30',
    '30_39': '30-39',
    '40_49': '40-49',
    '50_59': '50-59',
    '60_plus': 'Từ 60',
    unknown: 'Không rõ',
  },
  leadershipPost: {
    none: 'Không giữ chức vụ',
    provincial: 'Cấp tỉnh',
    department: 'Cấp sở, ngành',
    commune: 'Cấp xã',
    unit: 'Cấp đơn vị',
    unknown: 'Không khai',
  },
  abroadSixMonths: { yes: 'Có', no: 'Không', unknown: 'Không khai' },
};

const labelOf = (dimension: string, code: string) =>
  dimension === 'fieldGroup' || dimension === 'field'
    ? (fieldLabel(code)?.vi ?? code)
    : (labels[dimension]?.[code] ?? code);

const bySource = (s: ReportFigures['statistics']) => (s.experts.bySource ?? {}) as Counts;

/** The tables of a snapshot, in the order of its sheets. */
export function reportTables(report: Report): ReportTable[] {
  const s = report.statistics;
  const breakdown = (name: string, dimension: string, heading: string): ReportTable => ({
    name,
    headers: ['Mã', heading, 'Số người'],
    rows: Object.entries((s.experts[dimension] ?? {}) as Counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, n]) => [code, labelOf(dimension, code), n]),
  });
  const grouped = (
    name: string,
    groups: Record<string, Record<string, number | null | undefined>>,
    headers: string[],
    fields: string[],
  ): ReportTable => ({
    name,
    headers,
    rows: Object.entries(groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, g]) => [code, ...fields.map((f) => g[f] ?? null)]),
  });
  return [
    {
      name: 'Tổng quan',
      headers: ['Chỉ tiêu', 'Giá trị'],
      rows: [
        ['Tên báo cáo', report.title],
        ['Từ ngày', report.periodFrom],
        ['Đến ngày', report.periodTo],
        ['Số liệu tính đến', report.cutOff],
        ['Tổng số trí thức đang hoạt động', s.experts.total],
        ['Trong đó tự đăng ký', bySource(s).registered ?? null],
        ['Trong đó từ danh sách nhập', bySource(s).roster ?? null],
        ['Đăng ký mới trong kỳ', report.periodRegistrations],
        ['Số nhu cầu', s.demands.total],
        ['Số người cần tuyển', s.demands.headcount],
        ['Số đề nghị', s.offers.total],
        ['Tổng giá trị đề nghị (VND)', s.offers.valueVnd],
        ['Số lời mời hợp tác', s.calls.total],
        ['Số phản hồi lời mời', s.calls.responses],
      ],
    },
    {
      name: 'Mục tiêu',
      headers: ['Mục tiêu', 'Chỉ tiêu', 'Đơn vị', 'Hiện tại', 'Tỷ lệ đạt', 'Văn bản', 'Ngày văn bản'],
      rows: report.targets.map((t) => [
        t.label.vi,
        t.min,
        t.unit === 'percent' ? '%' : 'người',
        t.current,
        t.share,
        t.source?.document ?? null,
        t.source?.date ?? null,
      ]),
    },
    breakdown('Trạng thái', 'status', 'Trạng thái'),
    breakdown('Trình độ', 'degree', 'Trình độ cao nhất'),
    breakdown('Học hàm', 'title', 'Học hàm'),
    breakdown('Nhóm lĩnh vực', 'fieldGroup', 'Nhóm lĩnh vực'),
    breakdown('Lĩnh vực', 'field', 'Lĩnh vực'),
    breakdown('Nơi ở', 'locationKind', 'Nơi sinh sống'),
    breakdown('Quốc gia', 'country', 'Quốc gia'),
    breakdown('Quê quán', 'native', 'Người của tỉnh'),
    breakdown('Giới tính', 'gender', 'Giới tính'),
    breakdown('Độ tuổi', 'ageBand', 'Nhóm tuổi'),
    breakdown('Khu vực công tác', 'sector', 'Khu vực'),
    breakdown('Hình thức hợp tác', 'engagement', 'Hình thức'),
    breakdown('Chức vụ lãnh đạo', 'leadershipPost', 'Cấp chức vụ'),
    breakdown('Ở nước ngoài 6 tháng', 'abroadSixMonths', 'Đã làm việc, học tập ở nước ngoài từ 6 tháng'),
    {
      name: 'Đăng ký theo tháng',
      headers: ['Tháng', 'Số người'],
      rows: s.experts.registrationsByMonth.map((m) => [m.month, m.value]),
    },
    grouped(
      'Nhu cầu theo trạng thái',
      s.demands.byStatus,
      ['Trạng thái', 'Số nhu cầu', 'Số người cần'],
      ['count', 'headcount'],
    ),
    grouped(
      'Nhu cầu theo vùng',
      s.demands.byZone,
      ['Vùng', 'Số nhu cầu', 'Số người cần', 'Đã tuyển'],
      ['count', 'headcount', 'filled'],
    ),
    grouped(
      'Nhu cầu theo cơ quan',
      s.demands.byAgency,
      ['Cơ quan', 'Số nhu cầu', 'Số người cần', 'Đã tuyển'],
      ['count', 'headcount', 'filled'],
    ),
    grouped(
      'Đề nghị theo trạng thái',
      s.offers.byState,
      ['Trạng thái', 'Số đề nghị', 'Giá trị (VND)'],
      ['count', 'valueVnd'],
    ),
    grouped(
      'Đề nghị theo chính sách',
      s.offers.byPolicy,
      ['Chính sách', 'Số đề nghị', 'Giá trị (VND)'],
      ['count', 'valueVnd'],
    ),
    grouped(
      'Đề nghị theo vùng',
      s.offers.byZone,
      ['Vùng', 'Số đề nghị', 'Giá trị (VND)'],
      ['count', 'valueVnd'],
    ),
    {
      name: 'Lời mời hợp tác',
      headers: ['Trạng thái', 'Số lời mời'],
      rows: Object.entries(s.calls.byStatus).map(([status, n]) => [status, n]),
    },
  ];
}

/** A hidden small group as a cell shows it. */
export const suppressedCell = '< 5';

/** A text cell that a spreadsheet would run as a formula is kept as text. */
export const formulaSafe = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The snapshot as CSV: each table under its name, a blank line between them; UTF-8 with BOM. */
export function reportCsv(report: Report): string {
  const cell = (value: string | number | null) => {
    if (value === null) return suppressedCell;
    if (typeof value === 'number') return String(value);
    const text = formulaSafe(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const sections = reportTables(report).map((table) =>
    [
      cell(table.name),
      table.headers.map(cell).join(','),
      ...table.rows.map((r) => r.map(cell).join(',')),
    ].join('\r\n'),
  );
  return `\uFEFF${sections.join('\r\n\r\n')}\r\n`;
}

/** One figure of two reports side by side: `difference` is b − a, null unless both are numbers. */
export interface ComparedCell {
  a: string | number | null;
  b: string | number | null;
  difference: number | null;
}

export interface ComparedTable {
  name: string;
  /** The key column's header, then one per compared column. */
  headers: string[];
  rows: { key: string; cells: ComparedCell[]; onlyIn?: 'a' | 'b' }[];
}

export interface ReportComparison {
  a: ReportSummary;
  b: ReportSummary;
  tables: ComparedTable[];
}

const summaryOf = (r: Report): ReportSummary => ({
  id: r.id,
  title: r.title,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  cutOff: r.cutOff,
  createdAt: r.createdAt,
});

function compareCell(
  a: string | number | null | undefined,
  b: string | number | null | undefined,
): ComparedCell {
  const left = a ?? null;
  const right = b ?? null;
  // A hidden group (null) stays hidden, and so does its difference: a known figure minus a hidden
  // one would reveal the hidden one.
  const difference = typeof left === 'number' && typeof right === 'number' ? right - left : null;
  return { a: left, b: right, difference };
}

/**
 * Two frozen reports side by side, table by table (the tables of their files), rows matched by
 * their first cell. A row only one report has keeps the other side empty (null), its difference too.
 */
export function compareReports(a: Report, b: Report): ReportComparison {
  const tablesB = new Map(reportTables(b).map((t) => [t.name, t]));
  const tables = reportTables(a).map((tableA): ComparedTable => {
    const tableB = tablesB.get(tableA.name);
    const rowsB = new Map((tableB?.rows ?? []).map((row) => [String(row[0]), row]));
    const keysA = tableA.rows.map((row) => String(row[0]));
    const keys = [...keysA, ...[...rowsB.keys()].filter((k) => !keysA.includes(k))];
    const rowsA = new Map(tableA.rows.map((row) => [String(row[0]), row]));
    return {
      name: tableA.name,
      headers: tableA.headers,
      rows: keys.map((key) => {
        const left = rowsA.get(key);
        const right = rowsB.get(key);
        const width = Math.max(left?.length ?? 0, right?.length ?? 0);
        return {
          key,
          cells: Array.from({ length: width - 1 }, (_, i) => compareCell(left?.[i + 1], right?.[i + 1])),
          ...(left ? (right ? {} : { onlyIn: 'a' as const }) : { onlyIn: 'b' as const }),
        };
      }),
    };
  });
  return { a: summaryOf(a), b: summaryOf(b), tables };
}

export const reportComparisonQuerySchema = z.strictObject({
  a: z.string().check(z.minLength(1), z.maxLength(64)),
  b: z.string().check(z.minLength(1), z.maxLength(64)),
});
