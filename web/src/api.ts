/**
 * The HTTP client for /api, following shared/API.md: JSON in and
 * out, the contract's error body turned into an ApiError, and the right Authorization header for
 * each caller (none, the expert's session token, or the staff JWT).
 */

import type { CallBody, CallPatch, CallStatus, PublicCall, StaffCall } from '#shared/domain/call';
import type { Demand, DemandInput, DemandPatch, DemandStatus } from '#shared/domain/demand';
import type { DuplicateView, MergeDuplicate } from '#shared/domain/duplicates';
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
import type { ExportView } from '#shared/domain/exports';
import type { ImportView } from '#shared/domain/imports';
import type { ExpertMatch, MatchReason } from '#shared/domain/matching';
import type { Offer, OfferActor, OfferHistoryEntry, OfferInput, OfferView } from '#shared/domain/offer';
import type { OfferStatus } from '#shared/domain/offer-states';
import type { Policy, PolicyInput, PolicyPatch } from '#shared/domain/policy';
import type { Agency, LocalizedName, ProvinceTarget, Zone } from '#shared/domain/province';
import type { ReportInput, ReportSummary } from '#shared/domain/report';
import type { StaffNoticesPage } from '#shared/domain/staff-notice-views';
import type { StaffUser, StaffUserInvite, StaffUserPatch } from '#shared/domain/staff-user';
import type {
  RecountJobView,
  ReportComparisonView,
  StatisticsView,
  TargetsView,
} from '#shared/domain/statistics-views';
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
    /** From Retry-After: when the request may be made again (null when not said). */
    readonly retryAt: Date | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Retry-After as seconds or an HTTP date, as the instant it names; null when absent or unreadable. */
export function retryAtFrom(header: string | null, now: Date): Date | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
  if (seconds !== null) return new Date(now.getTime() + seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : new Date(date);
}

export interface Meta {
  province: {
    id: string;
    name: LocalizedName;
    zones: Zone[];
    agencies: Agency[];
    /** Only targets with the document that sets them (none for Kon Tum and Sơn La). */
    targets: ProvinceTarget[];
    priorities: LocalizedName[];
    mergedInto?: { provinceId: string; date: string; note: LocalizedName };
  };
  taxonomy: FieldOfScience[];
  degrees: Degree[];
  academicTitles: AcademicTitle[];
  engagementModes: EngagementMode[];
  sectors: string[];
  languageLevels: LanguageLevel[];
  consentTextVersion: string;
  consentText: { version: string; vi: string[]; en: string[] };
  /** Where staff sign in (OpenID Connect); null when the deployment has none configured. */
  staffSignIn?: { issuer: string; clientId: string; scopes: string; signOutUrl: string | null } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Counts of the matches per field group, degree, location kind and the top countries. */
export interface SearchFacets {
  fieldGroup: Record<string, number>;
  degree: Record<string, number>;
  locationKind: Record<string, number>;
  country: Record<string, number>;
}

/** A search page: every match counted in `total`, and counted per facet. */
export interface SearchResults {
  total: number;
  facets: SearchFacets;
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
  /** The page the link was mailed for. */
  returnTo?: string;
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
  /** relevance (the default with q), name or updated */
  sort?: string;
  limit?: number;
  cursor?: string;
}

export interface DemandSearch {
  status?: DemandStatus | '';
  agency?: string;
  zone?: string;
  limit?: number;
  cursor?: string;
}

export interface DemandMatches extends Page<ExpertMatch<ExpertSummary>> {
  /** Experts that pass the hard filters (all pages together). */
  total: number;
  /** The same as total, from servers before it. */
  candidates: number;
}

export interface OfferSearch {
  status?: OfferStatus | '';
  demandId?: string;
  expertId?: string;
  limit?: number;
  cursor?: string;
}

/** An offer as the expert it is addressed to sees it: no staff ids in the history. */
export type ExpertOffer = Omit<Offer, 'history'> & {
  history: (Omit<OfferHistoryEntry, 'actor'> & { actor: Omit<OfferActor, 'id'> })[];
};

/** What an expert sees of a demand that fits them. */
export type PublicDemand = Pick<
  Demand,
  | 'id'
  | 'agency'
  | 'title'
  | 'description'
  | 'fieldCodes'
  | 'minDegree'
  | 'minYearsExperience'
  | 'languages'
  | 'zone'
  | 'engagement'
  | 'headcount'
  | 'policyIds'
  | 'openUntil'
>;

export type MyMatch =
  | { kind: 'call'; call: PublicCall; score: number; reasons: MatchReason[] }
  | { kind: 'demand'; demand: PublicDemand; score: number; reasons: MatchReason[] };

export interface CallResponseForStaff {
  expert: ExpertSummary;
  message: string;
  respondedAt: string;
}

export interface CallResponseReceipt {
  callId: string;
  message: string;
  respondedAt: string;
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

function toApiError(status: number, body: unknown, retryAt: Date | null = null): ApiError {
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
    retryAt,
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
  if (!response.ok) {
    throw toApiError(response.status, body, retryAtFrom(response.headers.get('retry-after'), new Date()));
  }
  return { status: response.status, headers: response.headers, body };
}

async function json<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await send(path, options)).body as T;
}

