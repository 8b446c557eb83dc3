/** Fixed-window rate limits kept in the table, so every Lambda instance shares them. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RateLimited } from '../domain/errors.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';

export async function consumeRateLimit(
  scope: string,
  subject: string,
  max: number,
  windowSeconds: number,
  now: Date,
): Promise<void> {
  const window = Math.floor(now.getTime() / 1000 / windowSeconds);
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.rateLimit(scope, subject, window),
        UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :max',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': (window + 2) * windowSeconds },
      }),
    );
  } catch (error) {
    // The window ends at (window + 1) × windowSeconds: that is when a new attempt can succeed.
    if (isConditionalCheckFailed(error))
      throw new RateLimited((window + 1) * windowSeconds - now.getTime() / 1000);
    throw error;
  }
}
