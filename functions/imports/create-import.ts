import { createImport } from '#shared/app/imports';
import { createImportSchema } from '#shared/domain/imports';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/imports',
  { body: createImportSchema },
  async ({ body, principal }) => created(await createImport(body, requireStaff(principal), new Date())),
);
