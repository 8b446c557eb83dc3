/**
 * Agencies' demands (fields of need): an agency of the province owns its demands; only it or an
 * administrator changes them; any staff member reads them.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { getDemand, putNewDemand, queryDemands, saveDemand } from '../db/demands.ts';
import { missingPolicyIds } from '../db/policies.ts';
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
import { getProvince } from '../domain/provinces/index.ts';

const province = () => getProvince(config().provinceId);

async function checkReferences(demand: Demand, now: Date): Promise<void> {
  const violations = demandRuleViolations(demand, province(), now);
  for (const id of await missingPolicyIds(demand.policyIds)) {
    violations.push({ path: `policyIds.${demand.policyIds.indexOf(id)}`, message: 'Unknown policy' });
  }
  if (violations.length) throw new ValidationFailed('Invalid body', violations);
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
  await checkReferences(demand, now);
  await putNewDemand(demand);
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
  await checkReferences(next, now);
  await saveDemand(next, current.version);
  return next;
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
  return queryDemands(q);
}
