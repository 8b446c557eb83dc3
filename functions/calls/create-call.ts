import { createCall } from '#shared/app/calls';
import { callBodySchema } from '#shared/domain/call';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/calls',
  { body: callBodySchema },
  async ({ body, principal }) => {
    const call = await createCall(body, requireStaff(principal), new Date());
    return created(call, call.version);
  },
);
