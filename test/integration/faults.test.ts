/**
 * Faults DynamoDB Local will not produce, injected with aws-sdk-client-mock: throttling and
 * timeouts become a 429 with Retry-After, an unexpected failure a bare 500 — never internals.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registration } from '../support/api.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
let register: Handler;
const dynamo = mockClient(DynamoDBDocumentClient);

beforeAll(async () => {
  process.env.TABLE_NAME = 'faults';
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  ({ handler: register } = (await import('../../functions/experts/register-expert.ts')) as unknown as {
    handler: Handler;
  });
});

afterEach(() => dynamo.reset());

const event = (body: unknown) =>
  ({
    version: '2.0',
    routeKey: 'POST /api/experts',
    rawPath: '/api/experts',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { requestId: 'r1', http: { method: 'POST', path: '/api/experts' } },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const fault = (name: string, message = 'injected') =>
  Object.assign(new Error(message), { name, $metadata: {} });

describe('registration under DynamoDB faults', () => {
  it.each([['ProvisionedThroughputExceededException'], ['ThrottlingException'], ['TimeoutError']])(
    'answers %s with 429 and Retry-After',
    async (name) => {
      dynamo.onAnyCommand().rejects(fault(name));

      const res = await register(event(registration()), {} as Context);

      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
      expect(JSON.parse(res.body).error.code).toBe('rate_limited');
    },
  );

  it('answers an unexpected failure with a 500 that reveals nothing', async () => {
    dynamo
      .onAnyCommand()
      .rejects(fault('InternalServerError', 'table talent-registry partition EXPERT#123 on fire'));

    const res = await register(event(registration()), {} as Context);

    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'internal', message: 'Internal error; it has been logged' },
    });
    expect(res.body).not.toContain('EXPERT#');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
