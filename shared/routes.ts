/**
 * The one route table: method, path, who may call it, the handler module that serves it, and the
 * function group that hosts that module. The CDK stack (one HTTP API route per entry, the JWT
 * authorizer on staff routes, one Lambda function per group dispatching on the route key) and the
 * local server (one handler per route) are both built from it, so they cannot drift. It lives in
 * `shared/` because handlers look their own access level up here (shared/http/handler.ts) and
 * nothing in `shared/` may import from `infra/`.
 *
 * Request schemas stay with their handler modules, not here: a table that imported every schema
 * would make every function build every schema at cold start.
 *
 * To find a route's parts: `handler` names `functions/<handler>.ts`; its imports name the schema
 * (`shared/domain`), the service (`shared/app`) and the repository (`shared/db`); its tests are in
 * `test/integration/<resource>*.test.ts`.
 */
export type Access = 'public' | 'expert' | 'hr' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TableAccess = 'none' | 'read' | 'readwrite';

/**
 * One Lambda function per domain group: CloudFormation allows 500 resources a stack, and a
 * function per route costs 8 of them (function, role, policy, log group, alarm, route,
 * integration, permission). A group costs 5 once and each route only its API Gateway route.
 */
export type FunctionGroup =
  | 'meta'
  | 'experts'
  | 'search'
  | 'me'
  | 'demands'
  | 'policies'
  | 'offers'
  | 'calls'
  | 'imports'
  | 'stats'
  | 'staff';

export interface FunctionGroupSettings {
  description: string;
  /** Lambda memory in MB. @default 512 */
  memoryMb?: number;
  /**
   * Whether its services record audit events (shared/app: profile reads, exports, consent,
   * offer and call transitions, policy changes). No other function may write an audit item, and
   * none may change or delete one (IAM, infra/constructs/registry-function.ts).
   */
  writesAudit?: boolean;
  /** Access to the uploads-and-exports bucket (presigned URLs, reading uploads, writing exports). */
  files?: 'read' | 'readwrite';
  /**
   * Why its routes must share module instances (one copy per warm instance of an in-memory model):
   * the group is then bundled around one core holding all its routes, instead of one bundle per
   * route (cold start: infra/bundling.ts, docs/cold-start.md).
   */
  sharedModules?: string;
}

export const functionGroups: Readonly<Record<FunctionGroup, FunctionGroupSettings>> = {
  meta: { description: 'Health, province metadata and the OpenAPI document', memoryMb: 256 },
  experts: { description: 'Self-registration and the audited full profile for staff', writesAudit: true },
  // Search and matching rank candidates in memory. At 50,000 profiles the loaded index adds ~116 MB
  // of heap (~170 MB in use) and the local server peaked at ~0.7 GB resident (bench/results/latest.md,
  // "Search"). 2048 MB leaves room to ~150,000 profiles, and from 1769 MB Lambda gives a whole vCPU,
  // which is what a text query's scoring and a first matches page (every candidate) spend.
  search: {
    description: 'HR search, the public directory and demand matches',
    memoryMb: 2048,
    sharedModules:
      'its three routes rank from one in-memory read model per instance (shared/app/search-read-model.ts)',
  },
  me: { description: "Experts' login links, sessions and self-service", writesAudit: true },
  demands: { description: "Agencies' fields of need" },
  policies: { description: 'The attraction-policy catalogue', writesAudit: true },
  offers: { description: 'Attraction offers made by agencies', writesAudit: true },
  calls: { description: 'Collaboration calls and the responses to them', writesAudit: true },
  // Imports, duplicates and exports: administrators' bulk work on the register; files in the bucket.
  imports: {
    description: 'Spreadsheet imports, duplicate people and exports',
    writesAudit: true,
    files: 'readwrite',
  },
  // Reads a handful of counter items; writes frozen reports and records admin actions.
  stats: { description: 'Programme statistics, frozen reports and the audit log', writesAudit: true },
  // Its own group: the only function whose role may call Cognito's admin API on the staff user
  // pool (infra/constructs/auth.ts, grantStaffAdministration). It writes only audit events.
  staff: { description: 'Staff accounts: invitations, groups, agencies, disabling', writesAudit: true },
};

export interface RouteDefinition {
  method: Method;
  /** API Gateway path syntax: /api/experts/{id} */
  path: string;
  /** Module under functions/, without extension: experts/get-expert */
  handler: string;
  /** The Lambda function that hosts the handler (functionGroups). */
  group: FunctionGroup;
  /** public: anyone; expert: session token; hr: staff in group hr or admin; admin: group admin. */
  access: Access;
  /** What this route needs of the table; its group's role holds the union of its routes' needs. */
  table: TableAccess;
  /**
   * A stricter API Gateway throttle than the stage's (50 requests/s, bursts of 100), for routes
   * that send mail: a flood reaches neither the table nor SES.
   */
  throttle?: { rateLimit: number; burstLimit: number };
}

