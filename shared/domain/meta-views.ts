/** Response shapes of the meta routes: health, GET /api/meta and this API's own description. */
import * as z from 'zod/mini';
import {
  academicTitles,
  degrees,
  engagementModes,
  genders,
  languageLevels,
  leadershipPosts,
  locationKinds,
  sectors,
} from './expert.ts';
import { agencyKinds, targetMetrics } from './province.ts';

export const healthSchema = z.strictObject({ status: z.literal('ok') });

const localized = z.strictObject({ vi: z.string(), en: z.string() });

/** A target of the province's programme, with the document that sets it (ProvinceTarget). */
export const targetSchema = z.strictObject({
  id: z.enum(targetMetrics),
  label: localized,
  year: z.int(),
  min: z.number(),
  max: z.optional(z.number()),
  unit: z.enum(['people', 'percent']),
  baseline: z.nullable(z.strictObject({ value: z.number(), date: z.string() })),
  source: z.optional(z.strictObject({ document: z.string(), date: z.nullable(z.string()) })),
});

/** GET /api/meta: the province, the field taxonomy, the enumerations and the consent text. */
export const registryMetaSchema = z.strictObject({
  province: z.strictObject({
    id: z.string(),
    name: localized,
    hometowns: z.array(z.string()),
    zones: z.array(z.strictObject({ id: z.string(), vi: z.string(), en: z.string() })),
    agencies: z.array(
      z.strictObject({ id: z.string(), vi: z.string(), en: z.string(), kind: z.enum(agencyKinds) }),
    ),
    /** Only targets with the document that sets them. */
    targets: z.array(targetSchema),
    priorities: z.array(localized),
    mergedInto: z.optional(z.strictObject({ provinceId: z.string(), date: z.string(), note: localized })),
  }),
  /** OECD Fields of Science: groups ("2", parent null) and fields ("2.3", parent "2"). */
  taxonomy: z.array(
    z.strictObject({ code: z.string(), vi: z.string(), en: z.string(), parent: z.nullable(z.string()) }),
  ),
  degrees: z.array(z.enum(degrees)),
  academicTitles: z.array(z.enum(academicTitles)),
  genders: z.array(z.enum(genders)),
  locationKinds: z.array(z.enum(locationKinds)),
  sectors: z.array(z.enum(sectors)),
  languageLevels: z.array(z.enum(languageLevels)),
  engagementModes: z.array(z.enum(engagementModes)),
  leadershipPosts: z.array(z.enum(leadershipPosts)),
  /** Send it back as consent.textVersion on registration. */
  consentTextVersion: z.string(),
  consentText: z.strictObject({ version: z.string(), vi: z.array(z.string()), en: z.array(z.string()) }),
  /** Staff sign in with OpenID Connect code + PKCE here; read at run time, never built in. */
  staffSignIn: z.optional(
    z.nullable(
      z.strictObject({
        issuer: z.string(),
        clientId: z.string(),
        scopes: z.string(),
        signOutUrl: z.nullable(z.string()),
      }),
    ),
  ),
});

/** This API's OpenAPI 3.1 document (its own shape is the OpenAPI specification's). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
