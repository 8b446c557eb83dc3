import { httpHandler } from '#shared/http/handler';
import { openApiDocument } from '#shared/http/openapi';

// In Lambda the document comes built, as JSON, with this route's bundle (infra/bundling.ts,
// prebuiltOpenApiSource). The local server and the tests build it here, on the first request: it
// walks every schema of the API (~150 ms).
let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = httpHandler('GET /api/openapi.json', {}, async () => {
  document ??= openApiDocument();
  return document;
});
