import { targetsView } from '#shared/app/statistics';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/stats/targets', {}, () => targetsView(new Date()));
