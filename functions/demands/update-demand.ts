import { updateDemand } from '#shared/app/demands';
import { demandPatchSchema } from '#shared/domain/demand';
import { httpHandler, ifMatchVersion, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'PATCH /api/demands/{id}',
  { body: demandPatchSchema },
  async ({ params, body, headers, principal }) =>
    withVersion(
      await updateDemand(params.id ?? '', body, ifMatchVersion(headers), requireStaff(principal), new Date()),
    ),
);
