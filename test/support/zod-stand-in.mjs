/**
 * Runs the local server with the Lambda bundles' zod/mini stand-in (infra/lambda/zod-mini.ts)
 * instead of zod: `REGISTRY_ZOD_STAND_IN=1 npx vitest run --project integration` (global-setup.ts
 * passes `--import` of this file to the server). A check by hand that every route, through the
 * stand-in, answers as with zod; GET /api/openapi.json cannot (it builds its document with zod's
 * toJSONSchema here, and is prebuilt in a Lambda bundle), so its tests fail under it.
 */
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
const standIns = {
  'zod/mini': ${JSON.stringify(new URL('../../infra/lambda/zod-mini.ts', import.meta.url).href)},
  'zod/v4/locales/en.js': ${JSON.stringify(new URL('../../infra/lambda/zod-english.ts', import.meta.url).href)},
};
export async function resolve(specifier, context, next) {
  const standIn = standIns[specifier];
  if (standIn && !context.parentURL?.includes('/node_modules/')) return { url: standIn, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);
