/**
 * The OpenAPI 3.1 document, generated from the route table (shared/routes.ts), the zod schemas the
 * handlers validate requests with, and the response schemas of shared/domain/*-views.ts.
 *
 * Every route needs an entry in the operation tables (openapi-experts.ts, openapi-offers.ts,
 * openapi-calls.ts) with its response schema: a route without one, or an entry without a route,
 * makes openApiDocument() throw, so `npm run lint:openapi` and the unit tests fail.
 *
 * What a route's entry does not say is derived from the route itself: who may call it (security,
 * 401, 403), its method (If-Match, 412 and 428 on PATCH), its path parameters (404), its body and
 * query (400, 413, 415), the version in its response (ETag). An entry adds only the errors its
 * code throws beyond those.
 */
import * as z from 'zod/mini';
import {
  callResponseForStaffSchema,
  callResponseSchema,
  publicCallSchema,
  staffCallSchema,
} from '../domain/call-views.ts';
import { errorBodySchema, gatewayErrorSchema } from '../domain/common-views.ts';
import { demandSchema, matchReasonSchema } from '../domain/demand-views.ts';
import {
  consentRecordSchema,
  directoryEntrySchema,
  expertProfileSchema,
  expertSummarySchema,
} from '../domain/expert-views.ts';
import { expertOfferViewSchema, offerViewSchema } from '../domain/offer-views.ts';
import { policySchema } from '../domain/policy-views.ts';
import { type RouteDefinition, routeKey, routes } from '../routes.ts';
import { callOperations } from './openapi-calls.ts';
import { expertOperations } from './openapi-experts.ts';
import { importOperations } from './openapi-imports.ts';
import { offerOperations } from './openapi-offers.ts';
import { staffOperations } from './openapi-staff.ts';
import { statsOperations } from './openapi-stats.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429 | 500;

interface OperationCommon {
  summary: string;
  description: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniObject;
  /**
   * Errors the route's code returns beyond the derived ones (see errorResponses), or a sharper
   * description of a derived one; the text says when.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** A request body and a success response, as a client would see them (the unit tests parse them). */
  examples?: { body?: unknown; response?: unknown };
  /** The success response carries a `Server-Timing` header (the search routes). */
  serverTiming?: true;
}

/** An operation's schemas: every success answer except 204 carries a response schema. */
export type OperationSchemas = OperationCommon &
  ({ success?: 200 | 201 | 202; response: z.ZodMiniType } | { success: 204; response?: undefined });

export const operationSchemas: Readonly<Record<string, OperationSchemas>> = {
  ...expertOperations,
  ...offerOperations,
  ...callOperations,
  ...importOperations,
  ...statsOperations,
  ...staffOperations,
};

/** Tags by resource: a route's tag is the folder of its handler (functions/<folder>/...). */
export const resourceTags: Readonly<Record<string, { name: string; description: string }>> = {
  meta: { name: 'Meta', description: 'Health, the province metadata and this document' },
  experts: {
    name: 'Experts',
    description: "Self-registration, HR officers' search and full profiles, and the public directory",
  },
  me: {
    name: 'Me',
    description:
      "An expert's own account: login links, sessions, profile, consent, data export, erasure, offers and matches",
  },
  demands: { name: 'Demands', description: "Agencies' fields of need and the experts that match them" },
  policies: { name: 'Policies', description: 'The attraction-policy catalogue' },
  offers: { name: 'Offers', description: 'Attraction offers an agency makes to an expert' },
  calls: { name: 'Calls', description: 'Collaboration calls and the responses experts give to them' },
  exports: {
    name: 'Exports',
    description: 'Audited exports of search results, matches and (administrators) the register',
  },
  imports: {
    name: 'Imports',
    description:
      'Spreadsheet imports of existing rosters (administrators); imported people are roster entries',
  },
  duplicates: {
    name: 'Duplicates',
    description:
      'Pairs of records that may be one person (administrators): merged field by field, or marked distinct',
  },
  stats: {
    name: 'Statistics',
    description:
      "The programme's statistics against the province's targets, frozen reports and the audit log",
  },
  staff: {
    name: 'Staff',
    description: 'Staff accounts (administrators): invitations, groups, agencies, disabling',
  },
};

/** Schemas shown once under components.schemas and referenced wherever they appear. */
const namedSchemas = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries({
  ExpertProfile: expertProfileSchema,
  ExpertSummary: expertSummarySchema,
  DirectoryEntry: directoryEntrySchema,
  ConsentRecord: consentRecordSchema,
  Demand: demandSchema,
  MatchReason: matchReasonSchema,
  Policy: policySchema,
  OfferView: offerViewSchema,
  ExpertOfferView: expertOfferViewSchema,
  StaffCall: staffCallSchema,
  PublicCall: publicCallSchema,
  CallResponse: callResponseSchema,
  CallResponseForStaff: callResponseForStaffSchema,
  Error: errorBodySchema,
  GatewayError: gatewayErrorSchema,
})) {
  namedSchemas.add(schema, { id });
}

