/** OpenAPI entries of the demand, match, policy and offer routes (see openapi.ts). */
import type { OperationSchemas } from './openapi.ts';

export const offerOperations: Record<string, OperationSchemas> = {};
