/**
 * Requests must come through CloudFront (where AWS WAF and the security headers are): CloudFront
 * adds a header only it knows (infra/registry-stack.ts), and a request to the execute-api
 * endpoint without it is refused before any work. Unset locally, where there is no CloudFront.
 */
import { timingSafeEqual } from 'node:crypto';

export const originVerifyHeader = 'x-origin-verify';

export function cameThroughCloudFront(headers: Record<string, string>): boolean {
  const expected = process.env.ORIGIN_VERIFY_SECRET;
  if (!expected) return true;
  const given = Buffer.from(headers[originVerifyHeader] ?? '', 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
