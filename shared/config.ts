/**
 * The environment, read once at cold start. A missing required variable fails the cold start
 * with a message that names it, rather than the first request with an obscure error.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is required (see README.md, "Configuration")`);
  return value;
}

function optional(name: string, fallback: string): string {
  return process.env[name] || fallback;
}

export interface Config {
  tableName: string;
  provinceId: string;
  /** Base URL of the web app; mail links point here. */
  appUrl: string;
  mailFrom: string;
  mailTransport: 'ses' | 'dev';
  /** Set for DynamoDB Local; unset in AWS. */
  dynamoEndpoint: string | undefined;
  loginTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  loginLinksPerHour: number;
  /** Where staff sign in (Cognito in AWS, the local provider locally); the web app reads it from GET /api/meta. */
  staffSignIn: StaffSignInConfig | null;
  /** The staff user pool the staff administration routes manage (the staff function group in AWS). */
  staffUserPoolId: string | undefined;
}

export interface StaffSignInConfig {
  issuer: string;
  clientId: string;
  scopes: string;
  /** Cognito's /logout (its discovery document names no end_session_endpoint); null: the issuer's. */
  signOutUrl: string | null;
}

function staffSignIn(): StaffSignInConfig | null {
  const issuer = process.env.STAFF_OIDC_ISSUER;
  const clientId = process.env.STAFF_OIDC_CLIENT_ID;
  if (!issuer || !clientId) return null;
  return {
    issuer,
    clientId,
    scopes: optional('STAFF_OIDC_SCOPES', 'openid email profile'),
    signOutUrl: process.env.STAFF_OIDC_SIGN_OUT_URL || null,
  };
}

function readConfig(): Config {
  const mailTransport = optional('MAIL_TRANSPORT', 'ses');
  if (mailTransport !== 'ses' && mailTransport !== 'dev') {
    throw new Error(`MAIL_TRANSPORT must be "ses" or "dev", not "${mailTransport}"`);
  }
  return {
    tableName: required('TABLE_NAME'),
    provinceId: optional('PROVINCE_ID', 'quang-ngai'),
    appUrl: optional('APP_URL', 'http://127.0.0.1:3000').replace(/\/$/, ''),
    mailFrom: optional('MAIL_FROM', 'no-reply@talent.quangngai.gov.vn'),
    mailTransport,
    dynamoEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB || undefined,
    loginTokenTtlSeconds: 24 * 60 * 60,
    sessionTtlSeconds: 8 * 60 * 60,
    loginLinksPerHour: Number(optional('LOGIN_LINKS_PER_HOUR', '5')),
    staffSignIn: staffSignIn(),
    staffUserPoolId: process.env.STAFF_USER_POOL_ID || undefined,
  };
}

let cached: Config | undefined;

/** The configuration; read on first use so that pure modules importing this stay testable. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
