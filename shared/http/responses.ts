/** Response shapes of the contract: JSON bodies, the error body, security headers. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorDetail } from '../domain/errors.ts';

export const securityHeaders: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** What a route function returns when it needs more than a 200 with a JSON body. */
export interface HttpResult {
  status: number;
  body?: unknown;
  /** Sent as `ETag: "<version>"`. */
  version?: number;
  headers?: Record<string, string>;
  /** A non-JSON body (CSV export), sent as is with the given content type; base64 for binary (XLSX). */
  raw?: { contentType: string; text: string; base64?: boolean };
}

export const created = (body: unknown, version?: number): HttpResult => ({ status: 201, body, version });
export const accepted = (body: unknown): HttpResult => ({ status: 202, body });
export const noContent = (): HttpResult => ({ status: 204 });
export const withVersion = (body: { version: number }): HttpResult => ({
  status: 200,
  body,
  version: body.version,
});

export function isHttpResult(value: unknown): value is HttpResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HttpResult).status === 'number' &&
    Object.keys(value).every((k) => ['status', 'body', 'version', 'headers', 'raw'].includes(k))
  );
}

export function toApiResponse(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...securityHeaders, ...result.headers };
  if (result.version !== undefined) headers.etag = `"${result.version}"`;
  if (result.raw) {
    headers['content-type'] = result.raw.contentType;
    return {
      statusCode: result.status,
      headers,
      body: result.raw.text,
      ...(result.raw.base64 ? { isBase64Encoded: true } : {}),
    };
  }
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['content-type'] = 'application/json; charset=utf-8';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: ErrorDetail[],
  headers?: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  return toApiResponse({
    status,
    body: { error: { code, message, ...(details?.length ? { details } : {}) } },
    headers,
  });
}