const errorStatusNames: Record<ErrorStatus, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'version_mismatch',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'rate_limited',
  500: 'internal',
};

const isStaff = (route: RouteDefinition) => route.access === 'hr' || route.access === 'admin';

/**
 * The error statuses a route can answer, with why: derived from the route (access, method, path
 * parameters) and its entry (body, query), then the entry's own `errors`.
 */
export function errorResponses(route: RouteDefinition, op: OperationSchemas): Map<ErrorStatus, string> {
  const errors = new Map<ErrorStatus, string>();
  if (op.body || op.query) {
    errors.set(
      400,
      op.body
        ? 'The body is not valid JSON or breaks the schema (unknown fields too); `details` says where'
        : 'A query parameter or the cursor is invalid; `details` says which',
    );
  }
  if (route.access === 'expert') errors.set(401, 'The session token is missing, unknown or expired');
  if (isStaff(route)) {
    errors.set(401, 'The staff token is missing, invalid or expired (answered by the JWT authorizer)');
    errors.set(
      403,
      route.access === 'admin'
        ? 'Administrators only'
        : 'HR officers and administrators only; an HR officer needs an agency',
    );
  }
  if (/\{\w+\}/.test(route.path)) errors.set(404, 'No such record, or one the caller may not see');
  if (route.method === 'PATCH') {
    errors.set(412, 'If-Match is not the current version: someone changed it since you read it');
    errors.set(428, 'If-Match is missing');
  }
  if (op.body) {
    errors.set(413, 'The body is larger than 64 KB');
    errors.set(415, 'The body is not sent as application/json');
  }
  errors.set(
    429,
    route.table === 'none'
      ? 'Throttled by the API stage; retry later'
      : 'Throttled by the API stage or the database; retry shortly (after Retry-After when given)',
  );
  errors.set(500, 'Internal error; it has been logged (no internals in the body)');
  for (const [status, why] of Object.entries(op.errors ?? {})) errors.set(Number(status) as ErrorStatus, why);
  return new Map([...errors].sort(([a], [b]) => a - b));
}

/** Routes without an entry, entries without a route, entries without a response schema. */
export function documentationGaps(
  routeList: readonly RouteDefinition[],
  operations: Readonly<Record<string, OperationSchemas>>,
): string[] {
  const keys = new Set(routeList.map(routeKey));
  return [
    ...[...keys].filter((key) => !operations[key]).map((key) => `${key}: no entry in the operation tables`),
    ...Object.keys(operations)
      .filter((key) => !keys.has(key))
      .map((key) => `${key}: an entry for a route that is not in shared/routes.ts`),
    ...Object.entries(operations)
      .filter(([, op]) => op.success !== 204 && !op.response)
      .map(([key]) => `${key}: no response schema`),
    ...routeList
      .filter((route) => !resourceTags[route.handler.split('/')[0]])
      .map((route) => `${routeKey(route)}: no tag for functions/${route.handler.split('/')[0]}`),
  ];
}

export function assertEveryRouteDocumented(
  routeList: readonly RouteDefinition[],
  operations: Readonly<Record<string, OperationSchemas>>,
): void {
  const gaps = documentationGaps(routeList, operations);
  if (gaps.length) throw new Error(`The OpenAPI document is incomplete:\n${gaps.join('\n')}`);
}

/** Whether a response carries the resource's version (and so an ETag header). */
export function carriesVersion(schema: z.ZodMiniType): boolean {
  const shape = (schema as z.ZodMiniObject).def?.shape;
  return !!shape && 'version' in shape;
}

type JsonSchema = Record<string, unknown>;

/** Request schemas as clients must send them: inline, strict (unknown fields are a 400). */
function requestJsonSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/**
 * Response schemas as clients may read them: named schemas as references into components, and
 * open to additions (the contract allows new optional response fields, so no additionalProperties:
 * false); `format` rather than zod's regex for dates.
 */
function responseJsonSchema(schema: z.ZodMiniType, components: Record<string, JsonSchema>): JsonSchema {
  const {
    $schema: _ignored,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    metadata: namedSchemas,
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  const toComponents = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  Object.assign(components, toComponents($defs ?? {}));
  return toComponents(rest);
}

const accessText: Record<RouteDefinition['access'], string> = {
  public: 'Public: no credentials.',
  expert: 'Experts: `Authorization: Bearer <sessionToken>` from `POST /api/me/session`.',
  hr: 'Staff: HR officers (of an agency) and administrators, with a staff token.',
  admin: 'Staff: administrators only, with a staff token.',
};

const successText = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'Done; no content' } as const;

