/**
 * Attraction policies: the catalogue an administrator keeps (legal basis, benefits in VND,
 * eligibility, validity), the eligibility rules an offer is checked against, and the value of a
 * package of policies.
 */
import * as z from 'zod/mini';
import { type ErrorDetail, ValidationFailed } from './errors.ts';
import { type Degree, degreeRank, degrees, type ExpertSummary } from './expert.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import { optionalShape } from './patch-shape.ts';
import { fieldGroupOf, isFieldOrGroupCode } from './taxonomy.ts';
import { safeText, trim } from './text.ts';

export const benefitKinds = [
  'one_time_allowance',
  'monthly_allowance',
  'housing',
  'research_grant',
  'relocation',
  'other',
] as const;
export type BenefitKind = (typeof benefitKinds)[number];

const text = (max: number) => z.string().check(trim, safeText, z.minLength(1), z.maxLength(max));
const day = z.iso.date({ message: 'Use a date such as 2026-12-31' });

export const benefitSchema = z.strictObject({
  kind: z.enum(benefitKinds),
  amountVnd: z.int().check(z.gte(0), z.lte(1_000_000_000_000)),
  description: z.optional(z.string().check(trim, safeText, z.maxLength(1000))),
});

export const eligibilitySchema = z.strictObject({
  minDegree: z.optional(z.nullable(z.enum(degrees))),
  /** Fields ("2.3") or groups ("2"); empty: any field. */
  fieldCodes: z.optional(
    z.array(z.string().check(z.refine(isFieldOrGroupCode, 'Unknown field code'))).check(z.maxLength(20)),
  ),
  /** Zone ids of the province; empty: any zone. */
  zones: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))).check(z.maxLength(20))),
  nativesOnly: z.optional(z.boolean()),
});

const policyShape = {
  code: z
    .string()
    .check(trim, safeText, z.regex(/^[A-Za-z0-9._-]{2,40}$/, 'Use 2-40 letters, digits, . _ or -')),
  title: text(300),
  legalBasis: text(500),
  benefits: z.array(benefitSchema).check(z.minLength(1, 'Give at least one benefit'), z.maxLength(20)),
  eligibility: z.optional(eligibilitySchema),
  validFrom: day,
  validTo: z.optional(z.nullable(day)),
  active: z.optional(z.boolean()),
};

const validityOrder = (p: { validFrom?: string; validTo?: string | null }) =>
  !p.validFrom || !p.validTo || p.validFrom <= p.validTo;
const validityMessage = { message: 'validTo must not be before validFrom', path: ['validTo'] };

export const policyInputSchema = z.strictObject(policyShape).check(z.refine(validityOrder, validityMessage));

export const policyPatchSchema = z.strictObject(optionalShape(policyShape)).check(
  z.refine((p) => Object.keys(p).length > 0, 'Send at least one field to change'),
  z.refine(validityOrder, validityMessage),
);

export const policyListQuerySchema = z.strictObject({
  active: z.optional(z.enum(['true', 'false'])),
  limit: pageLimitParam,
  cursor: cursorParam,
});

export type PolicyInput = z.infer<typeof policyInputSchema>;
export type PolicyPatch = z.infer<typeof policyPatchSchema>;
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

export interface Benefit {
  kind: BenefitKind;
  amountVnd: number;
  description: string;
}

export interface Eligibility {
  minDegree: Degree | null;
  fieldCodes: string[];
  zones: string[];
  nativesOnly: boolean;
}

