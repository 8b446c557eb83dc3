import { respondToCall } from '#shared/app/call-responses';
import { callResponseBodySchema } from '#shared/domain/call';
import { expertRoute } from '#shared/http/expert-route';
import { created } from '#shared/http/responses';

export const handler = expertRoute(
  'POST /api/calls/{id}/responses',
  { body: callResponseBodySchema },
  async ({ params, body, expertId }) =>
    created(await respondToCall(params.id ?? '', expertId, body.message, new Date())),
);