function versioned<T extends { version: number }>(response: RawResponse): Versioned<T> {
  const value = response.body as T;
  const etag = response.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '');
  return { value, version: etag || String(value.version) };
}

const ifMatch = (version: string) => ({ 'If-Match': `"${version}"` });
const segment = encodeURIComponent;

/** Every page of a list the UI shows whole (the policy catalogue: tens of entries). */
async function allPages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const api = {
  meta: () => json<Meta>('/api/meta'),

  register: (registration: Registration) =>
    json<{ status: 'check_email' }>('/api/experts', { method: 'POST', body: registration }),

  /** `returnTo`: the page the mailed link opens (a page of the allow-list). */
  requestLoginLink: (email: string, returnTo?: string | null) =>
    json<unknown>('/api/me/login-link', { method: 'POST', body: returnTo ? { email, returnTo } : { email } }),

  /** A fresh link for an expired one, to the same address and for the same page. */
  renewLoginLink: (expiredToken: string) =>
    json<unknown>('/api/me/login-link', { method: 'POST', body: { expiredToken } }),

  /** Mails a confirmation link to the new address (202 whatever the address). */
  requestEmailChange: (email: string) =>
    json<unknown>('/api/me/email-change', { method: 'POST', caller: 'expert', body: { email } }),

  confirmEmailChange: (token: string) =>
    json<{ status: 'changed'; email: string }>('/api/me/email-change/confirm', {
      method: 'POST',
      body: { token },
    }),

  startSession: (token: string) => json<SessionStart>('/api/me/session', { method: 'POST', body: { token } }),

  /** The unsubscribe link of a call mail: withdraws the collaboration-calls consent. */
  unsubscribe: (token: string) =>
    json<{ collaborationCalls: false; changed: boolean }>('/api/unsubscribe', {
      method: 'POST',
      query: { token },
    }),

  /** Ends this session, or with `everywhere` every session of the expert. */
  endSession: (everywhere = false) =>
    json<null>('/api/me/session', {
      method: 'DELETE',
      caller: 'expert',
      query: { all: everywhere ? 'true' : undefined },
    }),

  me: async () => versioned<ExpertProfile>(await send('/api/me', { caller: 'expert' })),

  /** Returns the updated profile; if the server answers without one, reads it again. */
  patchMe: async (patch: ProfilePatch, version: string): Promise<Versioned<ExpertProfile>> => {
    const response = await send('/api/me', {
      method: 'PATCH',
      caller: 'expert',
      body: patch,
      headers: ifMatch(version),
    });
    const body = response.body as Partial<ExpertProfile> | null;
    return body && typeof body.version === 'number' ? versioned<ExpertProfile>(response) : api.me();
  },

  putConsent: (choices: ConsentChoices) =>
    json<unknown>('/api/me/consent', { method: 'PUT', caller: 'expert', body: choices }),

  exportMe: () => json<unknown>('/api/me/export', { caller: 'expert' }),

  deleteMe: () => json<null>('/api/me', { method: 'DELETE', caller: 'expert' }),

  directory: (query: { q?: string; field?: string; sort?: string; cursor?: string }) =>
    json<Page<DirectoryEntry> & SearchResults>('/api/directory', { query }),

  searchExperts: (search: ExpertSearch) =>
    json<Page<ExpertSummary> & SearchResults>('/api/experts', { caller: 'staff', query: { ...search } }),

  expert: (id: string) => json<ExpertProfile>(`/api/experts/${encodeURIComponent(id)}`, { caller: 'staff' }),

  // Demands and their matches
  demands: (search: DemandSearch) =>
    json<Page<Demand>>('/api/demands', { caller: 'staff', query: { ...search } }),

  demand: async (id: string) =>
    versioned<Demand>(await send(`/api/demands/${segment(id)}`, { caller: 'staff' })),

  createDemand: (input: DemandInput) =>
    json<Demand>('/api/demands', { method: 'POST', caller: 'staff', body: input }),

  patchDemand: async (id: string, patch: DemandPatch, version: string) =>
    versioned<Demand>(
      await send(`/api/demands/${segment(id)}`, {
        method: 'PATCH',
        caller: 'staff',
        body: patch,
        headers: ifMatch(version),
      }),
    ),

  /** One page of a demand's ranked matches; `cursor` is the previous page's nextCursor. */
  demandMatches: (id: string, limit: number, cursor?: string) =>
    json<DemandMatches>(`/api/demands/${segment(id)}/matches`, {
      caller: 'staff',
      query: { limit, cursor },
    }),

  // The policy catalogue
  allPolicies: () =>
    allPages((cursor) =>
      json<Page<Policy>>('/api/policies', { caller: 'staff', query: { limit: 100, cursor } }),
    ),

  policies: (search: { active?: string; cursor?: string; limit?: number }) =>
    json<Page<Policy>>('/api/policies', { caller: 'staff', query: { ...search } }),

  policy: async (id: string) =>
    versioned<Policy>(await send(`/api/policies/${segment(id)}`, { caller: 'staff' })),

  createPolicy: (input: PolicyInput) =>
    json<Policy>('/api/policies', { method: 'POST', caller: 'staff', body: input }),

  patchPolicy: async (id: string, patch: PolicyPatch, version: string) =>
    versioned<Policy>(
      await send(`/api/policies/${segment(id)}`, {
        method: 'PATCH',
        caller: 'staff',
        body: patch,
        headers: ifMatch(version),
      }),
    ),

  // Staff accounts (administrators)
  staffUsers: (search: {
    group?: string;
    agency?: string;
    enabled?: string;
    q?: string;
    cursor?: string;
    limit?: number;
  }) => json<Page<StaffUser>>('/api/staff/users', { caller: 'staff', query: { ...search } }),

  /** One account, with its version (the list is the only read: staff pools are small). */
  staffUser: async (id: string): Promise<Versioned<StaffUser>> => {
    const items = await allPages((cursor) =>
      json<Page<StaffUser>>('/api/staff/users', { caller: 'staff', query: { limit: 100, cursor } }),
    );
    const user = items.find((item) => item.id === id);
    if (!user) throw new ApiError(404, 'not_found', 'Staff account not found');
    return { value: user, version: String(user.version) };
  },

  inviteStaffUser: (input: StaffUserInvite) =>
    json<StaffUser>('/api/staff/users', { method: 'POST', caller: 'staff', body: input }),

  patchStaffUser: async (id: string, patch: StaffUserPatch, version: string) =>
    versioned<StaffUser>(
      await send(`/api/staff/users/${segment(id)}`, {
        method: 'PATCH',
        caller: 'staff',
        body: patch,
        headers: ifMatch(version),
      }),
    ),

  // Offers, staff side
  offers: (search: OfferSearch) =>
    json<Page<OfferView>>('/api/offers', { caller: 'staff', query: { ...search } }),

  offer: async (id: string) =>
    versioned<OfferView>(await send(`/api/offers/${segment(id)}`, { caller: 'staff' })),

  createOffer: (input: OfferInput) =>
    json<OfferView>('/api/offers', { method: 'POST', caller: 'staff', body: input }),

  transitionOffer: (id: string, to: 'sent' | 'withdrawn', note?: string) =>
    json<OfferView>(`/api/offers/${segment(id)}/transitions`, {
      method: 'POST',
      caller: 'staff',
      body: note ? { to, note } : { to },
    }),

  // Answers to the agency's offers and calls: the console's badge and notices page
  staffNotices: (cursor?: string, limit = 20) =>
    json<StaffNoticesPage>('/api/staff/notices', { caller: 'staff', query: { limit, cursor } }),

  markStaffNoticesSeen: (upTo: string) =>
    json<{ unseen: number }>('/api/staff/notices/seen', { method: 'POST', caller: 'staff', body: { upTo } }),

  // Offers and matches, expert side
  myOffers: (cursor?: string, limit = 10) =>
    json<Page<ExpertOffer>>('/api/me/offers', { caller: 'expert', query: { limit, cursor } }),

  respondToOffer: (id: string, decision: 'accept' | 'decline', note?: string) =>
    json<ExpertOffer>(`/api/me/offers/${segment(id)}/response`, {
      method: 'POST',
      caller: 'expert',
      body: note ? { decision, note } : { decision },
    }),

  myMatches: () => json<{ items: MyMatch[] }>('/api/me/matches', { caller: 'expert' }),

  // Collaboration calls
  openCalls: (cursor?: string) => json<Page<PublicCall>>('/api/calls', { query: { limit: 20, cursor } }),

  /** An open call by id: the public list is the only public source of a call. */
  openCall: async (id: string): Promise<PublicCall | null> => {
    let cursor: string | undefined;
    do {
      const page = await json<Page<PublicCall>>('/api/calls', { query: { limit: 100, cursor } });
      const found = page.items.find((call) => call.id === id);
      if (found) return found;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return null;
  },

  staffCalls: (search: { status?: CallStatus | ''; cursor?: string; limit?: number }) =>
    json<Page<StaffCall>>('/api/staff/calls', { caller: 'staff', query: { ...search } }),

  call: async (id: string) =>
    versioned<StaffCall>(await send(`/api/calls/${segment(id)}`, { caller: 'staff' })),

  createCall: (body: CallBody) => json<StaffCall>('/api/calls', { method: 'POST', caller: 'staff', body }),

  patchCall: async (id: string, patch: CallPatch, version: string) =>
    versioned<StaffCall>(
      await send(`/api/calls/${segment(id)}`, {
        method: 'PATCH',
        caller: 'staff',
        body: patch,
        headers: ifMatch(version),
      }),
    ),

  transitionCall: async (id: string, to: 'open' | 'closed') =>
    versioned<StaffCall>(
      await send(`/api/calls/${segment(id)}/transitions`, { method: 'POST', caller: 'staff', body: { to } }),
    ),

  callResponses: (id: string, cursor?: string) =>
    json<Page<CallResponseForStaff>>(`/api/calls/${segment(id)}/responses`, {
      caller: 'staff',
      query: { limit: 20, cursor },
    }),

  respondToCall: (id: string, message: string) =>
    json<CallResponseReceipt>(`/api/calls/${segment(id)}/responses`, {
      method: 'POST',
      caller: 'expert',
      body: { message },
    }),

  withdrawCallResponse: (id: string) =>
    json<null>(`/api/calls/${segment(id)}/responses/me`, { method: 'DELETE', caller: 'expert' }),

  // The programme's statistics and frozen reports
  stats: () => json<StatisticsView>('/api/stats', { caller: 'staff' }),

  targets: () => json<TargetsView>('/api/stats/targets', { caller: 'staff' }),

  reports: () => json<Page<ReportSummary>>('/api/reports', { caller: 'staff', query: { limit: 20 } }),

  /** Two frozen reports side by side, every figure with its difference. */
  compareReports: (a: string, b: string) =>
    json<ReportComparisonView>('/api/reports/compare', { caller: 'staff', query: { a, b } }),

  /** Starts a recount in the background (202 `{id, status}`; 409 while one runs, its id in details). */
  startRecount: () =>
    json<{ id: string; status: string }>('/api/stats/recount', { method: 'POST', caller: 'staff' }),

  recountJob: (id: string) => json<RecountJobView>(`/api/stats/recount/${segment(id)}`, { caller: 'staff' }),

  createReport: (input: ReportInput) =>
    json<ReportSummary>('/api/reports', { method: 'POST', caller: 'staff', body: input }),

  /** A report's file, fetched with the staff token (a plain link could not send it). */
  reportFile: async (id: string, format: 'xlsx' | 'csv'): Promise<Blob> => {
    const token = bearer('staff');
    const response = await fetch(`/api/reports/${segment(id)}.${format}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
    return response.blob();
  },

  // Imports, the duplicates queue and exports (administrators)
  createImport: (input: { filename: string; contentType: string; size: number; source?: string }) =>
    json<{ id: string; uploadUrl: string }>('/api/imports', { method: 'POST', caller: 'staff', body: input }),

  /** The file itself goes to the upload URL (presigned S3 in AWS), with the declared type. */
  uploadImportFile: async (uploadUrl: string, file: Blob, contentType: string): Promise<void> => {
    const response = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': contentType },
      body: file,
    });
    if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  },

  importStatus: (id: string) => json<ImportView>(`/api/imports/${segment(id)}`, { caller: 'staff' }),

  dryRunImport: (id: string, mapping?: Record<string, string>) =>
    json<ImportView>(`/api/imports/${segment(id)}/dry-run`, {
      method: 'POST',
      caller: 'staff',
      body: mapping && Object.keys(mapping).length ? { mapping } : {},
    }),

  importRows: (id: string, search: { status?: string; cursor?: string; limit?: number }) =>
    json<Page<ImportRowView>>(`/api/imports/${segment(id)}/rows`, { caller: 'staff', query: { ...search } }),

  commitImport: (id: string) =>
    json<ImportView>(`/api/imports/${segment(id)}/commit`, { method: 'POST', caller: 'staff' }),

  cancelImport: (id: string) =>
    json<ImportView>(`/api/imports/${segment(id)}/cancel`, { method: 'POST', caller: 'staff' }),

  /** The template (CSV), fetched with the staff token. */
  importTemplate: async (): Promise<Blob> => {
    const token = bearer('staff');
    const response = await fetch('/api/imports/template', {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
    return response.blob();
  },

  duplicates: (search: { status?: string; cursor?: string; limit?: number }) =>
    json<Page<DuplicateView>>('/api/duplicates', { caller: 'staff', query: { ...search } }),

  mergeDuplicate: (id: string, body: MergeDuplicate) =>
    json<DuplicateView>(`/api/duplicates/${segment(id)}/merge`, { method: 'POST', caller: 'staff', body }),

  markDistinct: (id: string) =>
    json<DuplicateView>(`/api/duplicates/${segment(id)}/distinct`, { method: 'POST', caller: 'staff' }),

  createExport: (body: {
    kind: 'search' | 'register';
    format: 'csv' | 'xlsx';
    query?: Record<string, string>;
  }) => json<{ id: string }>('/api/exports', { method: 'POST', caller: 'staff', body }),

  exportStatus: (id: string) => json<ExportView>(`/api/exports/${segment(id)}`, { caller: 'staff' }),
};

export interface ImportRowView {
  row: number;
  line: number;
  status: string;
  reasons: { code: string; field?: string; vi: string; en: string }[];
  entryId: string | null;
  fullName: string | null;
}
