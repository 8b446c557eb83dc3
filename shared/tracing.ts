/**
 * The one X-Ray tracer (Powertools Tracer). Lambda's active tracing records each invocation; the
 * tracer adds a subsegment per AWS call (captureAWSv3Client on the DynamoDB and SES clients) and
 * per handler. It switches itself off outside Lambda (local server, tests).
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from './metric-names.ts';

export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });
