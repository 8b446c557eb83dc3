/**
 * The one structured logger. Log ids, never personal data (names, e-mails, phones): the
 * integration suite greps the server's log for the personal data it sent.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceName } from './metric-names.ts';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });
