/**
 * The demand aggregate. One item per demand (DEMAND#id / DEMAND), listed through two sparse
 * index partitions sorted by `<status>#<createdAt>#<id>`, so a status filter is a key prefix:
 *   GSI2 DEMANDS                 every demand (a province has hundreds, not millions)
 *   GSI1 DEMAND_AGENCY#<agency>  the demands of one agency
 * Changes are conditional on the version read (optimistic locking; If-Match on PATCH). Who may
 * change a demand, and what it may hold, is the service's (shared/app/demands.ts).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Demand, type DemandListQuery, publicDemandFields } from '../domain/demand.ts';
import { VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { pickOrNull } from './items.ts';
import { type IndexQuery, queryAll, queryPage } from './paged-query.ts';

export const demandKeys = {
  demand: (id: string) => ({ PK: `DEMAND#${id}`, SK: 'DEMAND' }),
  all: 'DEMANDS',
  ofAgency: (agency: string) => `DEMAND_AGENCY#${agency}`,
};

const demandFields: readonly (keyof Demand)[] = [
  ...publicDemandFields,
  'priority',
  'status',
  'createdAt',
  'updatedAt',
  'version',
];

export const toDemand = (item: Record<string, unknown>): Demand => pickOrNull<Demand>(item, demandFields);

function demandItem(demand: Demand) {
  const sortKey = `${demand.status}#${demand.createdAt}#${demand.id}`;
  return {
    ...demandKeys.demand(demand.id),
    GSI1PK: demandKeys.ofAgency(demand.agency),
    GSI1SK: sortKey,
    GSI2PK: demandKeys.all,
    GSI2SK: sortKey,
    type: 'demand',
    ...demand,
  };
}

export async function getDemand(id: string): Promise<Demand | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: demandKeys.demand(id), ConsistentRead: true }),
  );
  return Item && toDemand(Item);
}

export async function putNewDemand(demand: Demand): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: demandItem(demand),
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** The changed demand, if the stored one is still at the version it was read at (else 412). */
export async function saveDemand(next: Demand, readVersion: number): Promise<void> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: demandItem(next),
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': readVersion },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new VersionMismatch();
    throw error;
  }
}

export function demandListQuery(q: Pick<DemandListQuery, 'status' | 'agency' | 'zone'>): IndexQuery {
  const byAgency = q.agency !== undefined;
  const index = byAgency ? 'GSI1' : 'GSI2';
  return {
    index,
    partition: byAgency ? demandKeys.ofAgency(q.agency as string) : demandKeys.all,
    ...(q.status
      ? {
          sortKeyCondition: {
            expression: `begins_with(${index}SK, :status)`,
            values: { ':status': `${q.status}#` },
          },
        }
      : {}),
    ...(q.zone
      ? { filter: { expression: '#zone = :zone', names: { '#zone': 'zone' }, values: { ':zone': q.zone } } }
      : {}),
    newestFirst: true,
  };
}

/** A page of demands by status, agency and zone, newest first. */
export async function queryDemands(q: DemandListQuery): Promise<Page<Demand>> {
  const { items, nextCursor } = await queryPage(demandListQuery(q), pageLimit(q.limit), q.cursor, toDemand);
  return { items, nextCursor };
}

/**
 * Every demand with status open (the index prefix `open#`), newest first; those past their
 * open-until day are still included (isDemandOpen tells them apart). For GET /api/me/matches.
 */
export async function listOpenDemands(): Promise<Demand[]> {
  const items = await queryAll({
    TableName: tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :open)',
    ExpressionAttributeValues: { ':pk': demandKeys.all, ':open': 'open#' },
    ScanIndexForward: false,
  });
  return items.map(toDemand);
}
