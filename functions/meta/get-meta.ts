import { config } from '#shared/config';
import { registryMeta } from '#shared/domain/meta';
import { httpHandler } from '#shared/http/handler';

const meta = { ...registryMeta(config().provinceId), staffSignIn: config().staffSignIn };

export const handler = httpHandler('GET /api/meta', {}, async () => meta);
