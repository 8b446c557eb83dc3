/**
 * Lambda bundles only: stands in for `zod/mini` (esbuild alias in infra/bundling.ts), so that a
 * cold start builds no zod schema. The domain modules call the same builders; each returns a
 * record of the call (name and arguments) and a checker of the input. A body or query that the
 * checker accepts is parsed here, with zod's output; any other input (and any feature the checker
 * does not model) is parsed by real zod, which the record rebuilds on the first such request
 * (`./zod-fallback.ts`, a lazy chunk): the error details are zod's own, word for word.
 *
 * Why: zod builds each schema at import (~30 µs an instance, and its own code the first time it
 * runs: 2-4 ms of every route that validates a body) and ~25 KB of it are parsed at every cold
 * start. The checker is ~5 KB and builds closures only.
 *
 * The contract (`test/unit/zod-mini-lite.test.ts` holds it against real zod, schema by schema of
 * the route table, on generated bodies): for every input, the checker answers either
 *   - the value zod's `safeParse` returns as `data` (same keys, same order), when zod accepts it;
 *   - `INVALID`, only when zod refuses it;
 *   - `UNSUPPORTED`, when it cannot tell; zod then decides.
 * Local runs and the tests import real zod; only the Lambda bundles import this.
 */
// The modules themselves, not `regexes` of zod/v4/core: a namespace re-export keeps all of it (6.5 KB).
import * as regexes from '../../node_modules/zod/v4/core/regexes.js';
import { codePointLength } from '../../node_modules/zod/v4/core/util.js';

/** What `parseLite` answers for an input zod refuses, and for one it cannot tell (exported for the tests). */
// Symbol.for: a lazy chunk may hold a second copy of this module (infra/bundling.ts), and a schema
// of one copy may sit inside a schema of the other.
export const INVALID: unique symbol = Symbol.for('talent-registry.zod-mini.invalid');
export const UNSUPPORTED: unique symbol = Symbol.for('talent-registry.zod-mini.unsupported');
type Verdict = unknown;
type Checker = (value: unknown) => Verdict;

/** A builder call as written in the source, replayed against real zod by the fallback. */
export type Call = readonly [name: string, args: readonly unknown[]];

type OptIn = 'optional' | undefined;

const isVerdictFailure = (v: Verdict): v is typeof INVALID | typeof UNSUPPORTED =>
  v === INVALID || v === UNSUPPORTED;

/** A check passed to `.check()`: a refinement or an overwrite, applied to the parsed value. */
export class LiteCheck {
  constructor(
    readonly call: Call,
    readonly apply: Checker,
  ) {}
}

interface ObjectParts {
  shape: Record<string, LiteSchema>;
  catchall: 'strict' | 'loose' | 'strip';
}

export class LiteSchema {
  readonly lite = true;
  constructor(
    readonly call: Call,
    readonly run: Checker,
    readonly checks: readonly (LiteCheck | LiteSchema)[] = [],
    readonly optin: OptIn = undefined,
    readonly object?: ObjectParts,
  ) {}

  check(...checks: (LiteCheck | LiteSchema)[]): LiteSchema {
    const Same = this.constructor as typeof LiteSchema;
    return new Same(this.call, this.run, [...this.checks, ...checks], this.optin, this.object);
  }

  /** The parsed value, `INVALID` or `UNSUPPORTED` (see the module's comment). */
  parseLite(input: unknown): Verdict {
    return applyChecks(this.run(input), this.checks);
  }

  /** Synchronous, for callers that only need success and data (shared/domain/roster.ts). */
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: undefined } {
    const value = this.parseLite(input);
    if (value === UNSUPPORTED) throw new Error('This schema needs safeParseAsync in a Lambda bundle');
    return value === INVALID ? { success: false, error: undefined } : { success: true, data: value };
  }

  async safeParseAsync(input: unknown): Promise<unknown> {
    const value = this.parseLite(input);
    if (!isVerdictFailure(value)) return { success: true, data: value };
    const { realSchema } = await import('./zod-fallback.ts');
    return realSchema(this).safeParseAsync(input);
  }
}

export class ZodMiniOptional extends LiteSchema {}