/** The public routes that mail someone: registration and login links. */
const mailingRouteThrottle = { rateLimit: 5, burstLimit: 20 };

export const routes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/api/health',
    handler: 'meta/get-health',
    group: 'meta',
    access: 'public',
    table: 'none',
  },
  {
    method: 'GET',
    path: '/api/meta',
    handler: 'meta/get-meta',
    group: 'meta',
    access: 'public',
    table: 'none',
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'meta/get-openapi',
    group: 'meta',
    access: 'public',
    table: 'none',
  },
  {
    method: 'POST',
    path: '/api/experts',
    handler: 'experts/register-expert',
    group: 'experts',
    access: 'public',
    table: 'readwrite',
    throttle: mailingRouteThrottle,
  },
  {
    method: 'POST',
    path: '/api/me/login-link',
    handler: 'me/request-login-link',
    group: 'me',
    access: 'public',
    table: 'readwrite',
    throttle: mailingRouteThrottle,
  },
  {
    method: 'POST',
    path: '/api/me/session',
    handler: 'me/create-session',
    group: 'me',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'DELETE',
    path: '/api/me/session',
    handler: 'me/delete-session',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  // The one-click unsubscribe of call mails (RFC 8058): the token is the credential.
  {
    method: 'POST',
    path: '/api/unsubscribe',
    handler: 'me/unsubscribe',
    group: 'me',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/me/email-change',
    handler: 'me/request-email-change',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
    throttle: mailingRouteThrottle,
  },
  // The confirmation link's token is the credential: it is opened where the new address is read.
  {
    method: 'POST',
    path: '/api/me/email-change/confirm',
    handler: 'me/confirm-email-change',
    group: 'me',
    access: 'public',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/directory',
    handler: 'experts/list-directory',
    group: 'search',
    access: 'public',
    table: 'read',
  },
  { method: 'GET', path: '/api/me', handler: 'me/get-me', group: 'me', access: 'expert', table: 'read' },
  {
    method: 'PATCH',
    path: '/api/me',
    handler: 'me/patch-me',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'PUT',
    path: '/api/me/consent',
    handler: 'me/put-consent',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/me/export',
    handler: 'me/export-me',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'DELETE',
    path: '/api/me',
    handler: 'me/delete-me',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/experts',
    handler: 'experts/search-experts',
    group: 'search',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/experts/{id}',
    handler: 'experts/get-expert',
    group: 'experts',
    access: 'hr',
    table: 'readwrite',
  },
  // Fields of need, matching, the policy catalogue and offers.
  {
    method: 'POST',
    path: '/api/demands',
    handler: 'demands/create-demand',
    group: 'demands',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/demands',
    handler: 'demands/list-demands',
    group: 'demands',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/demands/{id}',
    handler: 'demands/get-demand',
    group: 'demands',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'PATCH',
    path: '/api/demands/{id}',
    handler: 'demands/update-demand',
    group: 'demands',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/demands/{id}/matches',
    handler: 'demands/match-demand',
    group: 'search',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/policies',
    handler: 'policies/list-policies',
    group: 'policies',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/policies/{id}',
    handler: 'policies/get-policy',
    group: 'policies',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/policies',
    handler: 'policies/create-policy',
    group: 'policies',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'PATCH',
    path: '/api/policies/{id}',
    handler: 'policies/update-policy',
    group: 'policies',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/offers',
    handler: 'offers/create-offer',
    group: 'offers',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/offers',
    handler: 'offers/list-offers',
    group: 'offers',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/offers/{id}',
    handler: 'offers/get-offer',
    group: 'offers',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/offers/{id}/transitions',
    handler: 'offers/transition-offer',
    group: 'offers',
    access: 'hr',
    table: 'readwrite',
  },
  // Answers to the agency's offers and calls (accepted, declined, responded): the console's badge.
  {
    method: 'GET',
    path: '/api/staff/notices',
    handler: 'offers/list-staff-notices',
    group: 'offers',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/staff/notices/seen',
    handler: 'offers/mark-staff-notices-seen',
    group: 'offers',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/me/offers',
    handler: 'me/list-my-offers',
    group: 'me',
    access: 'expert',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/me/offers/{id}/response',
    handler: 'me/respond-to-offer',
    group: 'me',
    access: 'expert',
    table: 'readwrite',
  },
  // Collaboration calls: published by staff, listed publicly, answered by opted-in experts.
  {
    method: 'GET',
    path: '/api/calls',
    handler: 'calls/list-open-calls',
    group: 'calls',
    access: 'public',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/staff/calls',
    handler: 'calls/list-calls',
    group: 'calls',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/calls/{id}',
    handler: 'calls/get-call',
    group: 'calls',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/calls',
    handler: 'calls/create-call',
    group: 'calls',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'PATCH',
    path: '/api/calls/{id}',
    handler: 'calls/update-call',
    group: 'calls',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'POST',
    path: '/api/calls/{id}/transitions',
    handler: 'calls/transition-call',
    group: 'calls',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/calls/{id}/responses',
    handler: 'calls/list-call-responses',
    group: 'calls',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/calls/{id}/responses',
    handler: 'calls/respond-to-call',
    group: 'calls',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'DELETE',
    path: '/api/calls/{id}/responses/me',
    handler: 'calls/withdraw-call-response',
    group: 'calls',
    access: 'expert',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/me/matches',
    handler: 'me/list-my-matches',
    group: 'me',
    access: 'expert',
    table: 'read',
  },
  // Exports (issue 12): asked for here, written by the exports/run-export stream consumer.
  {
    method: 'POST',
    path: '/api/exports',
    handler: 'exports/create-export',
    group: 'imports',
    access: 'hr',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/exports/{id}',
    handler: 'exports/get-export',
    group: 'imports',
    access: 'hr',
    table: 'read',
  },
  // Spreadsheet imports (issue 12): upload, dry run, commit as a background job, cancel.
  ...(
    [
      ['POST', '/api/imports', 'imports/create-import', 'readwrite'],
      ['GET', '/api/imports/template', 'imports/get-import-template', 'none'],
      ['GET', '/api/imports/{id}', 'imports/get-import', 'read'],
      ['POST', '/api/imports/{id}/dry-run', 'imports/dry-run-import', 'readwrite'],
      ['GET', '/api/imports/{id}/rows', 'imports/list-import-rows', 'read'],
      ['POST', '/api/imports/{id}/commit', 'imports/commit-import', 'readwrite'],
      ['POST', '/api/imports/{id}/cancel', 'imports/cancel-import', 'readwrite'],
      ['DELETE', '/api/imports/{id}/entries', 'imports/delete-import-entries', 'readwrite'],
      // The duplicates queue: pairs proposed by imports and registrations, merged or marked distinct.
      ['GET', '/api/duplicates', 'duplicates/list-duplicates', 'read'],
      ['GET', '/api/duplicates/{id}', 'duplicates/get-duplicate', 'readwrite'],
      ['POST', '/api/duplicates/{id}/merge', 'duplicates/merge-duplicate', 'readwrite'],
      ['POST', '/api/duplicates/{id}/distinct', 'duplicates/mark-duplicate-distinct', 'readwrite'],
    ] as const
  ).map(
    ([method, path, handler, table]): RouteDefinition => ({
      method,
      path,
      handler,
      group: 'imports',
      access: 'admin',
      table,
    }),
  ),
  // The programme's statistics against the province's targets, frozen reports, the audit log.
  {
    method: 'GET',
    path: '/api/stats',
    handler: 'stats/get-stats',
    group: 'stats',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/stats/targets',
    handler: 'stats/get-targets',
    group: 'stats',
    access: 'hr',
    table: 'read',
  },
  // Starts the recount job in the background (202); the job item tells its progress.
  {
    method: 'POST',
    path: '/api/stats/recount',
    handler: 'stats/recount-stats',
    group: 'stats',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/stats/recount/{id}',
    handler: 'stats/get-recount',
    group: 'stats',
    access: 'admin',
    table: 'read',
  },
  {
    method: 'POST',
    path: '/api/reports',
    handler: 'stats/create-report',
    group: 'stats',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'GET',
    path: '/api/reports',
    handler: 'stats/list-reports',
    group: 'stats',
    access: 'hr',
    table: 'read',
  },
  // A literal path: it wins over /api/reports/{id}, in API Gateway and in the local server.
  {
    method: 'GET',
    path: '/api/reports/compare',
    handler: 'stats/compare-reports',
    group: 'stats',
    access: 'hr',
    table: 'read',
  },
  // Also `{id}.xlsx` and `{id}.csv`: API Gateway matches whole path segments only.
  {
    method: 'GET',
    path: '/api/reports/{id}',
    handler: 'stats/get-report',
    group: 'stats',
    access: 'hr',
    table: 'read',
  },
  {
    method: 'GET',
    path: '/api/audit',
    handler: 'stats/list-audit',
    group: 'stats',
    access: 'admin',
    table: 'read',
  },
  // Staff administration: accounts in Cognito (the local OpenID provider locally); changes audited.
  {
    method: 'GET',
    path: '/api/staff/users',
    handler: 'staff/list-staff-users',
    group: 'staff',
    access: 'admin',
    table: 'none',
  },
  {
    method: 'POST',
    path: '/api/staff/users',
    handler: 'staff/invite-staff-user',
    group: 'staff',
    access: 'admin',
    table: 'readwrite',
  },
  {
    method: 'PATCH',
    path: '/api/staff/users/{id}',
    handler: 'staff/update-staff-user',
    group: 'staff',
    access: 'admin',
    table: 'readwrite',
  },
];

