/** OpenAPI entries of the collaboration-call routes (see openapi.ts). */
import type { OperationSchemas } from './openapi.ts';

export const callOperations: Record<string, OperationSchemas> = {};
