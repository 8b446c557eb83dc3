import { endSession } from '#shared/app/sessions';
import { endSessionQuerySchema } from '#shared/domain/session';
import { expertRoute } from '#shared/http/expert-route';
import { bearerToken } from '#shared/http/handler';
import { noContent } from '#shared/http/responses';

export const handler = expertRoute(
  'DELETE /api/me/session',
  { query: endSessionQuerySchema },
  async ({ headers, query }) => {
    await endSession(bearerToken(headers) ?? '', query.all === 'true');
    return noContent();
  },
);
