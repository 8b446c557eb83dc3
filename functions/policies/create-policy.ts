import { createPolicy } from '#shared/app/policies';
import { policyInputSchema } from '#shared/domain/policy';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/policies',
  { body: policyInputSchema },
  async ({ body, principal }) => {
    const policy = await createPolicy(body, requireStaff(principal), new Date());
    return created(policy, policy.version);
  },
);
