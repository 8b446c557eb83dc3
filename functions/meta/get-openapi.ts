import { httpHandler } from '#shared/http/handler';
import { openApiDocument } from '#shared/http/openapi';

// Built on the first request, not at import: the document walks every schema of the API (~150 ms),
// which no other route of the meta group should pay at cold start.
let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = httpHandler('GET /api/openapi.json', {}, async () => {
  document ??= openApiDocument();
  return document;
});
