import { transitionCall } from '#shared/app/calls';
import { callTransitionSchema } from '#shared/domain/call';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/calls/{id}/transitions',
  { body: callTransitionSchema },
  async ({ params, body, principal }) =>
    withVersion(await transitionCall(params.id ?? '', body.to, requireStaff(principal), new Date())),
);
