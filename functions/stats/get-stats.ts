import { statisticsView } from '#shared/app/statistics';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/stats', {}, () => statisticsView(new Date()));
