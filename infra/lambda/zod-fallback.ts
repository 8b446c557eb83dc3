/**
 * The lazy half of infra/lambda/zod-mini.ts: real zod, for the inputs the Lambda bundle's checker
 * refuses or cannot tell. Each schema is rebuilt once from the builder calls the domain modules
 * made (the same calls, the same arguments: refinements are the same functions), so zod's verdict,
 * output and issues are exactly those of the local server and the tests.
 *
 * Loaded on the first such request of an instance only (a 400 at most, usually), never at a cold
 * start. It shares no module with the bundle that loads it: it reads the records by their shape.
 */

import * as z from 'zod/v4/mini';
// The file, not `zod/v4/locales/en.js` (a Lambda bundle aliases that path away, infra/bundling.ts)
// nor `zod/v4/locales` (whose index keeps every language: ~260 KB).
import en from '../../node_modules/zod/v4/locales/en.js';

z.config(en());

interface Recorded {
  call: readonly [string, readonly unknown[]];
  /** A schema's checks (`.check()`); a check has none. */
  checks?: readonly Recorded[];
}

/**
 * The builders infra/lambda/zod-mini.ts records, by the name it records. A table rather than
 * `z[name]`: a computed read of the namespace would make esbuild keep all of zod/mini, every
 * locale with it (~260 KB in this chunk).
 */
const builders: Record<string, unknown> = {
  string: z.string,
  number: z.number,
  int: z.int,
  boolean: z.boolean,
  unknown: z.unknown,
  literal: z.literal,
  enum: z.enum,
  email: z.email,
  'iso.date': z.iso.date,
  'iso.datetime': z.iso.datetime,
  optional: z.optional,
  nullable: z.nullable,
  array: z.array,
  union: z.union,
  discriminatedUnion: z.discriminatedUnion,
  strictObject: z.strictObject,
  looseObject: z.looseObject,
  object: z.object,
  pick: z.pick,
  omit: z.omit,
  partial: z.partial,
  extend: z.extend,
  record: z.record,
  partialRecord: z.partialRecord,
  minLength: z.minLength,
  maxLength: z.maxLength,
  gte: z.gte,
  lte: z.lte,
  regex: z.regex,
  trim: z.trim,
  toLowerCase: z.toLowerCase,
  refine: z.refine,
};

const rebuilt = new WeakMap<object, unknown>();

const isRecorded = (value: unknown): value is Recorded =>
  typeof value === 'object' && value !== null && 'call' in value && Array.isArray((value as Recorded).call);

function real(value: unknown): unknown {
  if (isRecorded(value)) return rebuild(value);
  if (Array.isArray(value)) return value.map(real);
  // A shape (field name → schema); a mask or params has no schema inside and is passed as written.
  const prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    const entries = Object.entries(value as object);
    if (entries.some(([, v]) => isRecorded(v)))
      return Object.fromEntries(entries.map(([k, v]) => [k, real(v)]));
  }
  return value;
}

function rebuild(recorded: Recorded): unknown {
  const cached = rebuilt.get(recorded);
  if (cached) return cached;
  const [name, args] = recorded.call;
  const builder = builders[name];
  if (!builder) throw new Error(`infra/lambda/zod-fallback.ts cannot rebuild zod/mini's ${name}`);
  let built = (builder as (...a: unknown[]) => unknown)(...args.map(real));
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
