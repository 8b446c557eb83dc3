/**
 * The one route table. The CDK stack (one function and one HTTP API route each, the JWT
 * authorizer on staff routes) and the local server are both built from it, so they cannot drift.
 * Handlers look their own access level up here by route key (shared/http/handler.ts).
 */
export type Access = 'public' | 'expert' | 'hr' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  method: Method;
  /** API Gateway path syntax: /api/experts/{id} */
  path: string;
  /** Module under functions/, without extension: experts/get-expert */
  handler: string;
  /** public: anyone; expert: session token; hr: staff in group hr or admin; admin: group admin. */
  access: Access;
  /** Least privilege on the table for this route's function. */
  table: 'none' | 'read' | 'readwrite';
  /** Lambda memory in MB when the default (512) does not fit. */
  memoryMb?: number;
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/api/health', handler: 'meta/get-health', access: 'public', table: 'none' },
  { method: 'GET', path: '/api/meta', handler: 'meta/get-meta', access: 'public', table: 'none' },
  { method: 'GET', path: '/api/openapi.json', handler: 'meta/get-openapi', access: 'public', table: 'none' },
  {
    method: 'POST',
    path: '/api/experts',
    handler: 'experts/register-expert',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/me/login-link',
    handler: 'me/request-login-link',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/me/session',
    handler: 'me/create-session',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/directory',
    handler: 'experts/list-directory',
    access: 'public',
    table: 'read',
  },
  { method: 'GET', path: '/api/me', handler: 'me/get-me', access: 'expert', table: 'read' },
  { method: 'PATCH', path: '/api/me', handler: 'me/patch-me', access: 'expert', table: 'readwrite' },
  { method: 'PUT', path: '/api/me/consent', handler: 'me/put-consent', access: 'expert', table: 'readwrite' },
  { method: 'GET', path: '/api/me/export', handler: 'me/export-me', access: 'expert', table: 'readwrite' },
  { method: 'DELETE', path: '/api/me', handler: 'me/delete-me', access: 'expert', table: 'readwrite' },
  { method: 'GET', path: '/api/experts', handler: 'experts/search-experts', access: 'hr', table: 'read' },
  {
    method: 'GET',
    path: '/api/experts/{id}',
    handler: 'experts/get-expert',
    access: 'hr',
    table: 'readwrite',
  },
  // Fields of need, matching, the policy catalogue and offers.
  {
    method: 'POST',
    path: '/api/demands',
    handler: 'demands/create-demand',
    access: 'hr',
    table: 'readwrite',
  },
  { method: 'GET', path: '/api/demands', handler: 'demands/list-demands', access: 'hr', table: 'read' },
  { method: 'GET', path: '/api/demands/{id}', handler: 'demands/get-demand', access: 'hr', table: 'read' },
  {
    method: 'PATCH',
    path: '/api/demands/{id}',
    handler: 'demands/update-demand',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/demands/{id}/matches',
    handler: 'demands/match-demand',
    access: 'hr',
    table: 'read',
    memoryMb: 1024,
  },
  { method: 'GET', path: '/api/policies', handler: 'policies/list-policies', access: 'hr', table: 'read' },
  { method: 'GET', path: '/api/policies/{id}', handler: 'policies/get-policy', access: 'hr', table: 'read' },
  {
    method: 'POST',
    path: '/api/policies',
    handler: 'policies/create-policy',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'PATCH',
    path: '/api/policies/{id}',
    handler: 'policies/update-policy',
    access: 'admin',
    table: 'readwrite',
  },
  { method: 'POST', path: '/api/offers', handler: 'offers/create-offer', access: 'hr', table: 'readwrite' },
  { method: 'GET', path: '/api/offers', handler: 'offers/list-offers', access: 'hr', table: 'read' },
  { method: 'GET', path: '/api/offers/{id}', handler: 'offers/get-offer', access: 'hr', table: 'read' },
  {
    method: 'POST',
    path: '/api/offers/{id}/transitions',
    handler: 'offers/transition-offer',
    access: 'hr',
    table: 'readwrite',
  },
  { method: 'GET', path: '/api/me/offers', handler: 'me/list-my-offers', access: 'expert', table: 'read' },
  {
    method: 'POST',
    path: '/api/me/offers/{id}/response',
    handler: 'me/respond-to-offer',
    access: 'expert',
    table: 'readwrite',
  },
  // Collaboration calls: published by staff, listed publicly, answered by opted-in experts.
  { method: 'GET', path: '/api/calls', handler: 'calls/list-open-calls', access: 'public', table: 'read' },
  { method: 'GET', path: '/api/staff/calls', handler: 'calls/list-calls', access: 'hr', table: 'read' },
  { method: 'GET', path: '/api/calls/{id}', handler: 'calls/get-call', access: 'hr', table: 'read' },
  { method: 'POST', path: '/api/calls', handler: 'calls/create-call', access: 'hr', table: 'readwrite' },
  {
    method: 'PATCH',
    path: '/api/calls/{id}',
    handler: 'calls/update-call',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/calls/{id}/transitions',
    handler: 'calls/transition-call',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/calls/{id}/responses',
    handler: 'calls/list-call-responses',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/calls/{id}/responses',
    handler: 'calls/respond-to-call',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'DELETE',
    path: '/api/calls/{id}/responses/me',
    handler: 'calls/withdraw-call-response',
    access: 'expert',
    table: 'readwrite',
  },
  { method: 'GET', path: '/api/me/matches', handler: 'me/list-my-matches', access: 'expert', table: 'read' },
];

export const routeKey = (r: Pick<RouteDefinition, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export function findRoute(key: string): RouteDefinition {
  const route = routes.find((r) => routeKey(r) === key);
  if (!route) throw new Error(`Route "${key}" is not in infra/routes.ts`);
  return route;
}

/**
 * Functions fed by the table's stream, with the filter both the CDK event source mapping and the
 * local stream poller apply: only these records invoke the function.
 */
export interface StreamConsumer {
  handler: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  partitionKeyPrefix: string;
  batchSize: number;
  /** Lambda timeout; a consumer that pages through a large audience needs minutes. */
  timeoutSeconds?: number;
}

export const streamConsumers: readonly StreamConsumer[] = [
  { handler: 'outbox/deliver-mail', eventName: 'INSERT', partitionKeyPrefix: 'OUTBOX#', batchSize: 25 },
  // A registration is one conditional put of the e-mail key; its INSERT queues the verification mail.
  {
    handler: 'experts/send-verification-mail',
    eventName: 'INSERT',
    partitionKeyPrefix: 'EMAIL#',
    batchSize: 25,
  },
  // Opening a call writes a notification job; this pages through the audience into the outbox.
  {
    handler: 'calls/notify-call-audience',
    eventName: 'INSERT',
    partitionKeyPrefix: 'CALLJOB#',
    batchSize: 1,
    timeoutSeconds: 600,
  },
];

/**
 * Functions run on a schedule (EventBridge in AWS; a timer in the local server): deadlines that
 * must pass "by themselves" (offers expire, calls close).
 */
export interface ScheduledJob {
  handler: string;
  /** Minutes between runs in AWS. */
  everyMinutes: number;
  table: 'read' | 'readwrite';
}

export const scheduledJobs: readonly ScheduledJob[] = [
  { handler: 'maintenance/sweep-deadlines', everyMinutes: 5, table: 'readwrite' },
];
