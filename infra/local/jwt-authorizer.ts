/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer: /dev/token signs RS256 tokens
 * with a key made at start-up, and staff routes verify them as API Gateway would (signature,
 * issuer, audience, expiry, not-before). Never deployed.
 */
import { exportJWK, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';

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
  jwks(): Promise<{ keys: unknown[] }>;
}

export async function createLocalJwtAuthorizer(issuer: string, audience = 'talent-registry-local') {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = 'local-1';
  const authorizer: LocalJwtAuthorizer = {
    issuer,
    audience,
    async sign(request, options = {}) {
      return new SignJWT({
        email: request.email,
        'cognito:groups': request.groups,
        ...(request.agency ? { 'custom:agency': request.agency } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(request.sub)
        .setIssuer(issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600))
        .sign(privateKey);
    },
    async verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) return null;
      try {
        const { payload } = await jwtVerify(match[1], publicKey, { issuer, audience, algorithms: ['RS256'] });
        return payload;
      } catch {
        return null;
      }
    },
    async jwks() {
      return { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
    },
  };
  return authorizer;
}
