import { csvDocument, rosterHeaderRow } from '#shared/domain/roster';
import { httpHandler } from '#shared/http/handler';

/** The import template: the header row, Vietnamese; English names and field names are accepted too. */
export const handler = httpHandler('GET /api/imports/template', {}, async () => ({
  status: 200,
  headers: { 'content-disposition': 'attachment; filename="mau-nhap-danh-sach.csv"' },
  raw: { contentType: 'text/csv; charset=utf-8', text: csvDocument([rosterHeaderRow()]) },
}));
