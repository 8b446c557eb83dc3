/**
 * The HTTP client for /api (and the local-only /dev routes), following shared/API.md: JSON in and
 * out, the contract's error body turned into an ApiError, and the right Authorization header for
 * each caller (none, the expert's session token, or the staff JWT).
 */
import type {
  AcademicTitle,
  ConsentChoices,
  Degree,
  DirectoryEntry,
  EngagementMode,
  ExpertProfile,
  ExpertSummary,
  LanguageLevel,
  ProfilePatch,
  Registration,
} from '#shared/domain/expert';
import type { Agency, LocalizedName, ProvinceTargets, Zone } from '#shared/domain/province';
import type { FieldOfScience } from '#shared/domain/taxonomy';
import { expertSession, staffSession } from './session.ts';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Meta {
  province: {
    id: string;
    name: LocalizedName;
    zones: Zone[];
    agencies: Agency[];
    targets: ProvinceTargets;
    priorities: LocalizedName[];
  };
  taxonomy: FieldOfScience[];
  degrees: Degree[];
  academicTitles: AcademicTitle[];
  engagementModes: EngagementMode[];
  sectors: string[];
  languageLevels: LanguageLevel[];
  consentTextVersion: string;
  consentText: { version: string; vi: string[]; en: string[] };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Versioned<T> {
  value: T;
  /** From the ETag header, else the body's version; sent back as If-Match. */
  version: string;
}

export interface SessionStart {
  sessionToken: string;
  expiresAt: string;
  expert: ExpertProfile;
}

export interface ExpertSearch {
  q?: string;
  field?: string;
  minDegree?: string;
  title?: string;
  locationKind?: string;
  country?: string;
  native?: string;
  language?: string;
  engagement?: string;
  limit?: number;
  cursor?: string;
}

type Caller = 'public' | 'expert' | 'staff';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  caller?: Caller;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

function bearer(caller: Caller): string | undefined {
  if (caller === 'expert') return expertSession()?.sessionToken;
  if (caller === 'staff') return staffSession()?.token;
  return undefined;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details = Array.isArray(error?.details)
    ? error.details.filter(
        (d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string',
      )
    : [];
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `http_${status}`,
    typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
    details,
  );
}

async function send(path: string, options: RequestOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = bearer(options.caller ?? 'public');
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw toApiError(response.status, body);
  return { status: response.status, headers: response.headers, body };
}

async function json<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await send(path, options)).body as T;
}

function versioned(response: RawResponse): Versioned<ExpertProfile> {
  const profile = response.body as ExpertProfile;
  const etag = response.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '');
  return { value: profile, version: etag || String(profile.version) };
}

export const api = {
  meta: () => json<Meta>('/api/meta'),

  register: (registration: Registration) =>
    json<{ status: 'check_email' }>('/api/experts', { method: 'POST', body: registration }),

  requestLoginLink: (email: string) =>
    json<unknown>('/api/me/login-link', { method: 'POST', body: { email } }),

  startSession: (token: string) => json<SessionStart>('/api/me/session', { method: 'POST', body: { token } }),

  me: async () => versioned(await send('/api/me', { caller: 'expert' })),

  /** Returns the updated profile; if the server answers without one, reads it again. */
  patchMe: async (patch: ProfilePatch, version: string): Promise<Versioned<ExpertProfile>> => {
    const response = await send('/api/me', {
      method: 'PATCH',
      caller: 'expert',
      body: patch,
      headers: { 'If-Match': `"${version}"` },
    });
    const body = response.body as Partial<ExpertProfile> | null;
    return body && typeof body.version === 'number' ? versioned(response) : api.me();
  },

  putConsent: (choices: ConsentChoices) =>
    json<unknown>('/api/me/consent', { method: 'PUT', caller: 'expert', body: choices }),

  exportMe: () => json<unknown>('/api/me/export', { caller: 'expert' }),

  deleteMe: () => json<null>('/api/me', { method: 'DELETE', caller: 'expert' }),

  directory: (query: { q?: string; field?: string; cursor?: string }) =>
    json<Page<DirectoryEntry>>('/api/directory', { query }),

  devToken: (claims: { sub: string; email: string; groups: ('hr' | 'admin')[]; agency: string }) =>
    json<{ token: string }>('/dev/token', { method: 'POST', body: claims }),

  searchExperts: (search: ExpertSearch) =>
    json<Page<ExpertSummary>>('/api/experts', { caller: 'staff', query: { ...search } }),

  expert: (id: string) => json<ExpertProfile>(`/api/experts/${encodeURIComponent(id)}`, { caller: 'staff' }),
};