function applyChecks(parsed: Verdict, checks: readonly (LiteCheck | LiteSchema)[]): Verdict {
  let value = parsed;
  for (const check of checks) {
    if (isVerdictFailure(value)) return value;
    // By shape, not `instanceof`: a lazy chunk may hold a second copy of this module (infra/bundling.ts).
    if ('apply' in check) value = check.apply(value);
    // A string format used as a check: zod tests its pattern on whatever it is given.
    else value = typeof value === 'string' ? check.run(value) : UNSUPPORTED;
  }
  return value;
}

const schema = (call: Call, run: Checker, optin?: OptIn, object?: ObjectParts) =>
  new LiteSchema(call, run, [], optin, object);

const typed =
  (name: string, test: (value: unknown) => boolean) =>
  (...args: unknown[]) =>
    schema([name, args], (value) => (test(value) ? value : INVALID));

/** Params with `when` change when a check runs: left to zod. */
const hasWhen = (params: unknown) => typeof params === 'object' && params !== null && 'when' in params;

// ---- types

export const string = typed('string', (v) => typeof v === 'string');
export const number = typed('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const int = typed('int', (v) => Number.isSafeInteger(v));
export const boolean = typed('boolean', (v) => typeof v === 'boolean');
export const unknown = typed('unknown', () => true);

export function literal(values: unknown, ...rest: unknown[]): LiteSchema {
  const set = new Set(Array.isArray(values) ? values : [values]);
  return schema(['literal', [values, ...rest]], (v) => (set.has(v) ? v : INVALID));
}

function enumSchema(values: unknown, ...rest: unknown[]): LiteSchema {
  // Strings only: zod drops a number whose text is also a value (its TypeScript-enum rule).
  const set =
    Array.isArray(values) && values.every((v) => typeof v === 'string')
      ? new Set<unknown>(values)
      : undefined;
  return schema(['enum', [values, ...rest]], (v) => (set ? (set.has(v) ? v : INVALID) : UNSUPPORTED));
}

export { enumSchema as enum };

const format = (name: string, pattern: (params: Record<string, unknown>) => RegExp) => (params?: unknown) => {
  const p = typeof params === 'string' ? {} : ((params ?? {}) as Record<string, unknown>);
  const re = 'pattern' in p ? undefined : pattern(p);
  return schema([name, params === undefined ? [] : [params]], (v) => {
    if (!re) return UNSUPPORTED;
    if (typeof v !== 'string') return INVALID;
    re.lastIndex = 0;
    return re.test(v) ? v : INVALID;
  });
};

export const email = format('email', () => regexes.email);
export const iso = {
  date: format('iso.date', () => regexes.date),
  datetime: format('iso.datetime', (p) =>
    regexes.datetime({ offset: false, local: false, precision: null, ...p } as never),
  ),
};

export function optional(inner: LiteSchema): LiteSchema {
  return new ZodMiniOptional(
    ['optional', [inner]],
    (v) => (v === undefined ? v : inner.parseLite(v)),
    [],
    'optional',
  );
}

export function nullable(inner: LiteSchema): LiteSchema {
  return schema(['nullable', [inner]], (v) => (v === null ? v : inner.parseLite(v)), inner.optin);
}

export function array(element: LiteSchema, ...rest: unknown[]): LiteSchema {
  return schema(['array', [element, ...rest]], (v) => {
    if (!Array.isArray(v)) return INVALID;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element.parseLite(v[i]);
      if (isVerdictFailure(item)) return item;
      out[i] = item;
    }
    return out;
  });
}

export function union(options: readonly LiteSchema[], ...rest: unknown[]): LiteSchema {
  const optin = options.some((o) => o.optin !== undefined) ? 'optional' : undefined;
  return schema(
    ['union', [options, ...rest]],
    (v) => {
      for (const option of options) {
        const result = option.parseLite(v);
        // An option that cannot tell may be the one zod picks: the whole answer is zod's.
        if (result === UNSUPPORTED) return UNSUPPORTED;
        if (result !== INVALID) return result;
      }
      return INVALID;
    },
    optin,
  );
}

