import { createDemand } from '#shared/app/demands';
import { demandInputSchema } from '#shared/domain/demand';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/demands',
  { body: demandInputSchema },
  async ({ body, principal }) => {
    const demand = await createDemand(body, requireStaff(principal), new Date());
    return created(demand, demand.version);
  },
);
