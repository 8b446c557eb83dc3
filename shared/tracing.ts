/**
 * X-Ray, in two levels. Lambda's active tracing (on for every function, infra/constructs/
 * registry-function.ts) records each invocation, its initialization, duration and errors, with no
 * code in the function. The Powertools Tracer adds a subsegment per DynamoDB and SES call
 * (captureAWSv3Client) and per handler, but importing it (aws-xray-sdk-core, cls-hooked) costs a
 * fifth of the SDK's own cold start, so it is a deployment option: `-c tracer=true` sets
 * TRACE_AWS_CALLS=true on every function, and only then is its module loaded. Code splitting
 * (infra/bundling.ts) puts that module in its own chunk, which no cold start reads otherwise.
 * It switches itself off outside Lambda (local server, tests) even when loaded.
 */
import type { MiddlewareObj } from '@middy/core';

/** Whether the Powertools Tracer is loaded (the function's environment; read once, at import). */
export const tracesAwsCalls = process.env.TRACE_AWS_CALLS === 'true';

const powertools = tracesAwsCalls ? await import('./tracing-powertools.ts') : undefined;

/** Instruments an AWS SDK v3 client (a subsegment per call) when the tracer is loaded. */
export function traceAwsClient<T>(client: T): T {
  return powertools ? powertools.tracer.captureAWSv3Client(client) : client;
}

/** The tracer's handler subsegment (middy middleware), when the tracer is loaded. */
export function handlerTracing(): MiddlewareObj | undefined {
  return powertools?.handlerTracing();
}