export const discriminatedUnion = (...args: unknown[]) =>
  schema(['discriminatedUnion', args], () => UNSUPPORTED);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's `$ZodObject` parse (zod/v4/core/schemas.js: the shape loop, handlePropertyResult, handleCatchall). */
function objectSchema(call: Call, parts: ObjectParts): LiteSchema {
  const keys = Object.keys(parts.shape);
  const keySet = new Set(keys);
  if (keySet.has('__proto__')) return schema(call, () => UNSUPPORTED, undefined, parts);
  return schema(
    call,
    (input) => {
      if (!isObject(input)) return INVALID;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const field = parts.shape[key];
        const present = key in input;
        // An optional field left out contributes nothing; any other left out is refused.
        if (!present) {
          if (field.optin === 'optional') continue;
          return INVALID;
        }
        const value = field.parseLite(input[key]);
        if (isVerdictFailure(value)) return value;
        out[key] = value;
      }
      if (parts.catchall === 'strip') return out;
      for (const key in input) {
        if (keySet.has(key)) continue;
        if (parts.catchall === 'strict') return INVALID;
        if (key === '__proto__') continue;
        out[key] = input[key];
      }
      return out;
    },
    undefined,
    parts,
  );
}

const objectBuilder =
  (name: string, catchall: ObjectParts['catchall']) =>
  (shape: Record<string, LiteSchema>, ...rest: unknown[]) =>
    objectSchema([name, [shape, ...rest]], { shape, catchall });

export const strictObject = objectBuilder('strictObject', 'strict');
export const looseObject = objectBuilder('looseObject', 'loose');
export const object = objectBuilder('object', 'strip');

function objectParts(source: LiteSchema, op: string): ObjectParts {
  if (!source.object) throw new Error(`${op}() needs an object schema`);
  if (source.checks.length > 0 && op !== 'extend') {
    throw new Error(`.${op}() cannot be used on object schemas containing refinements`);
  }
  return source.object;
}

function masked(parts: ObjectParts, mask: Record<string, unknown>): Set<string> {
  for (const key of Object.keys(mask)) {
    if (!Object.hasOwn(parts.shape, key)) throw new Error(`Unrecognized key: "${key}"`);
  }
  return new Set(Object.keys(mask).filter((key) => mask[key]));
}

export function pick(source: LiteSchema, mask: Record<string, unknown>): LiteSchema {
  const parts = objectParts(source, 'pick');
  // In the mask's order, as zod builds it.
  const shape = Object.fromEntries([...masked(parts, mask)].map((key) => [key, parts.shape[key]]));
  return objectSchema(['pick', [source, mask]], { ...parts, shape });
}

export function omit(source: LiteSchema, mask: Record<string, unknown>): LiteSchema {
  const parts = objectParts(source, 'omit');
  const drop = masked(parts, mask);
  const shape = Object.fromEntries(Object.entries(parts.shape).filter(([key]) => !drop.has(key)));
  return objectSchema(['omit', [source, mask]], { ...parts, shape });
}

export function partial(source: LiteSchema, mask?: Record<string, unknown>): LiteSchema {
  const parts = objectParts(source, 'partial');
  const selected = mask ? masked(parts, mask) : undefined;
  const shape = Object.fromEntries(
    Object.entries(parts.shape).map(([key, field]) => [
      key,
      selected && !selected.has(key) ? field : optional(field),
    ]),
  );
  return objectSchema(['partial', mask === undefined ? [source] : [source, mask]], { ...parts, shape });
}

