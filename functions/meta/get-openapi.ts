import { httpHandler } from '#shared/http/handler';
import { openApiDocument } from '#shared/http/openapi';

const document = openApiDocument();

export const handler = httpHandler('GET /api/openapi.json', {}, async () => document);
