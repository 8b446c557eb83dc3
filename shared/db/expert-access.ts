/** Reads of personal data that the law wants accounted for: each one leaves an audit event. */
import { recordedActor, type StaffActor } from '../domain/actor.ts';
import { NotFound } from '../domain/errors.ts';
import { type ExpertProfile, isVisibleToAgencies } from '../domain/expert.ts';
import { listAuditByTarget, recordAudit } from './audit.ts';
import { listCallResponsesOfExpert } from './call-responses.ts';
import { getExpert, getExpertWithConsentHistory } from './experts.ts';
import { exportOffersOfExpert } from './offers.ts';

/**
 * A full profile for an HR officer or administrator: only while the expert is active and shares
 * the profile with agencies (otherwise 404, as if it did not exist); audited before it is shown.
 */
export async function readProfileForStaff(
  expertId: string,
  staff: StaffActor,
  now: Date,
): Promise<ExpertProfile> {
  const expert = await getExpert(expertId);
  if (!expert || !isVisibleToAgencies(expert)) throw new NotFound('Expert not found');
  await recordAudit({
    at: now.toISOString(),
    action: 'profile.read',
    actor: recordedActor(staff),
    target: `expert:${expertId}`,
  });
  return expert;
}

/** Everything held about the expert (data-subject access request), audited. */
export async function exportExpertData(expertId: string, now: Date) {
  const [record, events, offers, callResponses] = await Promise.all([
    getExpertWithConsentHistory(expertId),
    listAuditByTarget(`expert:${expertId}`),
    exportOffersOfExpert(expertId, now),
    listCallResponsesOfExpert(expertId),
  ]);
  if (!record) throw new NotFound('Profile not found');
  await recordAudit({
    at: now.toISOString(),
    action: 'profile.export',
    actor: recordedActor({ kind: 'expert', expertId }),
    target: `expert:${expertId}`,
  });
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
