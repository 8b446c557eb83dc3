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

/** Lets app modules imported by a test (handlers, repositories) reach the suite's table in-process. */
export function useSuiteTableInProcess(): void {
  process.env.TABLE_NAME = tableName();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
}
