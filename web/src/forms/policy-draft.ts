/**
 * The policy form's state (what its inputs hold) and the payload for the shared policy schemas;
 * edits send only the fields that changed.
 */
import type { Policy } from '#shared/domain/policy';

export interface BenefitRow {
  kind: string;
  amountVnd: string;
  description: string;
}

export interface PolicyDraft {
  code: string;
  title: string;
  legalBasis: string;
  benefits: BenefitRow[];
  minDegree: string;
  fieldCodes: string[];
  zones: string[];
  nativesOnly: boolean;
  validFrom: string;
  validTo: string;
  active: boolean;
}

export const emptyPolicyDraft = (today: string): PolicyDraft => ({
  code: '',
  title: '',
  legalBasis: '',
  benefits: [{ kind: '', amountVnd: '', description: '' }],
  minDegree: '',
  fieldCodes: [],
  zones: [],
  nativesOnly: false,
  validFrom: today,
  validTo: '',
  active: true,
});

export function draftFromPolicy(policy: Policy): PolicyDraft {
  return {
    code: policy.code,
    title: policy.title,
    legalBasis: policy.legalBasis,
    benefits: policy.benefits.map((b) => ({
      kind: b.kind,
      amountVnd: String(b.amountVnd),
      description: b.description,
    })),
    minDegree: policy.eligibility.minDegree ?? '',
    fieldCodes: [...policy.eligibility.fieldCodes],
    zones: [...policy.eligibility.zones],
    nativesOnly: policy.eligibility.nativesOnly,
    validFrom: policy.validFrom,
    validTo: policy.validTo ?? '',
    active: policy.active,
  };
}

/** Digits only: "5.000.000" and "5 000 000" are how amounts get typed. */
const amount = (s: string): number | undefined => {
  const digits = s.replace(/[\s.,_]/g, '');
  return digits === '' ? undefined : Number(digits);
};

/** The candidate payload for policyInputSchema; an empty validTo means "until further notice". */
export function policyFromDraft(draft: PolicyDraft): Record<string, unknown> {
  const payload = {
    code: draft.code,
    title: draft.title,
    legalBasis: draft.legalBasis,
    benefits: draft.benefits.map((b) => ({
      kind: b.kind || undefined,
      amountVnd: amount(b.amountVnd),
      description: b.description.trim() || undefined,
    })),
    eligibility: {
      minDegree: draft.minDegree || null,
      fieldCodes: draft.fieldCodes,
      zones: draft.zones,
      nativesOnly: draft.nativesOnly,
    },
    validFrom: draft.validFrom,
    validTo: draft.validTo || null,
    active: draft.active,
  };
  return JSON.parse(JSON.stringify(payload));
}

/** Only what changed, for PATCH /api/policies/{id}. */
export function policyChanges(original: PolicyDraft, current: PolicyDraft): Record<string, unknown> {
  const before = policyFromDraft(original);
  const after = policyFromDraft(current);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}
