import { requestRecount } from '#shared/app/recount';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler('POST /api/stats/recount', {}, async ({ principal }) =>
  accepted(await requestRecount(requireStaff(principal), new Date())),
);
