/**
 * The Powertools Tracer is loaded only when the function's environment asks for it
 * (TRACE_AWS_CALLS=true, set by `-c tracer=true`); shared/tracing.ts reads that once, at import.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const loadTracing = async (value: string | undefined) => {
  vi.resetModules();
  if (value === undefined) delete process.env.TRACE_AWS_CALLS;
  else process.env.TRACE_AWS_CALLS = value;
  return import('../../shared/tracing.ts');
};

afterEach(() => {
  delete process.env.TRACE_AWS_CALLS;
  vi.resetModules();
});

describe('tracing', () => {
  it('leaves clients and handlers alone without TRACE_AWS_CALLS', async () => {
    for (const value of [undefined, '', 'false', '1']) {
      const tracing = await loadTracing(value);
      const client = { send: () => undefined };
      expect(tracing.tracesAwsCalls, String(value)).toBe(false);
      expect(tracing.traceAwsClient(client)).toBe(client);
      expect(tracing.handlerTracing()).toBeUndefined();
    }
  });

  it('adds the tracer’s handler middleware with TRACE_AWS_CALLS=true', async () => {
    const tracing = await loadTracing('true');
    expect(tracing.tracesAwsCalls).toBe(true);
    expect(tracing.handlerTracing()).toMatchObject({ before: expect.any(Function) });
  });
});
