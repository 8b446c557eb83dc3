/** Who is calling: derived from the verified JWT claims or the expert's session, never the body. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { ExpertActor, StaffActor } from '../domain/actor.ts';

/** The caller of an HTTP route: anyone, or an actor of the domain (never the system). */
export type Principal = { kind: 'anonymous' } | ExpertActor | StaffActor;

export type StaffPrincipal = StaffActor;

/**
 * API Gateway's JWT authorizer hands claims over as strings; an array claim such as
 * `cognito:groups` arrives as "[hr admin]". Accept that, a JSON array, or a real array.
 */
export function parseGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  const text = raw.trim();
  if (text.startsWith('[') && text.includes('"')) {
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the API Gateway format
    }
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

type JwtContext = APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];

export function staffFromClaims(authorizer: JwtContext | undefined): StaffPrincipal | null {
  const claims = authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return null;
  const groups = parseGroups(claims['cognito:groups']);
  const agency = claims['custom:agency'];
  const email = claims.email;
  return {
    kind: 'staff',
    sub: claims.sub,
    groups,
    agency: typeof agency === 'string' && agency !== '' ? agency : null,
    isAdmin: groups.includes('admin'),
    ...(typeof email === 'string' && email !== '' ? { email } : {}),
  };
}
