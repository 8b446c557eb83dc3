/**
 * The local API Gateway: one HTTP server on one port serving the web app, the API (each request
 * becomes a payload 2.0 event for the real handler, loaded from the route table) and the dev-only
 * routes (/dev/token, /dev/outbox). Staff routes are checked like the JWT authorizer would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { setLocalInvoker } from '#shared/async-invoke';
import { config } from '#shared/config';
import { listDevMail } from '#shared/db/outbox';
import { registryMeta } from '#shared/domain/meta';
import { fileStore, LocalFileStore, verifyLocalFileUrl } from '#shared/files/file-store';
import { errorResponse } from '#shared/http/responses';
import { issuesToDetails } from '#shared/http/validation';
import { contextFor } from '#shared/lambda-context';
import { type RouteDefinition, routeKey, routes, scheduledJobs } from '#shared/routes';
import { withEmbeddedMeta } from '../app-shell.ts';
import { claimsAsApiGateway, matchPath, toApiGatewayEvent } from './api-gateway-event.ts';
import {
  compress,
  type Encoding,
  isCompressible,
  negotiateEncoding,
  precompressedSuffix,
} from './compression.ts';
import { devMailboxPage } from './dev-mailbox-page.ts';
import type { LocalJwtAuthorizer } from './jwt-authorizer.ts';
import { type LocalOidcProvider, oidcMountPath } from './oidc-provider.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
const maxPayloadBytes = 10 * 1024 * 1024; // API Gateway's own limit; the handlers enforce 64 KB

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

const loaded = new Map<string, Promise<LambdaHandler>>();

export function loadHandler(handler: string): Promise<LambdaHandler> {
  let module = loaded.get(handler);
  if (!module) {
    const file = pathToFileURL(join(repoRoot, 'functions', `${handler}.ts`)).href;
    module = import(file).then((m: { handler: LambdaHandler }) => m.handler);
    loaded.set(handler, module);
  }
  return module;
}

/** What Lambda passes a handler: the API's integration allows it 29 seconds. */
export const lambdaContext = (functionName: string): Context => contextFor(functionName, undefined, 29_000);

/**
 * What EventBridge does on a schedule; locally a timer and POST /dev/run-scheduled call this. By
 * default the jobs that run at least hourly (the deadline sweep); the weekly recount runs when
 * named (`POST /dev/run-scheduled?job=stats/recount-statistics`).
 */
export async function runScheduledJobs(only?: string): Promise<string[]> {
  const ran: string[] = [];
  const jobs = scheduledJobs.filter((job) => (only ? job.handler === only : job.everyMinutes <= 60));
  for (const job of jobs) {
    const handler = (await loadHandler(job.handler)) as unknown as (
      event: unknown,
      context: Context,
    ) => Promise<unknown>;
    await handler(
      { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString(), detail: {} },
      lambdaContext(job.handler.replace('/', '-')),
    );
    ran.push(job.handler);
  }
  return ran;
}

const devTokenSchema = z.strictObject({
  sub: z.string().check(z.minLength(1), z.maxLength(128)),
  email: z.email(),
  groups: z.array(z.enum(['hr', 'admin'])).check(z.minLength(1)),
  agency: z.optional(z.string().check(z.maxLength(64))),
  expiresInSeconds: z.optional(z.int().check(z.gte(-86_400), z.lte(86_400))),
  // Only so tests can prove the authorizer rejects a token meant for another app.
  audience: z.optional(z.string().check(z.maxLength(200))),
});

export interface LocalServerOptions {
  port: number;
  host?: string;
  authorizer: LocalJwtAuthorizer;
  /** The local OpenID provider (Cognito's part), served under /oidc. */
  oidc?: LocalOidcProvider;
  webRoot?: string;
  /** Resolves once the local stream poller has handed every record so far to its consumers. */
  drainStream?: () => Promise<void>;
}

/**
 * Lambda's asynchronous invocation (`InvocationType: 'Event'`, the on-demand recount): the caller
 * is answered at once and the job runs on in this process, with a job function's 15 minutes.
 */
export async function runInBackground(handler: string, payload: Record<string, unknown>): Promise<void> {
  const run = (await loadHandler(handler)) as unknown as (
    event: unknown,
    context: Context,
  ) => Promise<unknown>;
  run(payload, contextFor(handler.replace('/', '-'))).catch((error: Error) =>
    console.error(`background ${handler}: ${error.name}: ${error.message}`),
  );
}

