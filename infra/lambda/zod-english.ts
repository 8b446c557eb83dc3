/**
 * Lambda bundles only: stands in for `zod/v4/locales/en.js` (esbuild alias in infra/bundling.ts).
 * shared/http/validation.ts gives real zod its English messages; in a Lambda bundle `zod/mini` is
 * the checker of infra/lambda/zod-mini.ts, which has no messages, and the real zod it hands a
 * refused input to is configured with English by infra/lambda/zod-fallback.ts. So the locale
 * tables (~4 KB) need not be parsed at every cold start.
 */
export default function en(): { localeError: () => undefined } {
  return { localeError: () => undefined };
}
