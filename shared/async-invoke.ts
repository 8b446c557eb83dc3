/**
 * Starting a function in the background: in AWS, Lambda `Invoke` with `InvocationType: 'Event'`
 * on the function named by the environment variable that the stack sets for it (shared/routes.ts,
 * `startedOnDemandBy`); locally, the server registers an invoker that runs the same handler in its
 * own process without waiting for it. The Lambda client is loaded on first use only, so the
 * routes of a group that never starts a job do not pay for it at cold start.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { scheduledJobs } from './routes.ts';

export type BackgroundInvoker = (handler: string, payload: Record<string, unknown>) => Promise<void>;

let localInvoker: BackgroundInvoker | undefined;
let lambda: LambdaClient | undefined;

/** The local server's way of running a job in the background (never set in AWS). */
export function setLocalInvoker(invoker: BackgroundInvoker): void {
  localInvoker = invoker;
}

export async function invokeInBackground(handler: string, payload: Record<string, unknown>): Promise<void> {
  const variable = scheduledJobs.find((job) => job.handler === handler)?.startedOnDemandBy?.environment;
  const functionName = variable ? process.env[variable] : undefined;
  if (functionName) {
    const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
    lambda ??= new LambdaClient({});
    await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );
    return;
  }
  if (localInvoker) return localInvoker(handler, payload);
  throw new Error(`Cannot start ${handler}: ${variable ?? 'its function name'} is not set`);
}
