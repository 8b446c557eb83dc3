import { listReports } from '#shared/app/reports';
import { reportListQuerySchema } from '#shared/domain/report';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/reports', { query: reportListQuerySchema }, ({ query }) =>
  listReports(query),
);