export interface Policy {
  id: string;
  code: string;
  title: string;
  legalBasis: string;
  benefits: Benefit[];
  eligibility: Eligibility;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function newPolicy(input: PolicyInput, id: string, at: string): Policy {
  return {
    id,
    code: input.code,
    title: input.title,
    legalBasis: input.legalBasis,
    benefits: input.benefits.map((b) => ({ ...b, description: b.description ?? '' })),
    eligibility: eligibilityWithDefaults(input.eligibility),
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    active: input.active ?? true,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

function eligibilityWithDefaults(e: PolicyInput['eligibility']): Eligibility {
  return {
    minDegree: e?.minDegree ?? null,
    fieldCodes: e?.fieldCodes ?? [],
    zones: e?.zones ?? [],
    nativesOnly: e?.nativesOnly ?? false,
  };
}

export function applyPolicyPatch(current: Policy, patch: PolicyPatch, at: string): Policy {
  const next: Policy = { ...current, updatedAt: at, version: current.version + 1 };
  if (patch.code !== undefined) next.code = patch.code;
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.legalBasis !== undefined) next.legalBasis = patch.legalBasis;
  if (patch.benefits !== undefined)
    next.benefits = patch.benefits.map((b) => ({ ...b, description: b.description ?? '' }));
  if (patch.eligibility !== undefined) next.eligibility = eligibilityWithDefaults(patch.eligibility);
  if (patch.validFrom !== undefined) next.validFrom = patch.validFrom;
  if (patch.validTo !== undefined) next.validTo = patch.validTo;
  if (patch.active !== undefined) next.active = patch.active;
  // Stryker disable next-line ConditionalExpression: null < 'YYYY-MM-DD' is false too
  if (next.validTo !== null && next.validTo < next.validFrom) {
    throw new ValidationFailed('Invalid body', [
      { path: 'validTo', message: 'validTo must not be before validFrom' },
    ]);
  }
  return next;
}

export type PolicyStanding = 'in_force' | 'upcoming' | 'ended' | 'inactive';

/**
 * Where a policy stands on `day` (YYYY-MM-DD in the province): switched off by an administrator,
 * not yet valid, past its last day, or in force. Pages show this, not the `active` switch alone.
 */
export function policyStanding(
  policy: Pick<Policy, 'active' | 'validFrom' | 'validTo'>,
  day: string,
): PolicyStanding {
  if (!policy.active) return 'inactive';
  if (day < policy.validFrom) return 'upcoming';
  if (policy.validTo !== null && policy.validTo < day) return 'ended';
  return 'in_force';
}

/** Active, and `day` (YYYY-MM-DD in the province) inside its validity. */
export const isPolicyInForce = (policy: Pick<Policy, 'active' | 'validFrom' | 'validTo'>, day: string) =>
  policyStanding(policy, day) === 'in_force';

/**
 * Why a policy cannot be part of an offer to this expert for a demand in this zone: each detail
 * names the rule (`policyIds.<i>.active`, `.validity`, `.eligibility.minDegree`, ...). Empty: it
 * applies.
 */
export function policyApplicabilityFailures(
  policy: Policy,
  index: number,
  expert: Pick<ExpertSummary, 'highestDegree' | 'fields' | 'nativeOfProvince'>,
  zone: string,
  day: string,
): ErrorDetail[] {
  const at = (rule: string, message: string): ErrorDetail => ({
    path: `policyIds.${index}.${rule}`,
    message: `${policy.code}: ${message}`,
  });
  const failures: ErrorDetail[] = [];
  if (!policy.active) failures.push(at('active', 'the policy is not active'));
  // Stryker disable next-line ConditionalExpression: 'YYYY-MM-DD' > null is false too
  if (policy.validFrom > day || (policy.validTo !== null && day > policy.validTo)) {
    failures.push(at('validity', `valid from ${policy.validFrom} to ${policy.validTo ?? 'further notice'}`));
  }
  const e = policy.eligibility;
  if (e.minDegree && degreeRank(expert.highestDegree) < degreeRank(e.minDegree)) {
    failures.push(at('eligibility.minDegree', `requires at least a ${e.minDegree}`));
  }
  if (
    e.fieldCodes.length > 0 &&
    !expert.fields.some((f) =>
      e.fieldCodes.some((c) => c === f.code || (!c.includes('.') && c === fieldGroupOf(f.code))),
    )
  ) {
    failures.push(at('eligibility.fieldCodes', `requires a field in ${e.fieldCodes.join(', ')}`));
  }
  if (e.zones.length > 0 && !e.zones.includes(zone)) {
    failures.push(at('eligibility.zones', `applies only in ${e.zones.join(', ')}`));
  }
  if (e.nativesOnly && !expert.nativeOfProvince) {
    failures.push(at('eligibility.nativesOnly', 'applies to natives of the province only'));
  }
  return failures;
}

/**
 * The first-year value of a package in VND: every benefit's amount once, except monthly
 * allowances, which count twelve times (one year of payments). Housing, research grants,
 * relocation and other benefits are taken as the one-off amounts the catalogue states.
 */
export function packageValueVnd(policies: readonly Pick<Policy, 'benefits'>[]): number {
  let total = 0;
  for (const policy of policies) {
    for (const benefit of policy.benefits) {
      total += benefit.kind === 'monthly_allowance' ? benefit.amountVnd * 12 : benefit.amountVnd;
    }
  }
  return total;
}
