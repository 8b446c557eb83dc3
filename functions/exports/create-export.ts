import { createExport } from '#shared/app/exports';
import { createExportSchema } from '#shared/domain/exports';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/exports',
  { body: createExportSchema },
  async ({ body, principal }) => accepted(await createExport(body, requireStaff(principal), new Date())),
);
