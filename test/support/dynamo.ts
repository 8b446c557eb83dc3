/** Direct access to the suite's DynamoDB Local, to prepare states the API cannot reach (expiry). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';

let client: DynamoDBDocument | undefined;

export const tableName = () => inject('tableName');

export function documentClient(): DynamoDBDocument {
  client ??= DynamoDBDocument.from(
    new DynamoDBClient({
      endpoint: inject('ddbEndpoint'),
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return client;
}

/**
 * The environment the handlers read, pointed at the suite's DynamoDB Local, for tests that call a
 * service or a stream handler in the test process (to stop a job half-way, say).
 */
export function useSuiteTableInProcess(): void {
  process.env.TABLE_NAME = tableName();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.MAIL_TRANSPORT = 'dev';
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
}
