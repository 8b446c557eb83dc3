import { readExportView } from '#shared/app/exports';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler('GET /api/exports/{id}', {}, ({ params, principal }) =>
  readExportView(params.id ?? '', requireStaff(principal), new Date()),
);
