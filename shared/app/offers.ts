/**
 * Offers: an agency drafts an offer for one of its open demands to a visible expert, with a
 * package of policies that apply; sends it (the expert is mailed) or withdraws it; the expert
 * accepts or declines; the deadline sweep expires it. The state machine (domain/offer-states.ts)
 * says who may make which transition; every transition is audited in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { auditPut } from '../db/audit.ts';
import { getDemand } from '../db/demands.ts';
import { getExpert } from '../db/experts.ts';
import {
  getOffer,
  offerKeys,
  offersOfExpert,
  putNewOffer,
  queryOffers,
  recordOfferTransition,
  type StoredOffer,
  withExperts,
  withNotes,
} from '../db/offers.ts';
import { outboxPut } from '../db/outbox.ts';
import { getPolicies } from '../db/policies.ts';
import type { TransactItem } from '../db/transaction.ts';
import { type Actor, expertActor, recordedActor, type StaffActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { canChangeDemand, provinceDay } from '../domain/demand.ts';
import { BadRequest, Conflict, Forbidden, NotFound, ValidationFailed } from '../domain/errors.ts';
import { isVisibleToAgencies, toSummary } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import {
  asOfNow,
  type ExpertOfferView,
  isVisibleToExpert,
  type Offer,
  type OfferInput,
  type OfferListQuery,
  type OfferResponse,
  type OfferTransitionRequest,
  type OfferView,
  toExpertView,
  toOfferedPolicy,
} from '../domain/offer.ts';
import { assertOfferTransition, effectiveOfferStatus, type OfferStatus } from '../domain/offer-states.ts';
import { packageValueVnd, policyApplicabilityFailures } from '../domain/policy.ts';
import { getProvince } from '../domain/provinces/index.ts';
import { offerReturnPath } from '../domain/return-path.ts';
import { offerSentMail } from '../mail/offer-messages.ts';
import { countEvent } from '../metrics.ts';
import { issueMailSignInLink } from './mail-sign-in-links.ts';
import { answerNoticeWrites, answerRecipientWrites } from './staff-notices.ts';

const mayAccess = (staff: StaffActor, offer: Pick<Offer, 'agency'>) => canChangeDemand(staff, offer);

/** Staff views: the expert's summary joined at read time, the status as of now. */
async function staffViews(offers: StoredOffer[], now: Date): Promise<OfferView[]> {
  return (await withExperts(offers)).map((view) => asOfNow(view, now));
}

/**
 * One transition, if the state machine lets this actor make it: the offer, its audit event and
 * whatever the caller adds (the mail, the expert's note) in one transaction.
 */
export function transitionAs(
  actor: Actor,
  current: StoredOffer,
  to: OfferStatus,
  now: Date,
  extras: { note?: string; expertNote?: string; writes?: TransactItem[] } = {},
): Promise<StoredOffer> {
  assertOfferTransition(current.status, to, actor.kind);
  const audit = auditEvent('offer.transition', actor, `offer:${current.id}`, now, {
    from: current.status,
    to,
    expertId: current.expertId,
    demandId: current.demandId,
  });
  return recordOfferTransition(current, to, recordedActor(actor), now, {
    note: extras.note,
    expertNote: extras.expertNote,
    writes: [auditPut(audit), ...(extras.writes ?? [])],
  });
}

/** A draft offer for one of the caller's agency's open demands, to a visible expert. */
export async function createOffer(input: OfferInput, staff: StaffActor, now: Date): Promise<OfferView> {
  const demand = await getDemand(input.demandId);
  if (!demand) throw new NotFound('Demand not found');
  if (!canChangeDemand(staff, demand))
    throw new Forbidden("Offers are made for your own agency's demands only");
  if (demand.status !== 'open')
    throw new Conflict(`Offers are made for open demands; this one is ${demand.status}`);
  const expert = await getExpert(input.expertId);
  if (!expert || !isVisibleToAgencies(expert)) throw new NotFound('Expert not found');
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new ValidationFailed('Invalid body', [{ path: 'expiresAt', message: 'Must be in the future' }]);
  }

  const found = new Map((await getPolicies(input.policyIds)).map((p) => [p.id, p]));
  const day = provinceDay(now);
  const failures = input.policyIds.flatMap((id, i) => {
    const policy = found.get(id);
    if (!policy) return [{ path: `policyIds.${i}`, message: 'Unknown policy' }];
    return policyApplicabilityFailures(policy, i, toSummary(expert), demand.zone, day);
  });
  if (failures.length) {
    throw new BadRequest(
      'policy_not_applicable',
      'A policy of the package does not apply to this offer',
      failures,
    );
  }

  const at = now.toISOString();
  const policies = input.policyIds.map((id) => found.get(id)).filter((p) => p !== undefined);
  const offer: Offer = {
    id: randomUUID(),
    agency: demand.agency,
    demandId: demand.id,
    demand: { title: demand.title, zone: demand.zone, engagement: demand.engagement },
    expertId: expert.id,
    policyIds: input.policyIds,
    policies: policies.map(toOfferedPolicy),
    packageValueVnd: packageValueVnd(policies),
    terms: input.terms,
    expiresAt: expiresAt.toISOString(),
    status: 'draft',
    history: [{ from: null, to: 'draft', at, actor: recordedActor(staff) }],
    sentAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const audit = auditEvent('offer.created', staff, `offer:${offer.id}`, now, {
    expertId: offer.expertId,
    demandId: offer.demandId,
  });
  await putNewOffer(offer, [auditPut(audit)]);
  const [view] = await staffViews([offer], now);
  return view;
}

