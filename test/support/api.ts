/** Talking to the local server the way a browser or another service would: over HTTP. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Registration } from '#shared/domain/expert';

export const baseUrl = () => inject('baseUrl');

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function api<T = any>(
  path: string,
  options: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl()}${path}`, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (CSV, HTML)
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

export const uniqueEmail = (label = 'expert') => `${label}.${randomUUID().slice(0, 8)}@example.org`;

export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    fullName: 'Nguyễn Văn An',
    email: uniqueEmail(),
    phone: '+84905123456',
    birthYear: 1985,
    gender: 'male',
    highestDegree: 'doctorate',
    academicTitle: 'none',
    fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
    location: { kind: 'overseas', country: 'JP', city: 'Osaka' },
    nativeOfProvince: true,
    hometown: 'Bình Sơn',
    employer: { name: 'Osaka University', sector: 'university' },
    yearsExperience: 12,
    languages: [{ code: 'en', level: 'C1' }],
    publications: 25,
    patents: 1,
    engagement: ['remote_advisory', 'short_visit'],
    bio: 'Kỹ sư cơ khí, nghiên cứu thiết kế máy.',
    consent: {
      registry: true,
      shareWithAgencies: true,
      collaborationCalls: true,
      publicDirectory: false,
      textVersion: '2026-01-01',
    },
    ...overrides,
  };
}

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/**
 * Waits until the local stream poller has handed every record written so far to its consumers
 * (and the records those consumers wrote in turn): the event to wait on, instead of a sleep.
 */
export async function streamSettled(): Promise<void> {
  const res = await api('/dev/stream/drain', { method: 'POST' });
  if (res.status !== 200) throw new Error(`stream drain failed: ${res.status} ${res.text}`);
}

/** Waits for the outbox handler to deliver at least `count` mails to the address. */
export async function mailsTo(email: string, count = 1, timeoutMs = 15_000): Promise<Mail[]> {
  const started = Date.now();
  for (;;) {
    const { body } = await api<{ items: Mail[] }>(`/dev/outbox?to=${encodeURIComponent(email)}`);
    if (body.items.length >= count || Date.now() - started > timeoutMs) return body.items;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first mail to `email` whose subject starts so, not among `notIn`; the outbox fills by a poller. */
export async function mailWithSubject(email: string, prefix: string, notIn: Mail[] = []): Promise<Mail> {
  const seen = new Set(notIn.map((m) => m.id));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mail = (await mailsTo(email, 1, 1_000)).find(
      (m) => m.subject.startsWith(prefix) && !seen.has(m.id),
    );
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail "${prefix}…" within 30 s`);
}

/** A login link mailed to `email` after `since` (older links were used already), on this server; the outbox fills by a poller. */
export async function newLoginLink(email: string, since: Mail[]): Promise<string> {
  const seen = new Set(since.map((mail) => mail.id));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const link = (await mailsTo(email, since.length + 1, 1_000))
      .filter((mail) => !seen.has(mail.id))
      .map((mail) => /\S+#login=[^\s)>"]+/.exec(mail.text)?.[0])
      .find(Boolean);
    if (link) {
      const { pathname, hash } = new URL(link);
      return `${baseUrl()}${pathname}${hash}`;
    }
  }
  throw new Error(`no new login link mailed to ${email} within 20 s`);
}

export function loginTokenIn(mail: Mail): string {
  const match = /#login=([^\s]+)/.exec(mail.text);
  if (!match) throw new Error('No login link in the mail');
  return decodeURIComponent(match[1]);
}

export interface Session {
  sessionToken: string;
  expert: { id: string; version: number; [k: string]: unknown };
}

/** Registers a new expert and opens a session from the verification mail. */
export async function registeredExpert(
  overrides: Partial<Registration> = {},
): Promise<Session & { email: string }> {
  const body = registration(overrides);
  const res = await api('/api/experts', { body });
  if (res.status !== 202) throw new Error(`registration failed: ${res.status} ${res.text}`);
  const [mail] = await mailsTo(body.email);
  if (!mail) throw new Error('no verification mail');
  const session = await api<Session>('/api/me/session', { body: { token: loginTokenIn(mail) } });
  if (session.status !== 200) throw new Error(`session failed: ${session.status} ${session.text}`);
  return { ...session.body, email: body.email };
}

export async function staffToken(
  claims: {
    groups?: ('hr' | 'admin')[];
    agency?: string;
    sub?: string;
    email?: string;
    expiresInSeconds?: number;
    audience?: string;
  } = {},
): Promise<string> {
  const res = await api<{ token: string }>('/dev/token', {
    body: {
      sub: claims.sub ?? `staff-${randomUUID().slice(0, 8)}`,
      email: claims.email ?? 'officer@quangngai.gov.vn',
      groups: claims.groups ?? ['hr'],
      ...(claims.agency === undefined
        ? { agency: 'so-y-te' }
        : claims.agency
          ? { agency: claims.agency }
          : {}),
      ...(claims.expiresInSeconds !== undefined ? { expiresInSeconds: claims.expiresInSeconds } : {}),
      ...(claims.audience ? { audience: claims.audience } : {}),
    },
  });
  return res.body.token;
}
