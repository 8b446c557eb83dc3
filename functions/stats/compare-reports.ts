import { compareFrozenReports } from '#shared/app/reports';
import { reportComparisonQuerySchema } from '#shared/domain/report';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/reports/compare',
  { query: reportComparisonQuerySchema },
  ({ query }) => compareFrozenReports(query.a, query.b),
);
