/** A frozen report as an XLSX workbook: one sheet per table, Vietnamese headers, numbers as numbers. */
import ExcelJS from 'exceljs';
import { formulaSafe, type Report, reportTables, suppressedCell } from '../domain/report.ts';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function reportWorkbook(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Talent Registry';
  workbook.created = new Date(report.cutOff);
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(sheetName(table.name));
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(
        row.map((cell) =>
          cell === null ? suppressedCell : typeof cell === 'string' ? formulaSafe(cell) : cell,
        ),
      );
    }
    sheet.columns.forEach((column, i) => {
      column.width = Math.min(60, Math.max(10, table.headers[i]?.length ?? 10) + 4);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
