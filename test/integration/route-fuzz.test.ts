/**
 * Property-based fuzzing of every route of the route table (fast-check, fixed seed so a failure
 * replays): any path id, query, body, content type, If-Match and credential gets an answer below
 * 500 in the contract's error shape. `FUZZ_RUNS` sets the number of requests (the benchmark script
 * runs a larger batch: `npm run bench -- --only fuzz`).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationSchemas } from '#shared/http/openapi';
import { type RouteDefinition, routeKey, routes } from '#shared/routes';
import { api, registeredExpert, staffToken } from '../support/api.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 400);
const seed = Number(process.env.FUZZ_SEED ?? 20261130);

let credentials: Record<RouteDefinition['access'], string | undefined>;

beforeAll(async () => {
  credentials = {
    public: undefined,
    expert: (await registeredExpert()).sessionToken,
    hr: await staffToken({ groups: ['hr'] }),
    admin: await staffToken({ groups: ['admin'] }),
  };
});

const queryNames = (route: RouteDefinition): string[] =>
  Object.keys((operationSchemas[routeKey(route)]?.query as { shape?: object } | undefined)?.shape ?? {});

/** Text a client could put anywhere: unicode, controls, huge, look-alike ids and escapes. */
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'null',
    'true',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    'Nguyễn',
  ),
  fc.integer().map(String),
  fc.uuid(),
  fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
);
/** Header values must be printable ASCII for fetch to send them at all. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
});

const requestFor = (route: RouteDefinition) =>
  fc.record({
    ids: fc.array(anyText, { minLength: 3, maxLength: 3 }),
    rawId: fc.boolean(),
    query: fc.dictionary(fc.constantFrom(...queryNames(route), 'limit', 'cursor', 'unknown'), anyText, {
      maxKeys: 4,
    }),
    body: fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      anyText,
    ),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
    ifMatch: fc.option(
      fc.oneof(
        headerText,
        fc.nat().map((n) => `"${n}"`),
      ),
      { nil: undefined },
    ),
    credential: fc.constantFrom('own', 'none', 'garbage', 'hr', 'admin', 'expert'),
  });

describe('every route under fuzzed input', () => {
  it(`answers ${runs} generated requests below 500, with the contract's error body`, async () => {
    const arbitrary = fc
      // Under the zod/mini stand-in (test/support/zod-stand-in.mjs) the OpenAPI route needs zod itself.
      .constantFrom(
        ...routes.filter((r) => !process.env.REGISTRY_ZOD_STAND_IN || r.path !== '/api/openapi.json'),
      )
      .chain((route) => fc.tuple(fc.constant(route), requestFor(route)));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([route, request]) => {
        let n = 0;
        const path = route.path.replace(/\{\w+\}/g, () => {
          const id = request.ids[n++ % 3];
          return request.rawId ? id.replace(/[/?#\s]/g, '') || 'x' : encodeURIComponent(id);
        });
        const query = new URLSearchParams(request.query).toString();
        const token =
          request.credential === 'own'
            ? credentials[route.access]
            : request.credential === 'none'
              ? undefined
              : request.credential === 'garbage'
                ? 'not.a.token'
                : credentials[request.credential];
        const headers: Record<string, string> = {};
        if (request.contentType) headers['content-type'] = request.contentType;
        if (request.ifMatch !== undefined) headers['if-match'] = request.ifMatch;
        let res: Awaited<ReturnType<typeof api>>;
        try {
          res = await api(`${path}${query ? `?${query}` : ''}`, {
            method: route.method,
            token,
            headers,
            ...(request.body !== undefined && route.method !== 'GET' ? { rawBody: request.body } : {}),
          });
        } catch (error) {
          // fetch refuses some URLs before sending them (nothing reached the server)
          if (error instanceof TypeError) return;
          throw error;
        }
        const label = `${routeKey(route)} → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body, label).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          });
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  }, 600_000);
});
