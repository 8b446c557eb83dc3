/**
 * The demand aggregate. One item per demand (DEMAND#id / DEMAND), listed through two sparse
 * index partitions sorted by `<status>#<createdAt>#<id>`, so a status filter is a key prefix:
 *   GSI2 DEMANDS                 every demand (a province has hundreds, not millions)
 *   GSI1 DEMAND_AGENCY#<agency>  the demands of one agency
 * Changes are conditional on the version read (optimistic locking; If-Match on PATCH).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import type { StaffActor } from '../domain/actor.ts';
import {
  applyDemandPatch,
  canChangeDemand,
  type Demand,
  type DemandInput,
  type DemandListQuery,
  type DemandPatch,
  demandRuleViolations,
  isProvinceAgency,
  newDemand,
} from '../domain/demand.ts';
import { Forbidden, NotFound, ValidationFailed, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { getProvince } from '../domain/provinces/index.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { type IndexQuery, queryAll, queryPage } from './paged-query.ts';
import { missingPolicyIds } from './policies.ts';

export const demandKeys = {
  demand: (id: string) => ({ PK: `DEMAND#${id}`, SK: 'DEMAND' }),
  all: 'DEMANDS',
  ofAgency: (agency: string) => `DEMAND_AGENCY#${agency}`,
};

const demandFields: readonly (keyof Demand)[] = [
  'id',
  'agency',
  'title',
  'description',
  'fieldCodes',
  'minDegree',
  'minYearsExperience',
  'languages',
  'zone',
  'engagement',
  'headcount',
  'priority',
  'policyIds',
  'openUntil',
  'status',
  'createdAt',
  'updatedAt',
  'version',
];

export function toDemand(item: Record<string, unknown>): Demand {
  return Object.fromEntries(demandFields.map((f) => [f, item[f] ?? null])) as unknown as Demand;
}

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

const province = () => getProvince(config().provinceId);

async function checkReferences(demand: Demand): Promise<void> {
  const violations = demandRuleViolations(demand, province());
  const missing = await missingPolicyIds(demand.policyIds);
  for (const id of missing) {
    violations.push({ path: `policyIds.${demand.policyIds.indexOf(id)}`, message: 'Unknown policy' });
  }
  if (violations.length) throw new ValidationFailed('Invalid body', violations);
}

export async function getDemand(id: string): Promise<Demand | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: demandKeys.demand(id), ConsistentRead: true }),
  );
  return Item && toDemand(Item);
}

/** Any staff member may read any demand. */
export async function readDemand(id: string): Promise<Demand> {
  const demand = await getDemand(id);
  if (!demand) throw new NotFound('Demand not found');
  return demand;
}

/** A new demand owned by the caller's agency (which must be one of the province's). */
export async function createDemand(input: DemandInput, staff: StaffActor, now: Date): Promise<Demand> {
  if (!staff.agency || !isProvinceAgency(staff.agency, province())) {
    throw new Forbidden(
      "Demands belong to an agency of the province; your account has none of the province's",
    );
  }
  const demand = newDemand(input, { id: randomUUID(), agency: staff.agency, at: now.toISOString() });
  await checkReferences(demand);
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: demandItem(demand),
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return demand;
}

/** A PATCH by the owner agency or an administrator, based on the version the caller read. */
export async function updateDemand(
  id: string,
  patch: DemandPatch,
  expectedVersion: number,
  staff: StaffActor,
  now: Date,
): Promise<Demand> {
  const current = await readDemand(id);
  if (!canChangeDemand(staff, current))
    throw new Forbidden('Only the owner agency or an administrator may change a demand');
  if (current.version !== expectedVersion) throw new VersionMismatch();
  const next = applyDemandPatch(current, patch, now.toISOString());
  await checkReferences(next);
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: demandItem(next),
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': current.version },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new VersionMismatch();
    throw error;
  }
  return next;
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

/** Demands filtered by status, agency and zone; open ones first when no status is given. */
export async function listDemands(q: DemandListQuery): Promise<Page<Demand>> {
  const p = province();
  const unknown = [
    ...(q.agency && !isProvinceAgency(q.agency, p)
      ? [{ path: 'agency', message: `Unknown agency; use one of ${p.agencies.map((a) => a.id).join(', ')}` }]
      : []),
    ...(q.zone && !p.zones.some((z) => z.id === q.zone)
      ? [{ path: 'zone', message: `Unknown zone; use one of ${p.zones.map((z) => z.id).join(', ')}` }]
      : []),
  ];
  if (unknown.length) throw new ValidationFailed('Invalid query', unknown);
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
