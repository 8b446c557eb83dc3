/**
 * The app shell (index.html) with the province's meta (what GET /api/meta answers) embedded, so
 * the first page renders without waiting for a round trip to the API. Both the local server and
 * the AWS deployment serve the shell through this, with the deployment's own meta: the province
 * and the staff sign-in settings are chosen at deployment, not at build.
 */

/** The element the web app reads (web/src/meta.tsx); a JSON data block, which CSP lets through. */
export const embeddedMetaId = 'registry-meta';

/**
 * `html` with `meta` as a JSON data block at the end of its head. `<` is escaped, so no value can
 * close the element. Strings may be CDK tokens: the deployment resolves them in place.
 */
export function withEmbeddedMeta(html: string, meta: unknown): string {
  const json = JSON.stringify(meta).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${embeddedMetaId}">${json}</script>`;
  if (!html.includes('</head>')) throw new Error('The app shell has no </head>');
  return html.replace('</head>', `${block}\n  </head>`);
}