export function extend(source: LiteSchema, extra: Record<string, LiteSchema>): LiteSchema {
  const parts = objectParts(source, 'extend');
  if (source.checks.length > 0 && Object.keys(extra).some((key) => Object.hasOwn(parts.shape, key))) {
    throw new Error('Cannot overwrite keys on object schemas containing refinements.');
  }
  const extended = objectSchema(['extend', [source, extra]], {
    ...parts,
    shape: { ...parts.shape, ...extra },
  });
  if (source.checks.length === 0) return extended;
  // zod's extend keeps the source's refinements: run them here, and leave them out of the record,
  // which real zod replays as `extend(source, extra)` (refinements included).
  return new LiteSchema(
    extended.call,
    (v) => applyChecks(extended.run(v), source.checks),
    [],
    undefined,
    extended.object,
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** A record whose keys are checked one by one (zod's non-exhaustive branch: string keys, or `partialRecord`). */
function recordSchema(name: string, args: unknown[], exhaustive: boolean): LiteSchema {
  const [keyType, valueType] = args as [LiteSchema, LiteSchema];
  const [keyKind, keyArgs] = keyType.call;
  // Only string keys: zod retries a numeric key as a number, and a key type that could accept one
  // (or an enum that makes the record exhaustive) is left to zod.
  const enumOfStrings =
    keyKind === 'enum' && Array.isArray(keyArgs[0]) && keyArgs[0].every((k) => typeof k === 'string');
  const modelled = keyKind === 'string' || (enumOfStrings && !exhaustive);
  return schema([name, args], (input) => {
    if (!modelled) return UNSUPPORTED;
    if (!isPlainObject(input)) return isObject(input) ? UNSUPPORTED : INVALID;
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(input)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      // A symbol key fails a string key type, as in zod.
      const outKey = keyType.parseLite(key);
      if (isVerdictFailure(outKey)) return outKey;
      if (outKey === '__proto__') continue;
      const value = valueType.parseLite(input[key as string]);
      if (isVerdictFailure(value)) return value;
      out[outKey as string] = value;
    }
    return out;
  });
}

export const record = (...args: unknown[]) => recordSchema('record', args, true);
export const partialRecord = (...args: unknown[]) => recordSchema('partialRecord', args, false);

// ---- checks

const check = (name: string, args: unknown[], apply: Checker) => new LiteCheck([name, args], apply);
/** zod's length: code points of a string, elements of an array; none for what has no length. */
const lengthOf = (v: unknown): number | undefined =>
  typeof v === 'string'
    ? codePointLength(v)
    : v === null || v === undefined
      ? undefined
      : (v as { length?: number }).length;

// Like zod, a length check skips a value with no length (an optional field's undefined).
export const minLength = (n: number, ...rest: unknown[]) =>
  check('minLength', [n, ...rest], (v) => {
    const length = lengthOf(v);
    return length === undefined || length >= n ? v : INVALID;
  });
export const maxLength = (n: number, ...rest: unknown[]) =>
  check('maxLength', [n, ...rest], (v) => {
    const length = lengthOf(v);
    return length === undefined || length <= n ? v : INVALID;
  });
export const gte = (n: number, ...rest: unknown[]) =>
  check('gte', [n, ...rest], (v) => ((v as number) >= n ? v : INVALID));
export const lte = (n: number, ...rest: unknown[]) =>
  check('lte', [n, ...rest], (v) => ((v as number) <= n ? v : INVALID));
export const regex = (re: RegExp, ...rest: unknown[]) =>
  check('regex', [re, ...rest], (v) => {
    re.lastIndex = 0;
    return re.test(v as string) ? v : INVALID;
  });
export const trim = () => check('trim', [], (v) => (v as string).trim());
export const toLowerCase = () => check('toLowerCase', [], (v) => (v as string).toLowerCase());

export function refine(fn: (value: never) => unknown, params?: unknown): LiteCheck {
  // A `when` changes when zod runs the check: left to zod (decided once, not per input).
  if (hasWhen(params)) return check('refine', [fn, params], () => UNSUPPORTED);
  return check('refine', params === undefined ? [fn] : [fn, params], (v) => {
    let ok: unknown;
    try {
      ok = fn(v as never);
    } catch {
      return UNSUPPORTED;
    }
    if (ok instanceof Promise) return UNSUPPORTED;
    return ok ? v : INVALID;
  });
}

// ---- the rest of zod/mini's surface the registry touches outside Lambda bundles

/** zod's messages are configured by the fallback, where real zod parses. */
export const config = (_config?: unknown) => {};
const absent = (name: string) => () => {
  throw new Error(`zod/mini's ${name} is not available in a Lambda bundle (infra/lambda/zod-mini.ts)`);
};
export const toJSONSchema = absent('toJSONSchema');
export const registry = absent('registry');
