import { updatePolicy } from '#shared/app/policies';
import { policyPatchSchema } from '#shared/domain/policy';
import { httpHandler, ifMatchVersion, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'PATCH /api/policies/{id}',
  { body: policyPatchSchema },
  async ({ params, body, headers, principal }) =>
    withVersion(
      await updatePolicy(params.id ?? '', body, ifMatchVersion(headers), requireStaff(principal), new Date()),
    ),
);