export function createLocalServer(options: LocalServerOptions): Server {
  const webRoot = options.webRoot ?? join(repoRoot, 'web', 'dist');
  setLocalInvoker(runInBackground);
  return createServer((request, response) => {
    handle(request, response, options, webRoot).catch((error: Error) => {
      console.error(`local server: ${error.name}`, error.stack);
      send(response, errorResponse(500, 'internal', 'Internal error'));
    });
  });
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalServerOptions,
  webRoot: string,
) {
  const { authorizer } = options;
  const url = new URL(request.url ?? '/', 'http://local');
  const path = url.pathname;
  const method = (request.method ?? 'GET').toUpperCase();

  if (!decodablePath(path)) {
    return send(response, errorResponse(400, 'validation_failed', 'The path has a malformed %-escape'));
  }
  if (options.oidc && (path === oidcMountPath || path.startsWith(`${oidcMountPath}/`))) {
    return options.oidc.handle(request, response);
  }
  if (path.startsWith('/api/')) {
    const body = await readBody(request);
    if (body === null)
      return send(response, errorResponse(413, 'payload_too_large', 'Request body too large'));
    const match = findRouteFor(method, path);
    if (!match) return send(response, errorResponse(404, 'not_found', `No route ${method} ${path}`));
    const { route, pathParameters } = match;
    let claims: Record<string, string> | undefined;
    if (route.access === 'hr' || route.access === 'admin') {
      const payload = await authorizer.verify(request.headers.authorization);
      if (!payload) {
        return send(
          response,
          errorResponse(401, 'unauthenticated', 'A valid staff token is required', undefined, {
            'www-authenticate': 'Bearer',
          }),
        );
      }
      claims = claimsAsApiGateway(payload);
    }
    const event = toApiGatewayEvent(
      request,
      url,
      body,
      { routeKey: routeKey(route), pathParameters },
      claims,
    );
    const handler = await loadHandler(route.handler);
    const result = await handler(event, lambdaContext(route.handler.replace('/', '-')));
    return send(response, result, negotiateEncoding(request.headers['accept-encoding']));
  }

  if (path.startsWith('/dev/files/') && (method === 'PUT' || method === 'GET')) {
    return serveFile(request, response, method, path.slice('/dev/files/'.length), url.searchParams);
  }
  if (path === '/dev/token' && method === 'POST') {
    const body = await readBody(request);
    let json: unknown;
    try {
      json = JSON.parse(body?.toString('utf8') ?? '');
    } catch {
      return send(response, errorResponse(400, 'validation_failed', 'The body is not valid JSON'));
    }
    const parsed = devTokenSchema.safeParse(json);
    if (!parsed.success) {
      return send(
        response,
        errorResponse(400, 'validation_failed', 'Invalid body', issuesToDetails(parsed.error.issues)),
      );
    }
    const { expiresInSeconds, audience, ...claims } = parsed.data;
    const token = await authorizer.sign(claims, { expiresInSeconds, audience });
    return sendJson(response, 200, { token });
  }
  if (path === '/dev/outbox' && method === 'GET') {
    const to = url.searchParams.get('to') ?? undefined;
    const items = await listDevMail(to);
    // A person in a browser gets a page with clickable links; tests and scripts the JSON.
    const wantsPage =
      url.searchParams.get('format') !== 'json' && /\btext\/html\b/.test(request.headers.accept ?? '');
    if (!wantsPage) return sendJson(response, 200, { items });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return response.end(devMailboxPage(items, to));
  }
  if (path === '/dev/stream/drain' && method === 'POST') {
    // Tests wait on this instead of sleeping: every record written so far has reached its consumers.
    await options.drainStream?.();
    return sendJson(response, 200, { drained: true });
  }
  if (path === '/dev/run-scheduled' && method === 'POST') {
    return sendJson(response, 200, { ran: await runScheduledJobs(url.searchParams.get('job') ?? undefined) });
  }
  if (path.startsWith('/dev/search')) return devSearch(path, method, response);
  if (path.startsWith('/dev/'))
    return sendJson(response, 404, { error: { code: 'not_found', message: 'Not found' } });

  if (method !== 'GET' && method !== 'HEAD')
    return sendJson(response, 405, { error: { code: 'not_found', message: 'Not found' } });
  return serveStatic(response, webRoot, path, negotiateEncoding(request.headers['accept-encoding']));
}

const maxFileBytes = 20 * 1024 * 1024;

/**
 * What S3 does with a presigned URL, for the local file store: a PUT of exactly the signed size
 * and content type, or a GET of a signed key, before the URL expires; anything else is a 403.
 */
