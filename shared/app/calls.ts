/**
 * Collaboration calls: staff draft, edit, open and close them; anyone lists the open ones.
 * Opening a call writes, in the same transaction, the job that notifies its audience
 * (call-notifications.ts); every transition is audited.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { auditPut } from '../db/audit.ts';
import { callJobPut, getCallNotification } from '../db/call-audience.ts';
import {
  getCall,
  putNewCall,
  queryCalls,
  queryOpenCalls,
  saveCall,
  saveCallTransition,
} from '../db/calls.ts';
import { callKeys } from '../db/keys.ts';
import type { Actor, StaffActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import {
  type Call,
  type CallBody,
  type CallPatch,
  type CallStatus,
  callFieldGroups,
  canManageCall,
  canTransition,
  effectiveStatus,
  isEditable,
  type OpenCallsQuery,
  openUntilInstant,
  type PublicCall,
  type StaffCall,
  type StaffCallsQuery,
  toPublicCall,
} from '../domain/call.ts';
import { isProvinceAgency } from '../domain/demand.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed, VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { getProvince } from '../domain/provinces/index.ts';
import { answerRecipientWrites } from './staff-notices.ts';

const asStaffCall = (call: Call, now: Date): StaffCall => ({ ...call, status: effectiveStatus(call, now) });

function futureOpenUntil(value: string, now: Date): string {
  const instant = openUntilInstant(value);
  if (instant <= now.toISOString()) {
    throw new ValidationFailed('Invalid body', [{ path: 'openUntil', message: 'Must be in the future' }]);
  }
  return instant;
}

/** Any staff member may read any call; the notification progress comes with it once opened. */
export async function readCallForStaff(id: string, now: Date): Promise<StaffCall> {
  const [call, notification] = await Promise.all([getCall(id), getCallNotification(id)]);
  if (!call) throw new NotFound('Call not found');
  return { ...asStaffCall(call, now), ...(notification ? { notification } : {}) };
}

/**
 * Calls are the province's: published by an administrator or by an officer of one of its
 * agencies, as demands are. A token naming an agency the province does not have may not.
 */
function requireProvinceStaff(staff: StaffActor): void {
  if (staff.agency && !isProvinceAgency(staff.agency, getProvince(config().provinceId))) {
    throw new Forbidden(
      "Calls are published by the province's agencies; your account's agency is not one of them",
    );
  }
}

export async function createCall(body: CallBody, staff: StaffActor, now: Date): Promise<StaffCall> {
  requireProvinceStaff(staff);
  const at = now.toISOString();
  const call: Call = {
    id: randomUUID(),
    ...body,
    openUntil: futureOpenUntil(body.openUntil, now),
    status: 'draft',
    agency: staff.agency,
    createdBy: staff.sub,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  // Whom to tell when an expert responds: the officer who creates it.
  await putNewCall(call, answerRecipientWrites(callKeys.call(call.id).PK, staff));
  return call;
}

/** The call a staff member may change: 404 if unknown, 403 if another agency's. */
async function managedCall(id: string, staff: StaffActor): Promise<Call> {
  requireProvinceStaff(staff);
  const call = await getCall(id);
  if (!call) throw new NotFound('Call not found');
  if (!canManageCall(staff, call)) throw new Forbidden('Only the agency that created the call may change it');
  return call;
}

/** A versioned PATCH (If-Match) of a draft or open call. */
export async function updateCall(
  id: string,
  patch: CallPatch,
  expectedVersion: number,
  staff: StaffActor,
  now: Date,
): Promise<StaffCall> {
  const current = await managedCall(id, staff);
  if (current.version !== expectedVersion) throw new VersionMismatch();
  if (!isEditable(effectiveStatus(current, now))) throw new Conflict('A closed call cannot be edited');
  const next: Call = {
    ...current,
    ...patch,
    openUntil: patch.openUntil ? futureOpenUntil(patch.openUntil, now) : current.openUntil,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
  await saveCall(current, next);
  return asStaffCall(next, now);
}

/** The call with a new status, audited; false if it changed meanwhile. */
function recordCallTransition(current: Call, from: CallStatus, to: CallStatus, actor: Actor, now: Date) {
  const at = now.toISOString();
  const next: Call = {
    ...current,
    status: to,
    ...(to === 'open' ? { openedAt: at } : { closedAt: at }),
    updatedAt: at,
    version: current.version + 1,
  };
  const audit = auditPut(auditEvent('call.transitioned', actor, `call:${current.id}`, now, { from, to }));
  const job =
    to === 'open'
      ? [
          callJobPut(
            {
              callId: next.id,
              title: next.title,
              fieldCodes: next.fieldCodes,
              fieldGroups: callFieldGroups(next.fieldCodes),
              audience: next.audience,
              openUntil: next.openUntil,
            },
            now,
          ),
        ]
      : [];
  return { next, saved: saveCallTransition(current, next, [audit, ...job]) };
}

/**
 * draft → open → closed. Opening writes the notification job in the same transaction; the job's
 * condition and the status condition make a retried or concurrent open a 409 that adds nothing.
 */
export async function transitionCall(
  id: string,
  to: CallStatus,
  staff: StaffActor,
  now: Date,
): Promise<StaffCall> {
  const current = await managedCall(id, staff);
  const from = effectiveStatus(current, now);
  if (!canTransition(from, to)) throw new Conflict(`A ${from} call cannot become ${to}`);
  if (to === 'open' && current.openUntil <= now.toISOString()) {
    throw new Conflict('openUntil has passed; move it into the future before opening the call');
  }
  const { next, saved } = recordCallTransition(current, from, to, staff, now);
  if (!(await saved)) throw new Conflict('The call changed meanwhile; reload it and try again');
  return asStaffCall(next, now);
}

/**
 * Stores "closed" on an open call whose openUntil has passed (the deadline sweep). Readers already
 * treat it as closed; this makes it durable. False if there was nothing to close, or the call
 * changed meanwhile (edited, closed by staff): the next sweep looks again.
 */
export async function closeCallIfDue(id: string, actor: Actor, now: Date): Promise<boolean> {
  const current = await getCall(id);
  if (current?.status !== 'open' || effectiveStatus(current, now) !== 'closed') return false;
  return recordCallTransition(current, 'open', 'closed', actor, now).saved;
}

/** Open calls, soonest deadline first, for anyone: public fields only. */
export async function listOpenCalls(query: OpenCallsQuery, now: Date): Promise<Page<PublicCall>> {
  const { items, nextCursor } = await queryOpenCalls(query, now);
  return { items: items.map((call) => toPublicCall(call, now)), nextCursor };
}

/** All calls for staff, newest first, optionally by (effective) status. */
export async function listCalls(query: StaffCallsQuery, now: Date): Promise<Page<StaffCall>> {
  const { items, nextCursor } = await queryCalls(query, now);
  return { items: items.map((call) => asStaffCall(call, now)), nextCursor };
}