/** An offer as its agency (or an administrator) sees it; others get 404. */
export async function readOfferForStaff(id: string, staff: StaffActor, now: Date): Promise<OfferView> {
  const offer = await getOffer(id);
  if (!offer || !mayAccess(staff, offer)) throw new NotFound('Offer not found');
  const [view] = await staffViews([offer], now);
  return view;
}

/** Send or withdraw, by the offer's agency (or an administrator). Sending mails the expert. */
export async function transitionOffer(
  id: string,
  request: OfferTransitionRequest,
  staff: StaffActor,
  now: Date,
): Promise<OfferView> {
  const current = await getOffer(id);
  if (!current || !mayAccess(staff, current)) throw new NotFound('Offer not found');
  const effective = effectiveOfferStatus(current, now);
  if (effective !== current.status) assertOfferTransition(effective, request.to, 'staff');
  const writes: TransactItem[] = [];
  if (request.to === 'sent' && current.status === 'draft') {
    if (Date.parse(current.expiresAt) <= now.getTime()) {
      throw new Conflict('The offer expired before it was sent; draft a new one');
    }
    const expert = await getExpert(current.expertId);
    if (!expert || !isVisibleToAgencies(expert)) {
      throw new Conflict('The expert no longer shares the profile with agencies; the offer cannot be sent');
    }
    const agency = getProvince(config().provinceId).agencies.find((a) => a.id === current.agency);
    const signIn = issueMailSignInLink(expert, offerReturnPath(current.id), now);
    const mail = offerSentMail(expert.email, expert.fullName, {
      agency: { vi: agency?.vi ?? current.agency, en: agency?.en ?? current.agency },
      demandTitle: current.demand.title,
      packageValueVnd: current.packageValueVnd,
      expiresAt: current.expiresAt,
      appUrl: config().appUrl,
      offerId: current.id,
      signInToken: signIn.token,
    });
    // One mail per offer, even if the same send were retried; its link's token beside it.
    writes.push(outboxPut(mail, now, `offer-sent-${current.id}`), signIn.put);
    // Whom to tell when the expert answers: the officer who sends it.
    writes.push(...answerRecipientWrites(offerKeys.offer(current.id).PK, staff));
  }
  const next = await transitionAs(staff, current, request.to, now, {
    note: request.note || undefined,
    writes,
  });
  if (next.status === 'sent') countEvent('OfferSent');
  const [view] = await staffViews([next], now);
  return view;
}

/** The caller's agency's offers (administrators: all), newest first. */
export async function listOffers(q: OfferListQuery, staff: StaffActor, now: Date): Promise<Page<OfferView>> {
  const page = await queryOffers(q, staff.isAdmin ? null : (staff.agency ?? ''), now);
  return { items: await staffViews(page.items, now), nextCursor: page.nextCursor };
}

/** GET /api/me/offers: the offers sent to the expert, newest first. */
export async function listMyOffers(
  expertId: string,
  q: { limit?: string; cursor?: string },
  now: Date,
): Promise<Page<ExpertOfferView>> {
  const { offers, nextCursor } = await offersOfExpert(expertId, {
    sentOnly: true,
    limit: pageLimit(q.limit),
    cursor: q.cursor,
  });
  return { items: offers.filter(isVisibleToExpert).map((o) => toExpertView(o, now)), nextCursor };
}

/** Every offer that names the expert, drafts included (the data-subject export). */
export async function exportOffersOfExpert(expertId: string, now: Date): Promise<ExpertOfferView[]> {
  const all: ExpertOfferView[] = [];
  let cursor: string | undefined;
  do {
    const page = await offersOfExpert(expertId, { sentOnly: false, limit: 100, cursor });
    all.push(...page.offers.map((o) => toExpertView(o, now)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The expert accepts or declines a sent, unexpired offer addressed to them; others get 404. */
export async function respondToOffer(
  expertId: string,
  offerId: string,
  response: OfferResponse,
  now: Date,
): Promise<ExpertOfferView> {
  const current = await getOffer(offerId);
  if (!current || current.expertId !== expertId || !isVisibleToExpert(current)) {
    throw new NotFound('Offer not found');
  }
  const effective = effectiveOfferStatus(current, now);
  if (effective !== 'sent') throw new Conflict(`The offer is ${effective}; it can no longer be answered`);
  const to = response.decision === 'accept' ? 'accepted' : 'declined';
  const expert = await getExpert(expertId);
  // The agency is told, and the officer who sent it mailed, in the answer's own transaction.
  const notice = await answerNoticeWrites(
    {
      kind: to === 'accepted' ? 'offer_accepted' : 'offer_declined',
      agency: current.agency,
      partition: offerKeys.offer(current.id).PK,
      offerId: current.id,
      expertId,
      expertName: expert?.fullName ?? '',
      title: current.demand.title,
      at: now.toISOString(),
    },
    now,
  );
  const next = await transitionAs(expertActor(expertId), current, to, now, {
    expertNote: response.note || undefined,
    writes: notice,
  });
  countEvent(to === 'accepted' ? 'OfferAccepted' : 'OfferDeclined');
  const [withNote] = await withNotes([next]);
  return toExpertView(withNote, now);
}
