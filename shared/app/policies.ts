/** The attraction-policy catalogue: administrators create and change it (audited); staff read it. */
import { randomUUID } from 'node:crypto';
import { auditPut } from '../db/audit.ts';
import { getPolicy, putNewPolicy, queryPolicies, savePolicy } from '../db/policies.ts';
import type { Actor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { NotFound, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import {
  applyPolicyPatch,
  newPolicy,
  type Policy,
  type PolicyInput,
  type PolicyListQuery,
  type PolicyPatch,
} from '../domain/policy.ts';

const policyAudit = (actor: Actor, policy: Policy, now: Date, created: boolean) =>
  auditPut(
    auditEvent(created ? 'policy.created' : 'policy.changed', actor, `policy:${policy.id}`, now, {
      code: policy.code,
      version: policy.version,
    }),
  );

export async function readPolicy(id: string): Promise<Policy> {
  const policy = await getPolicy(id);
  if (!policy) throw new NotFound('Policy not found');
  return policy;
}

export async function createPolicy(input: PolicyInput, actor: Actor, now: Date): Promise<Policy> {
  const policy = newPolicy(input, randomUUID(), now.toISOString());
  await putNewPolicy(policy, [policyAudit(actor, policy, now, true)]);
  return policy;
}

/** A PATCH based on the version the caller read (If-Match). */
export async function updatePolicy(
  id: string,
  patch: PolicyPatch,
  expectedVersion: number,
  actor: Actor,
  now: Date,
): Promise<Policy> {
  const current = await readPolicy(id);
  if (current.version !== expectedVersion) throw new VersionMismatch();
  const next = applyPolicyPatch(current, patch, now.toISOString());
  await savePolicy(current, next, [policyAudit(actor, next, now, false)]);
  return next;
}

/** The catalogue sorted by code; `?active=true` for the policies an officer can offer. */
export function listPolicies(q: PolicyListQuery): Promise<Page<Policy>> {
  return queryPolicies(q);
}
