import { listAudit } from '#shared/app/statistics';
import { auditQuerySchema } from '#shared/domain/audit';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/audit', { query: auditQuerySchema }, ({ query }) =>
  listAudit(query, new Date()),
);
