/**
 * zod's English messages reach the contract's error details (shared/http/validation.ts). A Lambda
 * bundle's are held by test/unit/zod-mini-lite.test.ts (the fallback, in a fresh process).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationFailed } from '#shared/domain/errors';
import { parseWith } from '#shared/http/validation';

describe('validation details', () => {
  it("give zod's English message for each issue, and name unknown fields", async () => {
    const schema = z.strictObject({ a: z.string().check(z.maxLength(2)), b: z.enum(['x']) });
    const failure = await parseWith(schema, { a: 'abc', b: 1, c: 2 }, 'body').catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ValidationFailed);
    expect((failure as ValidationFailed).details).toEqual([
      { path: 'a', message: 'Too big: expected string to have <=2 characters' },
      { path: 'b', message: 'Invalid input: expected "x"' },
      { path: 'c', message: 'Unknown field' },
    ]);
  });

  it('return the parsed value when the input is valid', async () => {
    expect(await parseWith(z.strictObject({ a: z.string() }), { a: 'ok' }, 'body')).toEqual({ a: 'ok' });
  });
});
