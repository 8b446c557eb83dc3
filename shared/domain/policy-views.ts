/** Response shape of the attraction-policy catalogue. */
import * as z from 'zod/mini';
import { day, instant } from './common-views.ts';
import { degrees } from './expert.ts';
import { benefitKinds } from './policy.ts';

export const benefitViewSchema = z.strictObject({
  kind: z.enum(benefitKinds),
  amountVnd: z.int(),
  description: z.string(),
});

/** A policy with its defaults filled in (Policy). */
export const policySchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  benefits: z.array(benefitViewSchema),
  eligibility: z.strictObject({
    minDegree: z.nullable(z.enum(degrees)),
    fieldCodes: z.array(z.string()),
    zones: z.array(z.string()),
    nativesOnly: z.boolean(),
  }),
  validFrom: day,
  validTo: z.nullable(day),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  version: z.int(),
});
