/** zod issues → the contract's error details; shared by bodies, query strings and the web form. */

import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { type ErrorDetail, ValidationFailed } from '../domain/errors.ts';

// The English messages only: `z.locales.en()` would make the bundler keep every language (~260 KB).
// Here for the local server and the tests; a Lambda bundle's zod/mini is a stand-in with no
// messages, and its lazy fallback configures the real zod it loads (infra/lambda/zod-fallback.ts).
z.config(en());

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

/**
 * Asynchronous because a Lambda bundle's schemas are checkers that hand what they refuse to real
 * zod, loaded on the first such input (infra/lambda/zod-mini.ts); here and in the tests it is zod.
 */
export async function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what: string,
): Promise<z.infer<S>> {
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw new ValidationFailed(`Invalid ${what}`, issuesToDetails(result.error.issues));
  return result.data;
}
