/** Reads of personal data that the law wants accounted for: each one leaves an audit event. */
import { listAuditByTarget, recordAudit } from '../db/audit.ts';
import { listCallResponsesOfExpert } from '../db/call-responses.ts';
import { getExpert, getExpertWithConsentHistory } from '../db/experts.ts';
import { expertActor, type StaffActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { NotFound } from '../domain/errors.ts';
import { type ExpertProfile, isVisibleToAgencies } from '../domain/expert.ts';
import { exportOffersOfExpert } from './offers.ts';

/**
 * GET /api/experts/{id}: a full profile for an HR officer or administrator, only while the expert
 * is active and shares the profile with agencies (otherwise 404, as if it did not exist); audited
 * before it is shown.
 */
export async function readProfileForStaff(
  expertId: string,
  staff: StaffActor,
  now: Date,
): Promise<ExpertProfile> {
  const expert = await getExpert(expertId);
  if (!expert || !isVisibleToAgencies(expert)) throw new NotFound('Expert not found');
  await recordAudit(auditEvent('profile.read', staff, `expert:${expertId}`, now));
  return expert;
}

/** GET /api/me/export: everything held about the expert (data-subject access request), audited. */
export async function exportExpertData(expertId: string, now: Date) {
  const [record, events, offers, callResponses] = await Promise.all([
    getExpertWithConsentHistory(expertId),
    listAuditByTarget(`expert:${expertId}`),
    exportOffersOfExpert(expertId, now),
    listCallResponsesOfExpert(expertId),
  ]);
  if (!record) throw new NotFound('Profile not found');
  await recordAudit(auditEvent('profile.export', expertActor(expertId), `expert:${expertId}`, now));
  return {
    exportedAt: now.toISOString(),
    profile: record.profile,
    consentHistory: record.consentHistory,
    offers,
    callResponses,
    profileViews: events
      .filter((e) => e.action === 'profile.read')
      .map((e) => ({ agency: e.actor.agency ?? null, at: e.at })),
  };
}
