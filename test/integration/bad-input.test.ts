/**
 * Bad input is the client's 4xx in the contract's error shape, never a 5xx (each 5xx fires the
 * API's alarm): forged cursors on every list route, ids longer than any record's on every {id}
 * route, a malformed %-escape in the path; and every 429 says when to come back.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { operationSchemas } from '#shared/http/openapi';
import { type RouteDefinition, routeKey, routes } from '#shared/routes';
import { api, registeredExpert, registration, staffToken, uniqueEmail } from '../support/api.ts';

const encode = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');

let tokens: Record<RouteDefinition['access'], string | undefined>;

beforeAll(async () => {
  const expert = await registeredExpert();
  tokens = {
    public: undefined,
    expert: expert.sessionToken,
    hr: await staffToken({ groups: ['hr'] }),
    admin: await staffToken({ groups: ['admin'] }),
  };
});

const takesCursor = (route: RouteDefinition) =>
  route.method === 'GET' &&
  !route.path.includes('{') &&
  'cursor' in ((operationSchemas[routeKey(route)]?.query as { shape?: object } | undefined)?.shape ?? {});

describe('forged cursors', () => {
  const listRoutes = routes.filter(takesCursor);

  it('covers the list routes', () => {
    expect(listRoutes.length).toBeGreaterThanOrEqual(8);
  });

  const forgeries: [string, string][] = [
    ['garbage', '!!not-base64!!'],
    ['an empty key field', encode({ PK: '', SK: '', GSI1PK: '', GSI1SK: '' })],
    ['an empty key field (GSI2)', encode({ PK: '', SK: '', GSI2PK: '', GSI2SK: '' })],
    ['a JSON array', encode({}).replace(/.*/, Buffer.from('[]').toString('base64url'))],
    ['a huge key value', encode({ PK: 'x'.repeat(1500), SK: 'y' })],
  ];

  it.each(forgeries)('answers %s with 400 invalid cursor on every list route', async (_, cursor) => {
    for (const route of listRoutes) {
      const res = await api(`${route.path}?cursor=${encodeURIComponent(cursor)}`, {
        token: tokens[route.access],
      });
      expect(res.status, routeKey(route)).toBe(400);
      expect(res.body.error.code, routeKey(route)).toBe('validation_failed');
    }
  });
});

describe('a start key outside the query’s sort-key range', () => {
  it('is the client’s 400, not DynamoDB’s ValidationException as a 500', async () => {
    process.env.TABLE_NAME = inject('tableName');
    process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
    const { queryPage } = await import('#shared/db/paged-query');
    const partition = 'OUT-OF-RANGE-TEST';
    const query = {
      index: 'GSI1' as const,
      partition,
      sortKeyCondition: { expression: 'GSI1SK >= :from', values: { ':from': 'M' } },
    };
    const cursor = encode({ PK: 'X#1', SK: 'X', GSI1PK: partition, GSI1SK: 'A' });
    await expect(queryPage(query, 20, cursor, (item) => item)).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
  });
});

describe('ids no record could have', () => {
  const idRoutes = routes.filter((route) => route.path.includes('{'));

  it.each([
    ['over 2,048 bytes', 'a'.repeat(2100)],
    ['with a control character', 'abc%01def'],
  ])('answer 404, not 500, on every {id} route: %s', async (_, id) => {
    for (const route of idRoutes) {
      const res = await api(route.path.replace(/\{\w+\}/g, id), {
        method: route.method,
        token: tokens[route.access],
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
        headers: { 'if-match': '"1"' },
      });
      expect([400, 404], routeKey(route)).toContain(res.status);
      expect(res.body.error.code, routeKey(route)).not.toBe('internal');
    }
  });
});

describe('a malformed %-escape in the path', () => {
  it('is a 400', async () => {
    const res = await api('/api/demands/%E0%A4%A', { token: tokens.hr });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('a body on a route that takes none', () => {
  it('is refused: 413 over 64 KB, 400 below, on a DELETE and a GET', async () => {
    const big = await api('/api/me', {
      method: 'DELETE',
      token: tokens.expert,
      rawBody: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    const small = await api('/api/calls/x/responses/me', {
      method: 'DELETE',
      token: tokens.expert,
      rawBody: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect([big.status, small.status]).toEqual([413, 400]);
    // The expert was not erased by the refused request.
    expect((await api('/api/me', { token: tokens.expert })).status).toBe(200);
  });
});

describe('text no reader should get', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000Văn An'],
    ['a right-to-left override', 'Nguyễn \u202EnA nặV'],
    ['a lone surrogate', 'Nguyễn \uD800 An'],
  ])('is refused with a clear 400 naming the field: %s', async (_, fullName) => {
    const res = await api('/api/experts', { body: registration({ fullName }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'fullName', message: expect.stringMatching(/control characters/) }),
    );
  });
});

describe('429 rate_limited', () => {
  it('says in Retry-After when the next login link can be asked for (within the hour window)', async () => {
    const email = uniqueEmail('limited');
    // biome-ignore lint/suspicious/noExplicitAny: the error body is asserted field by field
    let limited: Awaited<ReturnType<typeof api<any>>> | undefined;
    for (let i = 0; i < 8 && !limited; i++) {
      const res = await api('/api/me/login-link', { body: { email } });
      if (res.status === 429) limited = res;
    }
    expect(limited?.body.error.code).toBe('rate_limited');
    const seconds = Number(limited?.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(3600);
  });
});
