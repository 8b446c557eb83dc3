/** One item of a TransactWriteItems request, such as a service adds to a repository's transaction. */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
