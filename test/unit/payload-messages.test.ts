import { describe, expect, it } from 'vitest';
import {
  callBodySchema,
  callPatchSchema,
  callResponseBodySchema,
  callTransitionSchema,
  callTransitions,
  openCallsQuerySchema,
  staffCallsQuerySchema,
} from '#shared/domain/call';
import { consentChoicesSchema } from '#shared/domain/expert';
import { expertSearchQuerySchema } from '#shared/domain/expert-search';
import { myOffersQuerySchema, offerInputSchema } from '#shared/domain/offer';
import { policyListQuerySchema } from '#shared/domain/policy';
import { issuesOf } from './support/schema-rules.ts';

// The words a form shows next to a refused field, and the smaller payloads and queries.
const call = {
  title: 'Tư vấn',
  description: 'Mô tả',
  fieldCodes: ['2.3'],
  engagement: 'short_visit',
  audience: 'all',
  openUntil: '2026-12-31',
};
const offer = {
  expertId: 'e1',
  demandId: 'd1',
  policyIds: [],
  terms: 'T',
  expiresAt: '2026-12-31T17:00:00Z',
};

describe('the message of each refused field', () => {
  it.each([
    [
      'call: an unknown field code',
      callBodySchema,
      call,
      { fieldCodes: ['2.99'] },
      'Unknown field code; use a group ("2") or a field ("2.3")',
    ],
    ['call: no field code', callBodySchema, call, { fieldCodes: [] }, 'Give at least one field code'],
    [
      'call: eleven field codes',
      callBodySchema,
      call,
      { fieldCodes: ['1', '2', '3', '4', '5', '6', '1.1', '2.1', '3.1', '4.1', '5.1'] },
      'Give at most ten field codes',
    ],
    [
      'call: a repeated field code',
      callBodySchema,
      call,
      { fieldCodes: ['2', '2'] },
      'Each field code may appear once',
    ],
    ['call PATCH: nothing to change', callPatchSchema, {}, {}, 'Send at least one field to change'],
    [
      'offer: a repeated policy',
      offerInputSchema,
      offer,
      { policyIds: ['p1', 'p1'] },
      'Each policy may appear once',
    ],
    [
      'offer: an expiry without a time',
      offerInputSchema,
      offer,
      { expiresAt: '2026-12-31' },
      'Use a date and time such as 2026-12-31T17:00:00+07:00',
    ],
    ['search: a limit of 0', expertSearchQuerySchema, {}, { limit: '0' }, 'Use a limit from 1 to 100'],
    [
      'search: an unknown field',
      expertSearchQuerySchema,
      {},
      { field: '7' },
      'Unknown field code; use a group such as "2" or a field such as "2.3"',
    ],
    [
      'search: a three-letter country',
      expertSearchQuerySchema,
      {},
      { country: 'JPN' },
      'Use an ISO 3166 alpha-2 country code',
    ],
    [
      'search: a four-letter language',
      expertSearchQuerySchema,
      {},
      { language: 'engl' },
      'Use an ISO 639-1 language code',
    ],
  ])('%s', (_, schema, valid, refused, message) => {
    expect(issuesOf(schema, { ...valid, ...refused }).map((i) => i.message)).toEqual([message]);
  });

  it('call: an open-until that is neither a date nor a date-time', () => {
    const { error } = callBodySchema.safeParse({ ...call, openUntil: '31/12/2026' });

    // A union: the message is the date-time option's, under the union's own.
    expect(JSON.stringify(error?.issues)).toContain('Use an ISO 8601 date or date-time, such as 2026-12-31');
  });
});

describe('search filters: whole codes only', () => {
  it.each([
    ['country', 'JP', 'JPN'],
    ['country', 'JP', 'xJP'],
    ['language', 'en', 'engl'],
    ['language', 'fil', '1fil'],
    ['native', 'true', 'yes'],
    ['native', 'false', 'no'],
  ])('%s: takes %s, refuses %s', (key, accepted, refused) => {
    expect(expertSearchQuerySchema.safeParse({ [key]: accepted }).success).toBe(true);
    expect(expertSearchQuerySchema.safeParse({ [key]: refused }).success).toBe(false);
  });

  it('lists active and inactive policies', () => {
    expect(policyListQuerySchema.safeParse({ active: 'true' }).success).toBe(true);
    expect(policyListQuerySchema.safeParse({ active: 'false' }).success).toBe(true);
  });
});

describe('smaller payloads and queries', () => {
  it('moves a call to open or closed, nothing else', () => {
    expect(callTransitionSchema.parse({ to: 'open' })).toEqual({ to: 'open' });
    expect(callTransitionSchema.parse({ to: 'closed' })).toEqual({ to: 'closed' });
    expect(callTransitionSchema.safeParse({ to: 'draft' }).success).toBe(false);
    expect(callTransitionSchema.safeParse({}).success).toBe(false);
    expect(callTransitions.closed).toEqual([]);
  });

  it('takes an expert response to a call of 1-2000 characters, trimmed', () => {
    expect(callResponseBodySchema.parse({ message: ' Tôi quan tâm ' })).toEqual({ message: 'Tôi quan tâm' });
    expect(callResponseBodySchema.safeParse({ message: 'm'.repeat(2000) }).success).toBe(true);
    expect(callResponseBodySchema.safeParse({ message: 'm'.repeat(2001) }).success).toBe(false);
    expect(callResponseBodySchema.safeParse({ message: ' ' }).success).toBe(false);
    expect(callResponseBodySchema.safeParse({}).success).toBe(false);
  });

  it.each([
    ['open calls', openCallsQuerySchema],
    ['staff calls', staffCallsQuerySchema],
    ['my offers', myOffersQuerySchema],
  ])('pages %s by limit and cursor, and refuses other parameters', (_, schema) => {
    expect(schema.safeParse({ limit: '10', cursor: 'c' }).success).toBe(true);
    expect(schema.safeParse({ limit: '1000' }).success).toBe(false);
    expect(schema.safeParse({ cursor: 'c'.repeat(2001) }).success).toBe(false);
    expect(schema.safeParse({ q: 'x' }).success).toBe(false);
  });

  it('filters staff calls by status', () => {
    expect(staffCallsQuerySchema.safeParse({ status: 'closed' }).success).toBe(true);
    expect(staffCallsQuerySchema.safeParse({ status: 'archived' }).success).toBe(false);
  });

  it('takes the three consent choices an expert may change, all of them', () => {
    const choices = { shareWithAgencies: true, collaborationCalls: false, publicDirectory: true };

    expect(consentChoicesSchema.parse(choices)).toEqual(choices);
    expect(consentChoicesSchema.safeParse({ ...choices, publicDirectory: undefined }).success).toBe(false);
    expect(consentChoicesSchema.safeParse({ ...choices, registry: false }).success).toBe(false);
  });
});
