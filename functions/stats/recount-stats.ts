import { recountOnDemand } from '#shared/app/statistics';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler('POST /api/stats/recount', {}, ({ principal }) =>
  recountOnDemand(requireStaff(principal), new Date()),
);
