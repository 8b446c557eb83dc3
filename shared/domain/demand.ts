/**
 * A demand (a field of need): what an agency needs, in which zone, at which level. One zod schema
 * per payload, shared by the handlers, the OpenAPI document and the web form. Zones and agencies
 * come from the province configuration, so they are checked against it (demandRuleViolations)
 * rather than baked into the schema.
 */
import * as z from 'zod/mini';
import type { ErrorDetail } from './errors.ts';
import { degrees, engagementModes, languageLevels } from './expert.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { optionalShape } from './patch-shape.ts';
import type { ProvinceConfig } from './province.ts';
import { isFieldOrGroupCode } from './taxonomy.ts';
import { safeText, trim } from './text.ts';
import { vietnamDay } from './vietnam-time.ts';

export const demandPriorities = ['normal', 'high', 'critical'] as const;
export const demandStatuses = ['draft', 'open', 'filled', 'closed'] as const;

export type DemandPriority = (typeof demandPriorities)[number];
export type DemandStatus = (typeof demandStatuses)[number];

const text = (max: number) => z.string().check(trim, safeText, z.minLength(1), z.maxLength(max));
const slug = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Use an id from GET /api/meta'));

/** A calendar day (YYYY-MM-DD) in the province's time zone. */
export const isoDay = z.iso.date({ message: 'Use a date such as 2026-12-31' });

export const demandLanguageSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z]{2,3}$/, 'Use an ISO 639-1 language code such as "en"')),
  minLevel: z.enum(languageLevels),
});

const demandShape = {
  title: text(200),
  description: z.optional(z.string().check(trim, safeText, z.maxLength(4000))),
  /** Fields ("2.3") or whole groups ("6") of the taxonomy. */
  fieldCodes: z
    .array(
      z
        .string()
        .check(
          z.refine(isFieldOrGroupCode, 'Unknown field code; use a code such as "2.3" from GET /api/meta'),
        ),
    )
    .check(
      z.minLength(1, 'Give at least one field'),
      z.maxLength(5, 'Give at most five fields'),
      z.refine((c) => new Set(c).size === c.length, 'Each field code may appear once'),
    ),
  minDegree: z.enum(degrees),
  minYearsExperience: z.optional(z.int().check(z.gte(0), z.lte(50))),
  languages: z.optional(
    z.array(demandLanguageSchema).check(
      z.maxLength(5),
      z.refine((l) => new Set(l.map((x) => x.code)).size === l.length, 'Each language may appear once'),
    ),
  ),
  zone: slug,
  engagement: z.enum(engagementModes),
  headcount: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  priority: z.optional(z.enum(demandPriorities)),
  policyIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(
      z.maxLength(20),
      z.refine((ids) => new Set(ids).size === ids.length, 'Each policy may appear once'),
    ),
  ),
  openUntil: z.optional(isoDay),
  status: z.optional(z.enum(demandStatuses)),
};

export const demandInputSchema = z.strictObject(demandShape);

export const demandPatchSchema = z
  .strictObject(optionalShape(demandShape))
  .check(z.refine((p) => Object.keys(p).length > 0, 'Send at least one field to change'));

export const demandListQuerySchema = z.strictObject({
  status: z.optional(z.enum(demandStatuses)),
  agency: z.optional(slug),
  zone: z.optional(slug),
  limit: pageLimitParam,
  cursor: cursorParam,
});

export const matchQuerySchema = z.strictObject({ limit: pageLimitParam, cursor: cursorParam });

export type DemandInput = z.infer<typeof demandInputSchema>;
export type DemandPatch = z.infer<typeof demandPatchSchema>;
export type DemandListQuery = z.infer<typeof demandListQuerySchema>;

export interface DemandLanguage {
  code: string;
  minLevel: (typeof languageLevels)[number];
}

