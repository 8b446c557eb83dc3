/**
 * The one table definition. The CDK construct (infra/constructs/table.ts) and the local server's
 * CreateTable (toCreateTableInput) are both built from it; test/infra proves they agree.
 *
 * Single-table layout (see shared/db/keys.ts):
 *   PK / SK            the item itself (EXPERT#id/PROFILE, EMAIL#hash/EMAIL, LOGIN#hash/TOKEN, ...)
 *   GSI1PK / GSI1SK    match index: FIELDGROUP#g / <degreeRank>#<expertId>, only for experts
 *                      visible to agencies, so a demand reads just the candidates it can admit
 *   GSI2PK / GSI2SK    listings sorted by folded name: LISTING#AGENCIES, LISTING#DIRECTORY; and
 *                      other "by owner" lookups (audit by target)
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  timeToLiveAttribute: string;
  streamViewType: 'NEW_AND_OLD_IMAGES';
  globalSecondaryIndexes: IndexDefinition[];
}

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  timeToLiveAttribute: 'ttl',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    {
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: 'S' },
      sortKey: { name: 'GSI1SK', type: 'S' },
    },
    {
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
    },
  ],
};

/** The same definition as a DynamoDB CreateTable request (local server, tests, benchmarks). */
export function toCreateTableInput(tableName: string): CreateTableCommandInput {
  const def = tableDefinition;
  const attributes = new Map<string, KeyAttribute>();
  for (const key of [
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]) {
    attributes.set(key.name, key);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()].map((a) => ({
      AttributeName: a.name,
      AttributeType: a.type,
    })),
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: def.streamViewType },
  };
}
