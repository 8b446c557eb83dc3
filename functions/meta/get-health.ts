import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/health', {}, async () => ({ status: 'ok' }));