/** A demand as stored and shown: the input with its defaults filled in, its owner and version. */
export interface Demand {
  id: string;
  /** Owner agency (an agency id of the province), from the creator's token. */
  agency: string;
  title: string;
  description: string;
  fieldCodes: string[];
  minDegree: (typeof degrees)[number];
  minYearsExperience: number;
  languages: DemandLanguage[];
  zone: string;
  engagement: (typeof engagementModes)[number];
  headcount: number;
  priority: DemandPriority;
  policyIds: string[];
  openUntil: string | null;
  status: DemandStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What an expert may see of a demand that fits them: no internal priority, status or version. */
export const publicDemandFields = [
  'id',
  'agency',
  'title',
  'description',
  'fieldCodes',
  'minDegree',
  'minYearsExperience',
  'languages',
  'zone',
  'engagement',
  'headcount',
  'policyIds',
  'openUntil',
] as const satisfies readonly (keyof Demand)[];

export type PublicDemand = Pick<Demand, (typeof publicDemandFields)[number]>;

export const toPublicDemand = (demand: Demand): PublicDemand =>
  Object.fromEntries(publicDemandFields.map((f) => [f, demand[f]])) as PublicDemand;

/** The defaults of the optional fields, so every stored demand has the same shape. */
export function newDemand(input: DemandInput, owner: { id: string; agency: string; at: string }): Demand {
  return {
    id: owner.id,
    agency: owner.agency,
    title: input.title,
    description: input.description ?? '',
    fieldCodes: input.fieldCodes,
    minDegree: input.minDegree,
    minYearsExperience: input.minYearsExperience ?? 0,
    languages: input.languages ?? [],
    zone: input.zone,
    engagement: input.engagement,
    headcount: input.headcount ?? 1,
    priority: input.priority ?? 'normal',
    policyIds: input.policyIds ?? [],
    openUntil: input.openUntil ?? null,
    status: input.status ?? 'draft',
    createdAt: owner.at,
    updatedAt: owner.at,
    version: 1,
  };
}

export function applyDemandPatch(current: Demand, patch: DemandPatch, at: string): Demand {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...current, ...defined, updatedAt: at, version: current.version + 1 };
}

/**
 * Rules that need the province configuration or the clock: the zone must be one of the province's
 * zones, and an open demand cannot have an open-until day that has already passed in Vietnam (it
 * would show as open to nobody; close it or move the day).
 */
export function demandRuleViolations(
  demand: Pick<Demand, 'zone' | 'status' | 'openUntil'>,
  province: ProvinceConfig,
  now: Date,
): ErrorDetail[] {
  const violations: ErrorDetail[] = [];
  if (!province.zones.some((z) => z.id === demand.zone)) {
    violations.push({
      path: 'zone',
      message: `Unknown zone; use one of ${province.zones.map((z) => z.id).join(', ')}`,
    });
  }
  if (isPastOpenUntil(demand, now)) {
    violations.push({
      path: 'openUntil',
      message: `An open demand must be open until today (${provinceDay(now)}, Vietnam time) or later`,
    });
  }
  return violations;
}

export const isProvinceAgency = (agency: string, province: ProvinceConfig): boolean =>
  province.agencies.some((a) => a.id === agency);

/** Today's date in the province (Vietnam, UTC+7), as YYYY-MM-DD, for day-granular deadlines. */
export const provinceDay = vietnamDay;

/** Open and not past its open-until day. */
export const isDemandOpen = (demand: Pick<Demand, 'status' | 'openUntil'>, now: Date): boolean =>
  demand.status === 'open' && (demand.openUntil === null || demand.openUntil >= provinceDay(now));

/** Stored as open although its open-until day has passed: what the deadline sweep closes. */
export const isPastOpenUntil = (demand: Pick<Demand, 'status' | 'openUntil'>, now: Date): boolean =>
  demand.status === 'open' && demand.openUntil !== null && demand.openUntil < provinceDay(now);

/** Only the owner agency or an administrator may change a demand (or act on its offers). */
export const canChangeDemand = (
  staff: { agency: string | null; isAdmin: boolean },
  demand: Pick<Demand, 'agency'>,
): boolean => staff.isAdmin || (staff.agency !== null && staff.agency === demand.agency);
