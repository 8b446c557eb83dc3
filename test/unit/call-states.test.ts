import { describe, expect, it } from 'vitest';
import {
  type Call,
  callBodySchema,
  callFieldGroups,
  callPatchSchema,
  canManageCall,
  canTransition,
  effectiveStatus,
  fitsAudience,
  isEditable,
  openUntilInstant,
  toPublicCall,
} from '#shared/domain/call';

const now = new Date('2026-06-01T00:00:00.000Z');

const call: Call = {
  id: 'c1',
  title: 'Tư vấn thiết kế cảng Dung Quất',
  description: 'Advisory on port design',
  fieldCodes: ['2.1', '2.3'],
  engagement: 'remote_advisory',
  audience: 'all',
  openUntil: '2026-07-01T00:00:00.000Z',
  status: 'open',
  agency: 'so-khcn',
  createdBy: 'staff-1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  openedAt: '2026-05-02T00:00:00.000Z',
  version: 2,
};

describe('the call state machine', () => {
  it.each([
    ['draft', 'open', true],
    ['open', 'closed', true],
    ['draft', 'closed', false],
    ['open', 'open', false],
    ['closed', 'open', false],
    ['closed', 'closed', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('treats an open call past openUntil as closed, and only then', () => {
    expect(effectiveStatus(call, now)).toBe('open');
    expect(effectiveStatus(call, new Date(call.openUntil))).toBe('closed');
    expect(effectiveStatus({ ...call, status: 'draft' }, new Date('2027-01-01'))).toBe('draft');
  });

  it('lets drafts and open calls be edited, not closed ones', () => {
    expect([isEditable('draft'), isEditable('open'), isEditable('closed')]).toEqual([true, true, false]);
  });

  it('lets the creating agency and administrators manage a call, nobody else', () => {
    expect(canManageCall({ isAdmin: false, agency: 'so-khcn' }, call)).toBe(true);
    expect(canManageCall({ isAdmin: false, agency: 'so-y-te' }, call)).toBe(false);
    expect(canManageCall({ isAdmin: true, agency: null }, call)).toBe(true);
    expect(canManageCall({ isAdmin: false, agency: null }, { agency: null })).toBe(false);
  });
});

describe('call payloads and views', () => {
  const body = {
    title: 'Tư vấn',
    description: 'Mô tả',
    fieldCodes: ['2.3', '3'],
    engagement: 'short_visit',
    audience: 'overseas_natives',
    openUntil: '2026-12-31',
  };

  it('accepts field and group codes, dates and date-times', () => {
    expect(callBodySchema.safeParse(body).success).toBe(true);
    expect(callBodySchema.safeParse({ ...body, openUntil: '2026-12-31T10:00:00+07:00' }).success).toBe(true);
  });

  it.each([
    ['an unknown field', { fieldCodes: ['9.9'] }],
    ['a repeated field', { fieldCodes: ['2.3', '2.3'] }],
    ['no field', { fieldCodes: [] }],
    ['another audience', { audience: 'everyone' }],
    ['a malformed date', { openUntil: '31/12/2026' }],
    ['an unknown property', { createdBy: 'me' }],
  ])('rejects %s', (_, change) => {
    expect(callBodySchema.safeParse({ ...body, ...change }).success).toBe(false);
  });

  it('rejects an empty patch and the status in a patch', () => {
    expect(callPatchSchema.safeParse({}).success).toBe(false);
    expect(callPatchSchema.safeParse({ status: 'open' }).success).toBe(false);
    expect(callPatchSchema.safeParse({ title: 'Mới' }).success).toBe(true);
  });

  it('reads a date as the end of that day in Vietnam', () => {
    expect(openUntilInstant('2026-12-31')).toBe('2026-12-31T16:59:59.999Z');
    expect(openUntilInstant('2026-12-31T10:00:00+07:00')).toBe('2026-12-31T03:00:00.000Z');
  });

  it('groups field codes by their top-level group', () => {
    expect(callFieldGroups(['2.3', '2.1', '3', '1.2'])).toEqual(['1', '2', '3']);
  });

  it('admits only overseas natives to an overseas_natives call', () => {
    const overseasNative = { location: { kind: 'overseas' as const, country: 'JP' }, nativeOfProvince: true };
    expect(fitsAudience('overseas_natives', overseasNative)).toBe(true);
    expect(fitsAudience('overseas_natives', { ...overseasNative, nativeOfProvince: false })).toBe(false);
    expect(
      fitsAudience('overseas_natives', {
        ...overseasNative,
        location: { kind: 'in_country', country: 'VN' },
      }),
    ).toBe(false);
    expect(fitsAudience('all', { ...overseasNative, nativeOfProvince: false })).toBe(true);
  });

  it('shows the public no creator, agency or version', () => {
    const view = toPublicCall(call, now);

    expect(Object.keys(view).sort()).toEqual(
      [
        'audience',
        'description',
        'engagement',
        'fieldCodes',
        'id',
        'openUntil',
        'openedAt',
        'status',
        'title',
      ].sort(),
    );
  });
});
