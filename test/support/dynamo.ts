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
