import { withdrawCallResponse } from '#shared/app/call-responses';
import { expertRoute } from '#shared/http/expert-route';
import { noContent } from '#shared/http/responses';

export const handler = expertRoute(
  'DELETE /api/calls/{id}/responses/me',
  {},
  async ({ params, expertId }) => {
    await withdrawCallResponse(params.id ?? '', expertId);
    return noContent();
  },
);
