import { updateCall } from '#shared/app/calls';
import { callPatchSchema } from '#shared/domain/call';
import { httpHandler, ifMatchVersion, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'PATCH /api/calls/{id}',
  { body: callPatchSchema },
  async ({ params, body, headers, principal }) =>
    withVersion(
      await updateCall(params.id ?? '', body, ifMatchVersion(headers), requireStaff(principal), new Date()),
    ),
);