export const routeKey = (r: Pick<RouteDefinition, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export function findRoute(key: string): RouteDefinition {
  const route = routes.find((r) => routeKey(r) === key);
  if (!route) throw new Error(`Route "${key}" is not in shared/routes.ts`);
  return route;
}

/**
 * Functions fed by the table's stream, with the filter both the CDK event source mapping and the
 * local stream poller apply: only these records invoke the function.
 */
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface StreamConsumer {
  handler: string;
  /** One event, or several (a read model follows inserts, changes and removals alike). */
  eventName: StreamEventName | readonly StreamEventName[];
  /** One key prefix, or several (any of them). */
  partitionKeyPrefix: string | readonly string[];
  /** Only items with one of these sort keys (exact, or `{ prefix }`); every sort key if unset. */
  sortKeys?: readonly (string | { prefix: string })[];
  batchSize: number;
  /** Lambda timeout; a consumer that pages through a large audience needs minutes. */
  timeoutSeconds?: number;
  /** Lambda memory in MB. @default 512 */
  memoryMb?: number;
  /** It records audit events (an export's row count); others may not write AUDIT# items. */
  writesAudit?: boolean;
  /** Access to the uploads-and-exports bucket. */
  files?: 'read' | 'readwrite';
  /** Lambda gathers records this long before invoking (MaximumBatchingWindowInSeconds). */
  batchingWindowSeconds?: number;
  /** Writes the search snapshot (the search snapshot bucket, read/write). */
  writesSearchSnapshot?: boolean;
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
  // The public mail routes record a request and answer at once (same time for every address);
  // these decide what to mail.
  {
    handler: 'experts/process-registration',
    eventName: 'INSERT',
    partitionKeyPrefix: 'REGREQ#',
    batchSize: 25,
  },
  { handler: 'me/send-login-link', eventName: 'INSERT', partitionKeyPrefix: 'LOGINREQ#', batchSize: 25 },
  // Opening a call writes a notification job; this pages through the audience into the outbox.
  {
    handler: 'calls/notify-call-audience',
    eventName: 'INSERT',
    partitionKeyPrefix: 'CALLJOB#',
    batchSize: 1,
    timeoutSeconds: 600,
  }, // Imports: entering a phase (dry run, commit, deleting entries) writes a job item; this runs it,
  // checkpointing on the import so a retry resumes.
  {
    handler: 'imports/run-import-job',
    eventName: 'INSERT',
    partitionKeyPrefix: 'IMPORTJOB#',
    batchSize: 1,
    timeoutSeconds: 900,
    memoryMb: 1024,
    files: 'read',
  },
  // Exports: the file is written in the background, then marked done with its audited row count.
  {
    handler: 'exports/run-export',
    eventName: 'INSERT',
    partitionKeyPrefix: 'EXPORT#',
    batchSize: 1,
    timeoutSeconds: 900,
    memoryMb: 1024,
    writesAudit: true,
    files: 'readwrite',
  },
  // The search read model: a profile change's log entry triggers a new snapshot (at most one a
  // minute; the change log covers the rest). Memory from the measured build at 50,000 profiles.
  {
    handler: 'experts/build-search-snapshot',
    eventName: 'INSERT',
    partitionKeyPrefix: 'SEARCHLOG#',
    batchSize: 100,
    timeoutSeconds: 300,
    memoryMb: 1536,
    batchingWindowSeconds: 60,
    writesSearchSnapshot: true,
  },
  // Statistics: every change of a counted item moves the counters by its delta, exactly once.
  // Roster entries of the spreadsheet import count apart (source `roster`) until claimed.
  {
    handler: 'stats/count-changes',
    eventName: ['INSERT', 'MODIFY', 'REMOVE'],
    partitionKeyPrefix: ['EXPERT#', 'ROSTER#', 'DEMAND#', 'OFFER#', 'CALL#'],
    sortKeys: ['PROFILE', 'ENTRY', 'DEMAND', 'OFFER', 'CALL', { prefix: 'RESPONSE#' }],
    batchSize: 100,
  },
];

/** A consumer's events, prefixes and sort keys as lists (one value or several in the table). */
export const streamFilterOf = (consumer: StreamConsumer) => ({
  eventNames: ([] as StreamEventName[]).concat(consumer.eventName),
  partitionKeyPrefixes: ([] as string[]).concat(consumer.partitionKeyPrefix),
  sortKeys: consumer.sortKeys,
});

/**
 * Functions run on a schedule (EventBridge in AWS; a timer in the local server): deadlines that
 * must pass "by themselves" (offers expire, calls close).
 */
export interface ScheduledJob {
  handler: string;
  /** Minutes between runs in AWS. */
  everyMinutes: number;
  table: 'read' | 'readwrite';
  /** Expiring offers and closing calls are transitions, and transitions are audited. */
  writesAudit?: boolean;
  /**
   * A route group that also starts this job on demand, asynchronously (Lambda `Invoke`, `Event`):
   * its role may invoke this one function, and it finds its name in `environment`.
   */
  startedOnDemandBy?: { group: FunctionGroup; environment: string };
  /** The recount reads the whole table: the one function allowed `dynamodb:Scan` (on the table only). */
  scansTable?: boolean;
}

export const scheduledJobs: readonly ScheduledJob[] = [
  { handler: 'maintenance/sweep-deadlines', everyMinutes: 5, table: 'readwrite', writesAudit: true },
  // Weekly: counts the table from scratch and repairs any drift of the statistics counters; an
  // administrator starts it too (POST /api/stats/recount), in the background.
  {
    handler: 'stats/recount-statistics',
    everyMinutes: 7 * 24 * 60,
    table: 'readwrite',
    scansTable: true,
    startedOnDemandBy: { group: 'stats', environment: 'RECOUNT_FUNCTION_NAME' },
  },
];

// --- Operations (issue 14): reserved concurrency of every function. ---
/**
 * Reserved concurrency: how many instances of each function may run at once. The sum (about 100)
 * stays far below the account's 1,000 concurrent executions, so a flood on one route can neither
 * starve the other groups nor the rest of the account (Lambda keeps at least 100 unreserved).
 * - Route groups: the API stage lets through 50 requests/s (bursts of 100); at the 200 ms a
 *   request takes, 10 instances serve that whole rate for one group. The public groups (meta,
 *   experts, me) are where a flood lands, so they cannot take more than their 10 (5 for health);
 *   search ranks in memory and takes longer, so it gets 20.
 * - DynamoDB: with every function busy (~90 instances, each a request at a time of ~5-10 ms) the
 *   table sees at most ~10,000 requests/s, under what a new on-demand table serves at once
 *   (12,000 reads, 4,000 writes/s) and far under its 40,000 per-table limit; throttles become 429s
 *   and the TableThrottles alarm.
 * - SES: only outbox/deliver-mail sends; 2 instances of batches of 25 keep the SES calls near the
 *   starting production quota (14 mails/s), the SDK backs off on throttling and failed records are
 *   retried then dead-lettered. Raise the SES quota before raising this.
 * - The other stream consumers only write mail items; the call audience pager runs one call at a
 *   time; the deadline sweep never overlaps itself (1).
 */
export const concurrencyLimits = {
  routeGroupDefault: 10,
  routeGroups: { meta: 5, search: 20, policies: 5, staff: 2 } as Partial<Record<FunctionGroup, number>>,
  streamConsumerDefault: 2,
  streamConsumers: { 'calls/notify-call-audience': 1 } as Readonly<Record<string, number>>,
  scheduledJob: 1,
} as const;

/** The routes one function group serves, in route-table order. */
export const routesOfGroup = (group: FunctionGroup): RouteDefinition[] =>
  routes.filter((r) => r.group === group);

/** The groups that serve at least one route, in the order of functionGroups. */
export const usedFunctionGroups = (): FunctionGroup[] =>
  (Object.keys(functionGroups) as FunctionGroup[]).filter((g) => routes.some((r) => r.group === g));

const tableAccessRank: Record<TableAccess, number> = { none: 0, read: 1, readwrite: 2 };

/** What a group's role may do on the table: the most any of its routes needs. */
export function groupTableAccess(group: FunctionGroup): TableAccess {
  return routesOfGroup(group).reduce<TableAccess>(
    (most, r) => (tableAccessRank[r.table] > tableAccessRank[most] ? r.table : most),
    'none',
  );
}
