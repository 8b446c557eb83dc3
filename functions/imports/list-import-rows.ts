import { listImportRows } from '#shared/app/imports';
import { importRowsQuerySchema } from '#shared/domain/imports';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/imports/{id}/rows',
  { query: importRowsQuerySchema },
  ({ params, query }) => listImportRows(params.id ?? '', query),
);