async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  method: 'PUT' | 'GET',
  key: string,
  params: URLSearchParams,
) {
  const store = fileStore();
  const check = verifyLocalFileUrl(method, key, params, new Date());
  if (!(store instanceof LocalFileStore) || !check.ok) {
    return sendJson(response, 403, {
      error: { code: 'forbidden', message: 'The link is invalid or has expired' },
    });
  }
  if (method === 'GET') {
    const body = await store.read(key);
    if (!body) return sendJson(response, 404, { error: { code: 'not_found', message: 'Not found' } });
    response.writeHead(200, {
      'content-type': key.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream',
      'content-disposition': `attachment; filename="${(check.filename ?? 'download').replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    });
    return response.end(body);
  }
  const body = await readBody(request, maxFileBytes);
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  if (body === null || body.length !== check.size) {
    return sendJson(response, 400, {
      error: { code: 'validation_failed', message: 'The body is not the size the upload was signed for' },
    });
  }
  if (type !== (check.contentType ?? '').split(';')[0].trim()) {
    return sendJson(response, 403, {
      error: { code: 'forbidden', message: 'The content type is not the signed one' },
    });
  }
  await store.write(key, body, type);
  response.writeHead(200, { 'cache-control': 'no-store' });
  return response.end();
}

/**
 * The search read model's dev routes (tests and the benchmark): POST /dev/search/snapshot writes a
 * new snapshot and drops this instance's index; POST /dev/search/reset drops it (the next request
 * loads it cold, as a new Lambda instance would); POST /dev/search/forget-caches drops the
 * demands' cached rankings and the index's cached text hits (the next request computes them, as a
 * first ask does); GET
 * /dev/search reports the last cold load.
 */
async function devSearch(path: string, method: string, response: ServerResponse) {
  const model = await import('#shared/app/search-read-model');
  if (path === '/dev/search/snapshot' && method === 'POST') {
    const build = await model.buildSearchSnapshot();
    model.dropSearchIndex();
    return sendJson(response, 200, build);
  }
  if (path === '/dev/search/reset' && method === 'POST') {
    model.dropSearchIndex();
    return sendJson(response, 200, { dropped: true });
  }
  if (path === '/dev/search/forget-caches' && method === 'POST') {
    (await import('#shared/app/matching')).forgetRankings();
    await model.forgetQueryCaches();
    return sendJson(response, 200, { forgotten: true });
  }
  if (path === '/dev/search' && method === 'GET') {
    return sendJson(response, 200, { coldLoad: model.lastColdLoad() ?? null });
  }
  return sendJson(response, 404, { error: { code: 'not_found', message: 'Not found' } });
}

function findRouteFor(
  method: string,
  path: string,
): { route: RouteDefinition; pathParameters: Record<string, string> } | null {
  // Literal paths win over templated ones, as in API Gateway (/api/experts/import before {id}).
  const candidates = routes
    .filter((r) => r.method === method)
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')));
  for (const route of candidates) {
    const pathParameters = matchPath(route.path, path);
    if (pathParameters) return { route, pathParameters };
  }
  return null;
}

/** API Gateway refuses a path it cannot decode; so do we, with the contract's 400 rather than a crash. */
function decodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function readBody(request: IncomingMessage, limit = maxPayloadBytes): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  result: APIGatewayProxyStructuredResultV2,
  encoding: Encoding | null = null,
) {
  const headers = { ...(result.headers as Record<string, string>) };
  const body = result.body ?? '';
  const bytes = result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  sendBody(response, result.statusCode ?? 200, headers, bytes, encoding);
}

/** Sends `body`, compressed with `encoding` when its type and size are worth it, as CloudFront would. */
function sendBody(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  encoding: Encoding | null,
  precompressed?: Buffer,
) {
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (!encoding || !isCompressible(contentType, body.length)) {
    response.writeHead(status, headers);
    return response.end(body);
  }
  const encoded = precompressed ?? compress(body, encoding);
  response.writeHead(status, {
    ...headers,
    'content-encoding': encoding,
    vary: 'accept-encoding',
    'content-length': String(encoded.length),
  });
  return response.end(encoded);
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const pageHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** A built file and, if the build wrote one, its sibling compressed with `encoding`. */
function readBuilt(file: string, encoding: Encoding | null): { body: Buffer; precompressed?: Buffer } {
  const sibling = encoding ? file + precompressedSuffix[encoding] : null;
  return {
    body: readFileSync(file),
    precompressed: sibling && existsSync(sibling) ? readFileSync(sibling) : undefined,
  };
}

/** What GET /api/meta answers (functions/meta/get-meta.ts), as the deployment embeds it in the shell. */
const publishedMeta = () => ({ ...registryMeta(config().provinceId), staffSignIn: config().staffSignIn });

function serveStatic(response: ServerResponse, webRoot: string, path: string, encoding: Encoding | null) {
  const file = normalize(join(webRoot, decodeURIComponent(path)));
  const index = join(webRoot, 'index.html');
  if (file !== index && file.startsWith(webRoot) && existsSync(file) && statSync(file).isFile()) {
    const { body, precompressed } = readBuilt(file, encoding);
    const headers = {
      ...pageHeaders,
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      // Hashed names change with their content: a browser may keep them for a year unasked.
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    return sendBody(response, 200, headers, body, encoding, precompressed);
  }
  // A missing file is a 404, as from S3 behind CloudFront: only client-side routes (no file
  // extension) get the app shell (infra/constructs/site.ts, spaRoutingCode).
  if (extname(path) !== '' && file !== index) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    return response.end('Not found\n');
  }
  if (!existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    return response.end('The web app is not built: run `npm run build:web` (npm start does it for you).\n');
  }
  // The single-page app routes everything else itself (as CloudFront's 404 → index.html does).
  // The shell carries this server's meta, so it is compressed as it is sent, not by the build.
  const body = Buffer.from(withEmbeddedMeta(readFileSync(index, 'utf8'), publishedMeta()), 'utf8');
  const headers = { ...pageHeaders, 'content-type': contentTypes['.html'], 'cache-control': 'no-cache' };
  return sendBody(response, 200, headers, body, encoding);
}
