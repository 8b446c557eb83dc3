/**
 * Reading an uploaded roster (CSV with papaparse, XLSX with exceljs) into rows of cells, and
 * writing exports. Each library is imported by the code path that reads or writes its format, when
 * it does (with code splitting, a chunk of its own): exceljs alone is ~1 MB of JavaScript that no
 * route's cold start should parse, and a CSV import never needs it. A CSV is decoded line by line: UTF-8 where the bytes are valid UTF-8, else
 * Windows-1258 (Vietnamese Windows' code page), so a file with mixed encodings is read, and the
 * rows that needed the old code page are named, instead of the whole file turning to mojibake.
 */
import type ExcelJS from 'exceljs';
import type { Cell, FileErrorCode, ImportFormat } from '../domain/roster.ts';
import { neutraliseCell } from '../domain/roster.ts';

export interface SheetRow {
  /** 1-based line (CSV) or row (XLSX) number in the file, as a spreadsheet program shows it. */
  line: number;
  cells: Cell[];
  /** Decoded as Windows-1258 (CSV only). */
  legacyEncoding?: boolean;
}

export type SheetReading =
  | { ok: true; header: string[]; rows: SheetRow[] }
  | { ok: false; error: FileErrorCode };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1258 = new TextDecoder('windows-1258');

/** Each line decoded by itself; the returned set holds the 0-based lines read as Windows-1258. */
function decodeCsv(bytes: Buffer): { text: string; legacyLines: Set<number> } {
  const legacyLines = new Set<number>();
  const lines: string[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const chunk = bytes.subarray(start, i);
      try {
        lines.push(utf8.decode(chunk));
      } catch {
        legacyLines.add(lines.length);
        lines.push(windows1258.decode(chunk).normalize('NFC'));
      }
      start = i + 1;
    }
  }
  return { text: lines.join('\n'), legacyLines };
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c.text.trim() === '');

/** exceljs, loaded on first use. */
const excel = async () => (await import('exceljs')).default;

async function readCsv(bytes: Buffer): Promise<SheetReading> {
  if (bytes.includes(0)) return { ok: false, error: 'unreadable' }; // binary, not text
  const { text, legacyLines } = decodeCsv(bytes);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const { default: Papa } = await import('papaparse');
  const all: SheetRow[] = [];
  let previousEnd = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const first = lineAt(previousEnd);
      const last = lineAt(Math.max(previousEnd, end - 1));
      let legacy = false;
      for (let l = first; l <= last; l++) if (legacyLines.has(l)) legacy = true;
      all.push({
        line: first + 1,
        cells: (result.data as string[]).map((t) => ({ text: t })),
        ...(legacy ? { legacyEncoding: true } : {}),
      });
      previousEnd = end;
    },
  });
  return headerAndRows(all);
}

function headerAndRows(all: SheetRow[]): SheetReading {
  const rows = all.filter((r) => !isBlank(r.cells));
  const [header, ...data] = rows;
  if (!header || data.length === 0) return { ok: false, error: 'empty' };
  return { ok: true, header: header.cells.map((c) => c.text.trim()), rows: data };
}

async function readXlsx(bytes: Buffer): Promise<SheetReading> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: 'empty' };
  const all: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const formula = cell.type === ExcelJS.ValueType.Formula;
      cells.push({
        text: formula ? String(cell.formula ?? '') : cellText(cell),
        ...(formula ? { formula } : {}),
      });
    }
    all.push({ line: rowNumber, cells });
  });
  return headerAndRows(all);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text ?? '';
}

export function readSpreadsheet(format: ImportFormat, bytes: Buffer): Promise<SheetReading> {
  if (bytes.length === 0) return Promise.resolve({ ok: false, error: 'empty' });
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}

/** An XLSX of text cells (never formulas), each neutralised as in the CSV. */
export async function writeXlsx(sheetName: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map(neutraliseCell));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
