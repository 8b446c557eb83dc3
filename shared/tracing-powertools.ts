/**
 * The Powertools Tracer, loaded by shared/tracing.ts only when the function traces AWS calls
 * (TRACE_AWS_CALLS=true, `-c tracer=true` at deployment). Nothing else imports this module.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';
import { serviceName } from './metric-names.ts';

export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });

export const handlerTracing = (): MiddlewareObj => captureLambdaHandler(tracer, { captureResponse: false });
