/**
 * One frozen report: JSON, or `{id}.xlsx` (one sheet per table) and `{id}.csv` (UTF-8 with BOM).
 * API Gateway matches whole path segments, so the three share the route `/api/reports/{id}`.
 */
import { readReport } from '#shared/app/reports';
import { reportCsv } from '#shared/domain/report';
import { foldVietnamese } from '#shared/domain/text';
import { httpHandler } from '#shared/http/handler';

/** The title folded as search folds text (no tone marks, đ → d), its words joined by hyphens. */
const fileName = (title: string, extension: string) =>
  `bao-cao-${
    foldVietnamese(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'thong-ke'
  }.${extension}`;

export const handler = httpHandler('GET /api/reports/{id}', {}, async ({ params }) => {
  const match = /^(.+?)(?:\.(xlsx|csv))?$/.exec(params.id ?? '');
  const report = await readReport(match?.[1] ?? '');
  const format = match?.[2];
  if (!format) return report;
  const disposition = `attachment; filename="${fileName(report.title, format)}"`;
  if (format === 'csv') {
    return {
      status: 200,
      headers: { 'content-disposition': disposition },
      raw: { contentType: 'text/csv; charset=utf-8', text: reportCsv(report) },
    };
  }
  // exceljs is loaded only for this representation: the other routes of the group stay light.
  const { reportWorkbook } = await import('#shared/app/report-workbook');
  return {
    status: 200,
    headers: { 'content-disposition': disposition },
    raw: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      text: (await reportWorkbook(report)).toString('base64'),
      base64: true,
    },
  };
});
