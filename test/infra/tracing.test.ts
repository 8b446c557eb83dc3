/**
 * X-Ray in two levels (shared/tracing.ts): Lambda's active tracing on every function always, and the
 * Powertools Tracer (a subsegment per AWS call, loaded at cold start) only with `-c tracer=true`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSynthOutput, synthRegistry } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static shape worth modelling here.
type Resource = { Type: string; Properties: Record<string, any> };

function registryFunctions(context?: Record<string, unknown>): [string, Resource][] {
  const { template } = synthRegistry({ context });
  return Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(
    ([, resource]) =>
      resource.Type === 'AWS::Lambda::Function' && resource.Properties.Runtime === 'nodejs22.x',
  );
}

afterAll(removeSynthOutput);

describe('tracing', () => {
  it('traces every function with Lambda active tracing, without the Powertools Tracer by default', () => {
    const functions = registryFunctions();
    expect(functions.length).toBeGreaterThan(10);
    for (const [id, fn] of functions) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables, id).not.toHaveProperty('TRACE_AWS_CALLS');
    }
  });

  it('loads the Powertools Tracer in every function with -c tracer=true', () => {
    for (const [id, fn] of registryFunctions({ tracer: 'true' })) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.TRACE_AWS_CALLS, id).toBe('true');
    }
  });
});
