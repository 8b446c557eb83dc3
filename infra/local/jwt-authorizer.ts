/**
 * The local stand-in for API Gateway's JWT authorizer: staff routes verify the bearer token as
 * API Gateway does with Cognito — the keys come from the issuer's discovery document and JWKS
 * (fetched on first use, refetched for an unknown kid), and the signature, issuer, audience,
 * expiry and not-before are checked. The issuer is the local OpenID provider (oidc-provider).
 *
 * /dev/token (tests only) mints tokens with the provider's own signing key, issuer and client id,
 * so the authorizer trusts exactly one issuer, as in AWS, and a test token is checked by the same
 * path as a token from the login page. Never deployed.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { cognitoClaims, idTokenTtlSeconds, type LocalSigningKey } from './oidc-provider.ts';

export interface DevTokenRequest {
  sub: string;
  email: string;
  groups: string[];
  agency?: string;
}

export interface LocalJwtAuthorizer {
  issuer: string;
  audience: string;
  sign(request: DevTokenRequest, options?: { expiresInSeconds?: number; audience?: string }): Promise<string>;
  /** The claims of a valid token, or null (API Gateway would answer 401). */
  verify(authorization: string | undefined): Promise<JWTPayload | null>;
}

export function createLocalJwtAuthorizer(options: {
  issuer: string;
  audience: string;
  signingKey: LocalSigningKey;
}): LocalJwtAuthorizer {
  const { issuer, audience, signingKey } = options;
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  async function discoverKeys() {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (discovery.issuer !== issuer || !discovery.jwks_uri) throw new Error('discovery names another issuer');
    return createRemoteJWKSet(new URL(discovery.jwks_uri));
  }

  return {
    issuer,
    audience,
    async sign(request, signOptions = {}) {
      const account = {
        sub: request.sub,
        email: request.email,
        name: request.email,
        group: request.groups[0] as 'hr',
        agency: request.agency ?? null,
        enabled: true,
        status: 'active' as const,
        createdAt: '',
        updatedAt: '',
      };
      const { sub: _, ...claims } = cognitoClaims(account);
      return new SignJWT({ ...claims, 'cognito:groups': request.groups })
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid })
        .setSubject(request.sub)
        .setIssuer(issuer)
        .setAudience(signOptions.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(
          Math.floor(Date.now() / 1000) + (signOptions.expiresInSeconds ?? idTokenTtlSeconds),
        )
        .sign(signingKey.privateKey);
    },
    async verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) return null;
      keys ??= discoverKeys().catch((error: Error) => {
        console.error(`local JWT authorizer: discovery failed: ${error.message}`);
        keys = undefined; // try discovery again on the next request
        throw error;
      });
      try {
        const { payload } = await jwtVerify(match[1], await keys, {
          issuer,
          audience,
          algorithms: ['RS256'],
        });
        return payload;
      } catch {
        return null;
      }
    },
  };
}
