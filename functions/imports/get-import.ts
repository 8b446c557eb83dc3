import { readImportView } from '#shared/app/imports';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/imports/{id}', {}, ({ params }) =>
  readImportView(params.id ?? ''),
);
