/**
 * The PATCH bodies' schemas are built with optionalShape (shared/domain/patch-shape.ts) instead of
 * `z.partial(z.strictObject(shape))`, which built two objects and a catch-all only to read their
 * shape and wrapped already optional fields a second time. Same fields, same checks: each new
 * schema accepts and rejects the same generated bodies as the old construction, with the same
 * output and the same issues (path, code, message).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { demandInputSchema, demandPatchSchema } from '#shared/domain/demand';
import { profilePatchSchema, registrationSchema } from '#shared/domain/expert';
import { policyInputSchema, policyPatchSchema } from '#shared/domain/policy';

const nonEmpty = z.refine<object>((p) => Object.keys(p).length > 0, 'Send at least one field to change');

/** The old constructions, from the same field schemas. */
const requiredProfileFields = [
  'fullName',
  'highestDegree',
  'fields',
  'location',
  'nativeOfProvince',
  'yearsExperience',
  'engagement',
] as const;
const registrationShape = registrationSchema.def.shape;
const oldProfilePatch = z
  .strictObject({
    ...profilePatchSchema.def.shape,
    ...z.partial(
      z.strictObject(Object.fromEntries(requiredProfileFields.map((k) => [k, registrationShape[k]]))),
    ).def.shape,
  })
  .check(nonEmpty);
const oldDemandPatch = z.partial(z.strictObject(demandInputSchema.def.shape)).check(nonEmpty);
const oldPolicyPatch = z.partial(z.strictObject(policyInputSchema.def.shape)).check(
  nonEmpty,
  z.refine(
    (p: { validFrom?: string; validTo?: string | null }) =>
      !p.validFrom || !p.validTo || p.validFrom <= p.validTo,
    { message: 'validTo must not be before validFrom', path: ['validTo'] },
  ),
);

/** Values worth trying in any field: valid ones of some field, and the usual wrong ones. */
const samples: unknown[] = [
  'Nguyễn Văn An',
  '  padded  ',
  '',
  ' ',
  'x'.repeat(130),
  'a\u202Eb',
  'doctorate',
  'master',
  'overseas',
  'JP',
  'VN',
  'en',
  'C1',
  'high',
  'open',
  'housing',
  'remote_advisory',
  '2.3',
  '6',
  'zone-1',
  'POL-1',
  '2026-12-31',
  '2026-01-01',
  'not-a-date',
  '+84905123456',
  0,
  1,
  12,
  1985,
  -1,
  10_001,
  1.5,
  true,
  false,
  null,
  [],
  ['remote_advisory', 'short_visit'],
  ['remote_advisory', 'remote_advisory'],
  ['2.3', '6'],
  ['policy-1'],
  [{ code: '2.3', specialization: 'Thiết kế máy' }],
  [{ code: '9.9' }],
  [{ code: 'en', level: 'C1' }],
  [{ code: 'en', minLevel: 'B2' }],
  [
    { code: 'en', level: 'C1' },
    { code: 'en', level: 'B1' },
  ],
  [{ kind: 'housing', amountVnd: 5_000_000 }],
  [{ kind: 'housing', amountVnd: -1, description: ' x ' }],
  { kind: 'overseas', country: 'JP', city: 'Osaka' },
  { kind: 'overseas', country: 'VN' },
  { kind: 'in_province', country: 'VN', extra: 1 },
  { name: ' Osaka University ', sector: 'university' },
  { minDegree: null, fieldCodes: ['2'], zones: ['zone-1'], nativesOnly: true },
  { minDegree: 'phd' },
  {},
];

/**
 * Bodies of a few of the schema's fields (and sometimes one it does not know), each mostly a
 * value its field accepts (from `samples`), else any value: enough bodies pass to compare outputs.
 */
function bodies(shape: Record<string, z.ZodMiniType>): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constantFrom(...samples), fc.anything({ maxDepth: 1 }));
  const fieldValue = (key: string) => {
    const valid = samples.filter((v) => shape[key]?.safeParse(v).success);
    return valid.length
      ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: junk })
      : junk;
  };
  const keys = [...Object.keys(shape), 'email', 'unknown'];
  return fc
    .uniqueArray(fc.constantFrom(...keys), { maxLength: 4 })
    .chain((chosen) => fc.tuple(...chosen.map((k) => fieldValue(k).map((v) => [k, v] as const))))
    .map((entries) => Object.fromEntries(entries));
}

const outcome = (schema: z.ZodMiniType, body: unknown) => {
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: result.error.issues.map(({ path, code, message }) => ({ path, code, message })) };
};

describe.each([
  ['PATCH /api/me', oldProfilePatch, profilePatchSchema],
  ['PATCH /api/demands/{id}', oldDemandPatch, demandPatchSchema],
  ['PATCH /api/policies/{id}', oldPolicyPatch, policyPatchSchema],
] as const)('%s body schema', (_route, old, current) => {
  it('has the same fields as the old construction', () => {
    expect(Object.keys(current.def.shape).sort()).toEqual(Object.keys(old.def.shape).sort());
  });

  it('accepts and rejects what the old construction did, with the same output and issues', () => {
    fc.assert(
      fc.property(bodies(old.def.shape), (body) => {
        expect(outcome(current, body)).toEqual(outcome(old, body));
      }),
      { numRuns: 2000 },
    );
  });

  it('generates bodies that pass as well as bodies that fail', () => {
    const passed = fc.sample(bodies(old.def.shape), 500).filter((body) => current.safeParse(body).success);
    expect(passed.length).toBeGreaterThan(100);
    expect(passed.length).toBeLessThan(450);
    expect(current.safeParse({}).success).toBe(false);
  });
});
