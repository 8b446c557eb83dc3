import { listPolicies } from '#shared/app/policies';
import { policyListQuerySchema } from '#shared/domain/policy';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/policies', { query: policyListQuerySchema }, ({ query }) =>
  listPolicies(query),
);
