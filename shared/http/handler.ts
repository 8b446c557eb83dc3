/**
 * The middy stack every route shares: normalise → size and media type → authenticate → parse
 * JSON → zod → route function, with one error middleware that turns domain errors into the
 * contract's error body (and keeps the security headers on errors too).
 *
 * A route function receives the validated body, query and path parameters and the principal,
 * and returns either a plain value (200 JSON) or an HttpResult.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  DomainError,
  Forbidden,
  NotFound,
  PayloadTooLarge,
  PreconditionRequired,
  RateLimited,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
  VersionMismatch,
} from '../domain/errors.ts';
import { hasUnsafeCharacters } from '../domain/text.ts';
import { contextFor, withPowertools } from '../lambda-context.ts';
import { logger } from '../logger.ts';
import { type BusinessTiming, countRateLimited, recordTiming } from '../metrics.ts';
import { findRoute } from '../routes.ts';
import { sourceMappedFrames } from '../source-mapped-stack.ts';
import { cameThroughCloudFront } from './origin.ts';
import type { Principal, StaffPrincipal } from './principal.ts';
import { staffFromClaims } from './principal.ts';
import { errorResponse, isHttpResult, toApiResponse } from './responses.ts';
import { parseWith } from './validation.ts';

export const maxBodyBytes = 64 * 1024;

export interface HttpRequest<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  headers: Record<string, string>;
  principal: Principal;
  event: APIGatewayProxyEventV2;
}

export interface RouteOptions<BS extends z.ZodMiniType | undefined, QS extends z.ZodMiniType | undefined> {
  body?: BS;
  query?: QS;
  /** Verifies an expert's session token; required on expert routes (see expert-route.ts). */
  verifyExpertSession?: (token: string) => Promise<string | null>;
  /** A business timing to record for each successful request (search and matching latency). */
  latencyMetric?: BusinessTiming;
  /**
   * Takes RFC 8058's one-click body (`List-Unsubscribe=One-Click`, form-encoded, as mail clients
   * send it) or none, and nothing else; the route reads only its query.
   */
  oneClickBody?: true;
}

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export function httpHandler<
  BS extends z.ZodMiniType | undefined = undefined,
  QS extends z.ZodMiniType | undefined = undefined,
>(
  routeKey: string,
  options: RouteOptions<BS, QS>,
  fn: (request: HttpRequest<Infer<BS>, Infer<QS>>) => Promise<unknown>,
) {
  const route = findRoute(routeKey);
  if (route.access === 'expert' && !options.verifyExpertSession) {
    throw new Error(`${routeKey} is an expert route: build it with expertRoute()`);
  }

  const stack = withPowertools(
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(),
  )
    .use(accessLog(routeKey, options.latencyMetric))
    // Registered last so it runs first on an error: the access log and the metrics see its response.
    .use({ onError: mapErrorToResponse })
    .handler(async (event) => {
      const headers = normaliseHeaders(event.headers);
      if (!cameThroughCloudFront(headers)) throw new Forbidden("Use the registry's own address");
      const principal = await authenticate(route.access, event, headers, options.verifyExpertSession);
      const body = options.body
        ? await parseBody(options.body, event, headers)
        : options.oneClickBody
          ? checkOneClickBody(event, headers)
          : refuseBody(event);
      const query = options.query
        ? await parseWith(options.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const result = await fn({
        body: body as Infer<BS>,
        query: query as Infer<QS>,
        params: pathIds(event.pathParameters),
        headers,
        principal,
        event,
      });
      return toApiResponse(isHttpResult(result) ? result : { status: 200, body: result });
    });

  const functionName = routeKey.replace(/\W+/g, '-');
  return (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> =>
    stack(event, contextFor(functionName, context));
}

/**
 * One access line per request: the route template, never the raw path or query (ids at most),
 * with the request id and cold start that the logger's context adds.
 */
function accessLog(
  routeKey: string,
  latencyMetric: BusinessTiming | undefined,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context> {
  const started = new WeakMap<object, number>();
  const served = (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) => {
    const durationMs = Math.round(performance.now() - (started.get(request) ?? performance.now()));
    if (latencyMetric && request.response && request.response.statusCode === 200) {
      recordTiming(latencyMetric, durationMs);
    }
    logger.info('request served', {
      route: routeKey,
      status: request.response?.statusCode,
      durationMs,
      requestId: request.event.requestContext?.requestId,
    });
  };
  return {
    before: (request) => {
      started.set(request, performance.now());
    },
    after: served,
    onError: served,
  };
}

/** Ids are UUIDs or short codes; DynamoDB refuses keys over 2,048 bytes with a 500-worthy error. */
export const maxIdBytes = 200;

/** The path's ids; one no record could have (too long, or with characters no text may hold) is not found. */
function pathIds(parameters: APIGatewayProxyEventV2['pathParameters']): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters ?? {})) {
    if (value === undefined) continue;
    if (Buffer.byteLength(value, 'utf8') > maxIdBytes || hasUnsafeCharacters(value)) {
      throw new NotFound();
    }
    ids[name] = value;
  }
  return ids;
}

function normaliseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name.toLowerCase()] = value;
  }
  return out;
}

export function bearerToken(headers: Record<string, string>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match ? match[1] : null;
}

async function authenticate(
  access: 'public' | 'expert' | 'hr' | 'admin',
  event: APIGatewayProxyEventV2,
  headers: Record<string, string>,
  verifyExpertSession: RouteOptions<undefined, undefined>['verifyExpertSession'],
): Promise<Principal> {
  if (access === 'public') return { kind: 'anonymous' };
  if (access === 'expert') {
    const token = bearerToken(headers);
    const expertId = token && verifyExpertSession ? await verifyExpertSession(token) : null;
    if (!expertId) throw new Unauthenticated('Log in again: the session is missing or has expired');
    return { kind: 'expert', expertId };
  }
  // Staff routes sit behind the API Gateway JWT authorizer; the role check is ours.
  const staff = staffFromClaims((event.requestContext as { authorizer?: never }).authorizer);
  if (!staff) throw new Unauthenticated();
  const allowed = access === 'admin' ? staff.isAdmin : staff.isAdmin || staff.groups.includes('hr');
  if (!allowed) throw new Forbidden(access === 'admin' ? 'Administrators only' : 'HR officers only');
  if (!staff.isAdmin && !staff.agency)
    throw new Forbidden('Your account has no agency; ask an administrator');
  return staff;
}

function parseBody(
  schema: z.ZodMiniType,
  event: APIGatewayProxyEventV2,
  headers: Record<string, string>,
): Promise<unknown> {
  const text = bodyText(event);
  if (text.trim() === '') throw new ValidationFailed('A JSON body is required');
  if (!/^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '')) throw new UnsupportedMediaType();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationFailed('The body is not valid JSON');
  }
  return parseWith(schema, json, 'body');
}

function checkOneClickBody(event: APIGatewayProxyEventV2, headers: Record<string, string>): undefined {
  const text = bodyText(event);
  if (text === '') return undefined;
  if (
    !/^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(headers['content-type'] ?? '')
  ) {
    throw new UnsupportedMediaType();
  }
  if (!text.includes('List-Unsubscribe=One-Click')) {
    throw new ValidationFailed('The body of a one-click unsubscribe is List-Unsubscribe=One-Click');
  }
  return undefined;
}

/** A route that takes no body refuses one, rather than accept (and ignore) up to API Gateway's 10 MB. */
function refuseBody(event: APIGatewayProxyEventV2): undefined {
  if (bodyText(event) !== '') throw new ValidationFailed('This request takes no body');
  return undefined;
}

/** The request body as text, refused over the contract's 64 KB whatever the route. */
function bodyText(event: APIGatewayProxyEventV2): string {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBodyBytes) throw new PayloadTooLarge();
  return text;
}

/** The version a PATCH was based on, from `If-Match: "<version>"`. */
export function ifMatchVersion(headers: Record<string, string>): number {
  const value = headers['if-match'];
  if (value === undefined || value.trim() === '') throw new PreconditionRequired();
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) throw new VersionMismatch('If-Match must be the ETag you read, such as "3"');
  return Number(match[1]);
}

export function requireStaff(principal: Principal): StaffPrincipal {
  if (principal.kind !== 'staff') throw new Unauthenticated();
  return principal;
}

export function requireExpert(principal: Principal): string {
  if (principal.kind !== 'expert') throw new Unauthenticated();
  return principal.expertId;
}

async function mapErrorToResponse(
  request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>,
) {
  const error = request.error;
  if (error instanceof RateLimited || isThrottling(error)) countRateLimited();
  if (error instanceof DomainError) {
    request.response = errorResponse(
      error.status,
      error.code,
      error.message,
      error.details,
      error instanceof RateLimited ? { 'retry-after': String(error.retryAfterSeconds) } : undefined,
    );
    return;
  }
  if (isThrottling(error)) {
    logger.warn('DynamoDB throttled the request', { errorName: error?.name });
    request.response = errorResponse(
      429,
      'rate_limited',
      'The service is busy; try again shortly',
      undefined,
      {
        'retry-after': '1',
      },
    );
    return;
  }
  // Names and stack frames only: messages of SDK errors can quote item values.
  logger.error('Unhandled error', { errorName: error?.name, stack: sourceMappedFrames(error?.stack) });
  request.response = errorResponse(500, 'internal', 'Internal error; it has been logged');
}

const throttlingErrors = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TimeoutError',
]);

function isThrottling(error: Error | null | undefined): boolean {
  return !!error && throttlingErrors.has(error.name);
}