const example = (value: unknown) => ({ examples: { example: { value } } });

/** Path parameters, If-Match on PATCH, then the query parameters; omitted when there are none. */
function parameters(route: RouteDefinition, query: JsonSchema) {
  const required = (query.required ?? []) as string[];
  const list = [
    ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(route.method === 'PATCH' ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
    ...Object.entries((query.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
      name,
      in: 'query',
      required: required.includes(name),
      schema,
    })),
  ];
  return list.length ? { parameters: list } : {};
}

function operation(route: RouteDefinition, op: OperationSchemas, components: Record<string, JsonSchema>) {
  const success = op.success ?? 200;
  const query = op.query ? requestJsonSchema(op.query) : {};
  const errorContent = (status: ErrorStatus) =>
    responseJsonSchema(
      // API Gateway answers its own 401s (staff routes) and throttling with {"message"}.
      status === 429 || (status === 401 && isStaff(route))
        ? z.union([errorBodySchema, gatewayErrorSchema])
        : errorBodySchema,
      components,
    );
  return {
    operationId: route.handler.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    summary: op.summary,
    description: `${op.description}\n\n${accessText[route.access]}`,
    tags: [resourceTags[route.handler.split('/')[0]].name],
    security:
      route.access === 'public' ? [] : [route.access === 'expert' ? { expertSession: [] } : { staffJwt: [] }],
    ...parameters(route, query),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: requestJsonSchema(op.body),
                ...(op.examples?.body === undefined ? {} : example(op.examples.body)),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(success)]: {
        description: successText[success],
        ...(op.response && carriesVersion(op.response)
          ? { headers: { ETag: { $ref: '#/components/headers/ETag' } } }
          : op.serverTiming
            ? { headers: { 'Server-Timing': { $ref: '#/components/headers/ServerTiming' } } }
            : {}),
        ...(op.response
          ? {
              content: {
                'application/json': {
                  schema: responseJsonSchema(op.response, components),
                  ...(op.examples?.response === undefined ? {} : example(op.examples.response)),
                },
              },
            }
          : {}),
      },
      ...Object.fromEntries(
        [...errorResponses(route, op)].map(([status, why]) => [
          String(status),
          {
            description: `${errorStatusNames[status]}: ${why}`,
            content: { 'application/json': { schema: errorContent(status) } },
          },
        ]),
      ),
    },
  };
}

export function openApiDocument(
  routeList: readonly RouteDefinition[] = routes,
  operations: Readonly<Record<string, OperationSchemas>> = operationSchemas,
) {
  assertEveryRouteDocumented(routeList, operations);
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route, operations[routeKey(route)], components);
  }
  const usedTags = new Set(routeList.map((route) => route.handler.split('/')[0]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Talent Registry API',
      version: '1.0.0',
      description:
        "Cơ sở dữ liệu đội ngũ trí thức của tỉnh / The province's register of intellectuals.\n\n" +
        'JSON in, JSON out. Errors are `{"error": {"code", "message", "details"}}`. Lists take ' +
        '`?limit=` (1-100, default 20) and `?cursor=` and answer `{"items", "nextCursor"}`. Single ' +
        'resources carry `version` and an `ETag`; every PATCH needs `If-Match`.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(resourceTags)
      .filter(([folder]) => usedTags.has(folder))
      .map(([, tag]) => tag),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description:
            'The ETag of the version you read, such as `"3"`. Missing: 428 precondition_required; ' +
            'not the current version: 412 version_mismatch.',
          schema: { type: 'string', examples: ['"3"'] },
        },
      },
      headers: {
        ETag: {
          description: 'The version of the resource, quoted (`"3"`); send it back as If-Match to change it.',
          schema: { type: 'string', pattern: '^"\\d+"$' },
        },
        ServerTiming: {
          description:
            'How long the parts of the request took in the function, in ms: `load` (a new ' +
            "instance's index), `demand`, `changes` (the change log), `index` (search or ranking), " +
            '`confirm` (the page checked against the table). For diagnosis; no personal data.',
          schema: {
            type: 'string',
            pattern: '^[a-z]+;dur=\\d+(\\.\\d+)?(, [a-z]+;dur=\\d+(\\.\\d+)?)*$',
            examples: ['changes;dur=1.2, index;dur=3.4, confirm;dur=2.1'],
          },
        },
      },
      securitySchemes: {
        expertSession: {
          type: 'http',
          scheme: 'bearer',
          description: 'Session token from POST /api/me/session',
        },
        staffJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito token (hr, admin)',
        },
      },
    },
  };
}
