import { describe, expect, it } from 'vitest';
import { isReturnPath, returnPathSchema } from '#shared/domain/return-path';

describe('the pages a mailed link may land on', () => {
  it.each([['/me'], ['/me/offers/0b8c6f0e-2f4a-4c1e-9d55-3f2b1a6c7d8e'], ['/calls/abc-123']])(
    'accepts %s',
    (path) => {
      expect(isReturnPath(path)).toBe(true);
      expect(returnPathSchema.safeParse(path).success).toBe(true);
    },
  );

  it.each([
    ['https://evil.example/me'],
    ['//evil.example/me'],
    ['/\\evil.example'],
    ['/staff/search'],
    ['/me/data'],
    ['/me/'],
    ['/me/offers/'],
    ['/me/offers/a/b'],
    ['/me/offers/../../staff'],
    ['/calls/%2F%2Fevil.example'],
    ['/me?next=//evil.example'],
    ['/me#login=x'],
    [`/calls/${'a'.repeat(65)}`],
    [' /me'],
    [''],
    [null],
    [42],
  ])('refuses %s', (path) => {
    expect(isReturnPath(path)).toBe(false);
  });
});
