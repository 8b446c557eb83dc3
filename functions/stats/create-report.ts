import { createReport } from '#shared/app/reports';
import { reportInputSchema } from '#shared/domain/report';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/reports',
  { body: reportInputSchema },
  async ({ body, principal }) => created(await createReport(body, requireStaff(principal), new Date())),
);
