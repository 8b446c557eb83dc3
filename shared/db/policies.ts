/**
 * The policy catalogue. One item per policy (POLICY#id / POLICY), listed through GSI2 POLICIES
 * sorted by code, and a POLICYCODE#<code> item that keeps codes unique (written in the same
 * transaction). Changes are conditional on the version read; the audit events are the service's
 * (shared/app/policies.ts).
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import type { Policy, PolicyListQuery } from '../domain/policy.ts';
import { batchGet } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { pickOrNull } from './items.ts';
import { queryPage } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export const policyKeys = {
  policy: (id: string) => ({ PK: `POLICY#${id}`, SK: 'POLICY' }),
  code: (code: string) => ({ PK: `POLICYCODE#${code.toUpperCase()}`, SK: 'POLICYCODE' }),
  all: 'POLICIES',
};

const policyFields: readonly (keyof Policy)[] = [
  'id',
  'code',
  'title',
  'legalBasis',
  'benefits',
  'eligibility',
  'validFrom',
  'validTo',
  'active',
  'createdAt',
  'updatedAt',
  'version',
];

export const toPolicy = (item: Record<string, unknown>): Policy => pickOrNull<Policy>(item, policyFields);

const policyItem = (policy: Policy) => ({
  ...policyKeys.policy(policy.id),
  GSI2PK: policyKeys.all,
  GSI2SK: `${policy.code.toUpperCase()}#${policy.id}`,
  type: 'policy',
  ...policy,
});

const codePut = (policy: Policy) => ({
  Put: {
    TableName: tableName,
    Item: { ...policyKeys.code(policy.code), type: 'policyCode', policyId: policy.id },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

export async function getPolicy(id: string): Promise<Policy | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: policyKeys.policy(id), ConsistentRead: true }),
  );
  return Item && toPolicy(Item);
}

/** The policies with these ids that exist, in no particular order. */
export async function getPolicies(ids: readonly string[]): Promise<Policy[]> {
  return (await batchGet(ids.map(policyKeys.policy))).map(toPolicy);
}

export async function missingPolicyIds(ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set((await getPolicies(ids)).map((p) => p.id));
  return ids.filter((id) => !found.has(id));
}

function duplicateCode(error: unknown, codeIndex: number): boolean {
  return !!cancelledConditions(error)?.includes(codeIndex);
}

/** A new policy and its code's item, with `extraWrites` (the audit event), in one transaction. */
export async function putNewPolicy(policy: Policy, extraWrites: TransactItem[]): Promise<void> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: policyItem(policy),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          codePut(policy),
          ...extraWrites,
        ],
      }),
    );
  } catch (error) {
    if (duplicateCode(error, 1)) throw new Conflict(`A policy with code ${policy.code} exists already`);
    if (isTransactionConflict(error)) throw new Conflict('The catalogue is being changed; try again');
    throw error;
  }
}

/**
 * The changed policy, if the stored one is still at the version read (else 412), moving its code
 * item when the code changed, with `extraWrites` (the audit event), in one transaction.
 */
export async function savePolicy(current: Policy, next: Policy, extraWrites: TransactItem[]): Promise<void> {
  const codeChanged = next.code.toUpperCase() !== current.code.toUpperCase();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: policyItem(next),
              ConditionExpression: 'version = :read',
              ExpressionAttributeValues: { ':read': current.version },
            },
          },
          ...(codeChanged
            ? [codePut(next), { Delete: { TableName: tableName, Key: policyKeys.code(current.code) } }]
            : []),
          ...extraWrites,
        ],
      }),
    );
  } catch (error) {
    if (cancelledConditions(error)?.includes(0) || isTransactionConflict(error)) throw new VersionMismatch();
    if (codeChanged && duplicateCode(error, 1)) {
      throw new Conflict(`A policy with code ${next.code} exists already`);
    }
    throw error;
  }
}

/** The catalogue sorted by code; `?active=true` for the policies an officer can offer. */
export async function queryPolicies(q: PolicyListQuery): Promise<Page<Policy>> {
  const { items, nextCursor } = await queryPage(
    {
      index: 'GSI2',
      partition: policyKeys.all,
      ...(q.active
        ? {
            filter: {
              expression: '#active = :active',
              names: { '#active': 'active' },
              values: { ':active': q.active === 'true' },
            },
          }
        : {}),
    },
    pageLimit(q.limit),
    q.cursor,
    toPolicy,
  );
  return { items, nextCursor };
}
