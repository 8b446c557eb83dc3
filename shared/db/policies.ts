/**
 * The policy catalogue. One item per policy (POLICY#id / POLICY), listed through GSI2 POLICIES
 * sorted by code, and a POLICYCODE#<code> item that keeps codes unique (written in the same
 * transaction). Changes are conditional on the version read.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, recordedActor } from '../domain/actor.ts';
import { Conflict, NotFound, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import {
  applyPolicyPatch,
  newPolicy,
  type Policy,
  type PolicyInput,
  type PolicyListQuery,
  type PolicyPatch,
} from '../domain/policy.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { queryPage } from './paged-query.ts';

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

export function toPolicy(item: Record<string, unknown>): Policy {
  return Object.fromEntries(policyFields.map((f) => [f, item[f] ?? null])) as unknown as Policy;
}

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

const staffAudit = (actor: Actor, policy: Policy, at: string, created: boolean) =>
  auditPut({
    at,
    action: created ? 'policy.created' : 'policy.changed',
    actor: recordedActor(actor),
    target: `policy:${policy.id}`,
    detail: { code: policy.code, version: policy.version },
  });

export async function getPolicy(id: string): Promise<Policy | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: policyKeys.policy(id), ConsistentRead: true }),
  );
  return Item && toPolicy(Item);
}

export async function readPolicy(id: string): Promise<Policy> {
  const policy = await getPolicy(id);
  if (!policy) throw new NotFound('Policy not found');
  return policy;
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

export async function createPolicy(input: PolicyInput, actor: Actor, now: Date): Promise<Policy> {
  const at = now.toISOString();
  const policy = newPolicy(input, randomUUID(), at);
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
          staffAudit(actor, policy, at, true),
        ],
      }),
    );
  } catch (error) {
    if (duplicateCode(error, 1)) throw new Conflict(`A policy with code ${policy.code} exists already`);
    if (isTransactionConflict(error)) throw new Conflict('The catalogue is being changed; try again');
    throw error;
  }
  return policy;
}

export async function updatePolicy(
  id: string,
  patch: PolicyPatch,
  expectedVersion: number,
  actor: Actor,
  now: Date,
): Promise<Policy> {
  const current = await readPolicy(id);
  if (current.version !== expectedVersion) throw new VersionMismatch();
  const at = now.toISOString();
  const next = applyPolicyPatch(current, patch, at);
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
          staffAudit(actor, next, at, false),
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
  return next;
}

/** The catalogue sorted by code; `?active=true` for the policies an officer can offer. */
export async function listPolicies(q: PolicyListQuery): Promise<Page<Policy>> {
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
