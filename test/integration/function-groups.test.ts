/**
 * The deployed shape: each function group bundled exactly as the stack bundles it (infra/bundling.ts:
 * a folder with the dispatcher `index.mjs` and one bundle per route under `routes/`, or for a group
 * whose routes share module state one core with all of them, `core/index.mjs`), imported as Lambda would, and invoked with
 * API Gateway events for every route it serves, against DynamoDB Local. The local server runs route
 * by route; this proves the generated dispatchers send each route key to its own handler module,
 * through the route bundles, and that a route's cold path reads neither other routes' modules nor
 * the Powertools Tracer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateProfiles } from '#shared/demo/generate-profiles';
import { registrationSchema } from '#shared/domain/expert';
import { issuesToDetails } from '#shared/http/validation';
import { contextFor } from '#shared/lambda-context';
import {
  type FunctionGroup,
  functionGroups,
  routeKey,
  routesOfGroup,
  usedFunctionGroups,
} from '#shared/routes';
import {
  bundleGroup,
  type FunctionBundle,
  loadedOutputs,
  repoRoot,
  routeBundlePath,
} from '../../infra/bundling.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

const outdir = mkdtempSync(join(tmpdir(), 'talent-registry-groups-'));
const handlers = new Map<FunctionGroup, Handler>();
const bundles = new Map<FunctionGroup, FunctionBundle>();

beforeAll(async () => {
  process.env.TABLE_NAME = inject('tableName');
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.MAIL_TRANSPORT = 'dev';
  // One esbuild build per route (~65) and per dispatcher: minutes on a busy machine.
  const built = await Promise.all(usedFunctionGroups().map((group) => bundleGroup(group, outdir)));
  for (const [i, group] of usedFunctionGroups().entries()) {
    const module = (await import(pathToFileURL(built[i].file).href)) as { handler: Handler };
    handlers.set(group, module.handler);
    bundles.set(group, built[i]);
  }
}, 600_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** An anonymous API Gateway payload 2.0 event for a route, with its path parameters filled in. */
function eventFor(method: string, path: string, key = `${method} ${path}`): APIGatewayProxyEventV2 {
  const rawPath = path.replace(/\{(\w+)\}/g, 'unknown-id');
  return {
    version: '2.0',
    routeKey: key,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'unknown-id'])),
    isBase64Encoded: false,
    body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'group-test',
      routeKey: key,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

describe('function groups as deployed', () => {
  it('answers every route of every group from that route’s own handler', async () => {
    for (const group of usedFunctionGroups()) {
      const handler = handlers.get(group);
      for (const route of routesOfGroup(group)) {
        const response = await handler?.(eventFor(route.method, route.path), contextFor(group));
        const status = response?.statusCode ?? 0;
        // Without credentials a protected route refuses before anything else; a public one answers
        // (an empty body is a 400 from its own schema, an unknown id a 404 from its own lookup, a
        // JSON body where the route takes a form, RFC 8058's one-click unsubscribe, a 415).
        if (route.access === 'public') expect([200, 202, 400, 404, 415], routeKey(route)).toContain(status);
        else expect(status, routeKey(route)).toBe(401);
        expect(JSON.parse(response?.body ?? '{}').error?.code, routeKey(route)).not.toBe('internal');
      }
    }
  }, 180_000); // every route's chunk loaded cold, ~60 imports: slow on a busy machine

  it('serves the contract from the meta group and the open calls from the calls group', async () => {
    const health = await handlers.get('meta')?.(eventFor('GET', '/api/health'), contextFor('meta'));
    expect(JSON.parse(health?.body ?? '')).toEqual({ status: 'ok' });
    const calls = await handlers.get('calls')?.(eventFor('GET', '/api/calls'), contextFor('calls'));
    expect(JSON.parse(calls?.body ?? '')).toMatchObject({ items: expect.any(Array) });
  });

  it('parses a body with the bundle’s zod/mini stand-in, and refuses one with zod’s own details', async () => {
    // The bundle builds no zod schema (infra/lambda/zod-mini.ts); what its checker refuses, real
    // zod parses, loaded then: the details must be word for word those of zod itself.
    const bundle = bundles.get('experts') as FunctionBundle;
    const coldInputs = loadedOutputs(bundle, 'functions/experts/register-expert.ts').flatMap((path) =>
      Object.keys(bundle.metafile.outputs[path].inputs),
    );
    expect(coldInputs).toContain('infra/lambda/zod-mini.ts');
    expect(coldInputs).not.toContain('node_modules/zod/v4/core/schemas.js');
    const send = (body: unknown) =>
      handlers.get('experts')?.(
        { ...eventFor('POST', '/api/experts'), body: JSON.stringify(body) },
        contextFor('experts'),
      );
    const refused = {
      ...generateProfiles(1, { seed: 41 })[0],
      fullName: ' ',
      email: 'not-an-email',
      extra: 1,
    };
    const response = await send(refused);
    expect(response?.statusCode).toBe(400);
    const zodSays = registrationSchema.safeParse(refused);
    expect(zodSays.success).toBe(false);
    expect(JSON.parse(response?.body ?? '').error.details).toEqual(
      issuesToDetails(zodSays.error?.issues ?? []),
    );
    const [person] = generateProfiles(1, { seed: 42, emailDomain: 'function-groups.example' });
    expect([201, 202]).toContain((await send(person))?.statusCode);
  });

  it('answers a route key that is not in its group with 404, not a crash', async () => {
    const response = await handlers.get('meta')?.(eventFor('GET', '/api/calls'), contextFor('meta'));
    expect(response?.statusCode).toBe(404);
    expect(JSON.parse(response?.body ?? '')).toMatchObject({ error: { code: 'not_found' } });
  });

  it('splits each group: every route is its own bundle (or chunk), and a route loads no other route', () => {
    for (const group of usedFunctionGroups()) {
      const bundle = bundles.get(group) as FunctionBundle;
      const modules = routesOfGroup(group).map((route) => `functions/${route.handler}.ts`);
      for (const [i, module] of modules.entries()) {
        const files = loadedOutputs(bundle, module);
        // Apart from a group that shares module state: the dispatcher, then the route's own folder.
        if (!functionGroups[group].sharedModules) {
          const folder = dirname(join(bundle.dir, routeBundlePath(routesOfGroup(group)[i].handler)));
          const elsewhere = files
            .map((file) => resolve(repoRoot, file))
            .filter((file) => file !== bundle.file && !file.startsWith(`${folder}${sep}`));
          expect(elsewhere, module).toEqual([]);
        }
        const inputs = files.flatMap((file) => Object.keys(bundle.metafile.outputs[file].inputs));
        expect(inputs, module).toContain(module);
        // A group that shares module state loads one core with all its routes (infra/bundling.ts).
        expect(
          inputs.filter((input) => modules.includes(input) && input !== module),
          module,
        ).toEqual(functionGroups[group].sharedModules ? modules.filter((m) => m !== module) : []);
        // The tracer is a deployment option (shared/tracing.ts): off the cold path unless chosen.
        expect(
          inputs.filter((input) => /aws-xray-sdk|powertools\/tracer|tracing-powertools/.test(input)),
          module,
        ).toEqual([]);
      }
    }
  });
});
