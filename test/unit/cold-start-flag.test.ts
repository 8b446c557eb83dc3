/**
 * A function group bundles each route on its own (infra/bundling.ts), so a warm instance holds one
 * Powertools logger and metrics object per route it has served. shared/lambda-context.ts keeps the
 * cold-start flag for the process: only the first request the process serves is a cold start, in the
 * log line (`cold_start`) and in the ColdStart metric, whichever route it reaches.
 */
import middy from '@middy/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invokedBefore = Symbol.for('talent-registry.invoked-before');
const forget = () => {
  delete (globalThis as { [invokedBefore]?: true })[invokedBefore];
};

/** The cold-start flag each middleware read, per request: a fresh copy of the modules, as a route's bundle holds them. */
async function routeBundle() {
  vi.resetModules();
  const { contextFor, withPowertools } = await import('../../shared/lambda-context.ts');
  const { logger } = await import('../../shared/logger.ts');
  const { metrics } = await import('../../shared/metrics.ts');
  // What Powertools' own middlewares read: the last answer of each instance's getColdStart().
  const flags = [logger, metrics].map((utility) =>
    // Protected in Powertools' types; its middlewares call it.
    vi.spyOn(utility as unknown as { getColdStart(): boolean }, 'getColdStart'),
  );
  const handler = withPowertools(middy(async () => ({ statusCode: 200 })));
  return async () => {
    await handler({}, contextFor('group'));
    return flags.map((flag) => flag.mock.results.at(-1)?.value);
  };
}

beforeEach(() => {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  forget();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  forget();
});

describe('cold start, per process', () => {
  it('is reported by the first route a process serves, and by no route after it', async () => {
    const first = await routeBundle();
    const second = await routeBundle();
    expect(await first()).toEqual([true, true]);
    expect(await first()).toEqual([false, false]);
    expect(await second()).toEqual([false, false]);
    expect(await second()).toEqual([false, false]);
  });

  it('is reported once by a single module set too (the local server, one bundle)', async () => {
    const only = await routeBundle();
    expect(await only()).toEqual([true, true]);
    expect(await only()).toEqual([false, false]);
  });
});
