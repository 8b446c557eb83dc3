/**
 * One page of a filtered index query. DynamoDB applies Limit before the filter, so a page is
 * collected over as many reads as it takes (bounded), and the cursor is the key of the last item
 * returned, not of the last item read: nothing is skipped between pages.
 */
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Key } from './cursor.ts';

/**
 * A query that resumes from a client's cursor. A cursor can pass every check and still name a key
 * outside the query's sort-key range, which DynamoDB refuses: that is the client's 400, not a 500.
 */
export async function queryFromCursor(input: QueryCommandInput): Promise<QueryCommandOutput> {
  try {
    return await dynamo.send(new QueryCommand(input));
  } catch (error) {
    if (input.ExclusiveStartKey && (error as Error).name === 'ValidationException') throw invalidCursor();
    throw error;
  }
}

export interface IndexQuery {
  /** An index, or the table itself (its PK and SK). */
  index: 'GSI1' | 'GSI2' | 'table';
  partition: string;
  /** e.g. `GSI1SK >= :from` with its values */
  sortKeyCondition?: { expression: string; values: Record<string, unknown> };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
}

export interface CollectedPage<T> {
  items: T[];
  nextCursor: string | null;
  /** Items DynamoDB read to fill the page (for the read-amplification benchmark). */
  itemsRead: number;
}

const maxItemsReadPerPage = 5000;

export async function queryPage<T>(
  query: IndexQuery,
  limit: number,
  cursor: string | undefined,
  toItem: (item: Record<string, unknown>) => T,
): Promise<CollectedPage<T>> {
  const onTable = query.index === 'table';
  const pk = onTable ? 'PK' : `${query.index}PK`;
  const sk = onTable ? 'SK' : `${query.index}SK`;
  const keyNames = [...new Set(['PK', 'SK', pk, sk])];
  let startKey: Key | undefined = decodeCursor(cursor, { [pk]: query.partition }, keyNames);
  const input: QueryCommandInput = {
    TableName: tableName,
    ...(onTable ? {} : { IndexName: query.index }),
    KeyConditionExpression: `${pk} = :pk${query.sortKeyCondition ? ` AND ${query.sortKeyCondition.expression}` : ''}`,
    ExpressionAttributeValues: {
      ':pk': query.partition,
      ...query.sortKeyCondition?.values,
      ...query.filter?.values,
    },
    ...(query.filter
      ? {
          FilterExpression: query.filter.expression,
          ...(Object.keys(query.filter.names).length ? { ExpressionAttributeNames: query.filter.names } : {}),
        }
      : {}),
    ScanIndexForward: !query.newestFirst,
  };

  const rows: Record<string, unknown>[] = [];
  let itemsRead = 0;
  let exhausted = false;
  let fromClient = startKey !== undefined;
  while (rows.length <= limit && itemsRead < maxItemsReadPerPage) {
    const request: QueryCommandInput = {
      ...input,
      ExclusiveStartKey: startKey,
      // Without a filter every item read is returned, so read exactly what the page needs.
      Limit: query.filter ? Math.max(50, limit * 2) : limit + 1 - rows.length,
    };
    const page = fromClient ? await queryFromCursor(request) : await dynamo.send(new QueryCommand(request));
    fromClient = false;
    itemsRead += page.ScannedCount ?? 0;
    rows.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey as Key | undefined;
    if (!startKey) {
      exhausted = true;
      break;
    }
  }

  const hasMore = rows.length > limit || !exhausted;
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : startKey;
  const nextCursor =
    hasMore && last ? encodeCursor(Object.fromEntries(keyNames.map((k) => [k, String(last[k])]))) : null;
  return { items: items.map(toItem), nextCursor, itemsRead };
}

/** Every page of a query, one after the other (the loop over LastEvaluatedKey, written once). */
export async function* queryPages(input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let startKey = input.ExclusiveStartKey;
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** The items of every page of a query, stopping once `limit` are collected. */
export async function queryAll(input: QueryCommandInput, limit = Number.POSITIVE_INFINITY) {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(input)) {
    items.push(...(page.Items ?? []));
    if (items.length >= limit) break;
  }
  return items;
}
