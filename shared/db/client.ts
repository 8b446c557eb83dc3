/** The DynamoDB document client, created once per module (reused across invocations). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { traceAwsClient } from '../tracing.ts';

const { dynamoEndpoint } = config();

export const dynamo = traceAwsClient(
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(dynamoEndpoint ? { endpoint: dynamoEndpoint } : {}),
      maxAttempts: 4,
    }),
    // Set explicitly: SDK defaults have changed between releases.
    { marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false } },
  ),
);

export const tableName = config().tableName;
