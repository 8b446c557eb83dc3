/**
 * The lazy half of infra/lambda/zod-mini.ts: real zod, for the inputs the Lambda bundle's checker
 * refuses or cannot tell. Each schema is rebuilt once from the builder calls the domain modules
 * made (the same calls, the same arguments: refinements are the same functions), so zod's verdict,
 * output and issues are exactly those of the local server and the tests.
 *
 * Loaded on the first such request of an instance only (a 400 at most, usually), never at a cold
 * start. It shares no module with the bundle that loads it: it reads the records by their shape.
 */

import en from 'zod/v4/locales/en.js';
import * as z from 'zod/v4/mini';

z.config(en());

interface Recorded {
  call: readonly [string, readonly unknown[]];
  /** A schema's checks (`.check()`); a check has none. */
  checks?: readonly Recorded[];
}

const rebuilt = new WeakMap<object, unknown>();

const isRecorded = (value: unknown): value is Recorded =>
  typeof value === 'object' && value !== null && 'call' in value && Array.isArray((value as Recorded).call);

function real(value: unknown): unknown {
  if (isRecorded(value)) return rebuild(value);
  if (Array.isArray(value)) return value.map(real);
  // A shape (field name → schema); a mask or params has no schema inside and is passed as written.
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    if (entries.some(([, v]) => isRecorded(v)))
      return Object.fromEntries(entries.map(([k, v]) => [k, real(v)]));
  }
  return value;
}

function rebuild(recorded: Recorded): unknown {
  const cached = rebuilt.get(recorded);
  if (cached) return cached;
  const [name, args] = recorded.call;
  const builder = name.split('.').reduce<unknown>((scope, key) => (scope as Record<string, unknown>)[key], z);
  if (typeof builder !== 'function') throw new Error(`zod/mini has no ${name}`);
  let built = builder(...args.map(real));
  if (recorded.checks && recorded.checks.length > 0) {
    built = (built as z.ZodMiniType).check(...(recorded.checks.map(real) as z.core.CheckFn<unknown>[]));
  }
  rebuilt.set(recorded, built);
  return built;
}

/** The real zod schema for a Lambda bundle's record of one. */
export function realSchema(recorded: object): z.ZodMiniType {
  if (!isRecorded(recorded)) throw new Error('Not a schema recorded by infra/lambda/zod-mini.ts');
  return rebuild(recorded) as z.ZodMiniType;
}
