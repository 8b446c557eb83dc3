/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas the handlers
 * validate with. A route without an entry here still appears (test/unit/openapi.test.ts checks
 * that every route of shared/routes.ts is documented).
 */
import * as z from 'zod/mini';
import { consentChoicesSchema, profilePatchSchema, registrationSchema } from '../domain/expert.ts';
import { directoryQuerySchema, expertSearchQuerySchema } from '../domain/expert-search.ts';
import { loginLinkRequestSchema, sessionRequestSchema } from '../domain/session.ts';
import { type RouteDefinition, routes } from '../routes.ts';
import { callOperations } from './openapi-calls.ts';
import { offerOperations } from './openapi-offers.ts';

export interface OperationSchemas {
  summary: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniObject;
  success?: number;
}

export const operationSchemas: Record<string, OperationSchemas> = {
  ...offerOperations,
  ...callOperations,
  'GET /api/health': { summary: 'Liveness' },
  'GET /api/meta': { summary: 'Province, field taxonomy, enumerations and the consent text version' },
  'GET /api/openapi.json': { summary: 'This document' },
  'POST /api/experts': { summary: 'Self-registration', body: registrationSchema, success: 202 },
  'POST /api/me/login-link': { summary: 'Mail a login link', body: loginLinkRequestSchema, success: 202 },
  'POST /api/me/session': { summary: 'Exchange a login token for a session', body: sessionRequestSchema },
  'GET /api/directory': { summary: 'Public directory of experts who opted in', query: directoryQuerySchema },
  'GET /api/me': { summary: 'Own profile' },
  'PATCH /api/me': { summary: 'Edit own profile (If-Match)', body: profilePatchSchema },
  'PUT /api/me/consent': { summary: 'Change consent', body: consentChoicesSchema },
  'GET /api/me/export': { summary: 'Everything held about me' },
  'DELETE /api/me': { summary: 'Erase my profile', success: 204 },
  'GET /api/experts': { summary: 'Search experts (HR)', query: expertSearchQuerySchema },
  'GET /api/experts/{id}': { summary: 'Full profile with contacts (HR; audited)' },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodMiniType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

function operation(route: RouteDefinition) {
  const key = `${route.method} ${route.path}`;
  const schemas = operationSchemas[key] ?? { summary: key };
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryProps = schemas.query
    ? ((jsonSchema(schemas.query).properties ?? {}) as Record<string, unknown>)
    : {};
  const errors = Object.fromEntries(
    ['400', '401', '403', '404', '409', '412', '413', '415', '428', '429', '500'].map((s) => [
      s,
      {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  return {
    operationId: route.handler.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    summary: schemas.summary,
    tags: [route.access],
    ...(route.access === 'public'
      ? {}
      : { security: [route.access === 'expert' ? { expertSession: [] } : { staffJwt: [] }] }),
    parameters: [
      ...pathParams,
      ...Object.entries(queryProps).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ],
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(schemas.body) } },
          },
        }
      : {}),
    responses: { [String(schemas.success ?? 200)]: { description: 'Success' }, ...errors },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Talent Registry API',
      version: '1.0.0',
      description: "Cơ sở dữ liệu đội ngũ trí thức của tỉnh / The province's register of intellectuals",
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: errorSchema },
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
