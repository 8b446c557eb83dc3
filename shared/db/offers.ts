/**
 * The offer aggregate. Items:
 *   OFFER#id / OFFER         the offer; GSI1 OFFER_AGENCY#<agency> and GSI2 OFFERS, both sorted by
 *                            `<createdAt>#<id>` (an agency's offers; all offers, for administrators)
 *   OFFER#id / EXPERT        a pointer in GSI1 OFFER_EXPERT#<expertId> (the expert's offers); in the
 *                            offer's partition, so it survives the expert's erasure with no
 *                            personal data in it
 *   OFFER_EXPIRY / <expiresAt>#<id>   a timer per sent offer, deleted when the offer leaves `sent`:
 *                            the sweep reads only the due ones, never scans
 *   EXPERT#<expertId> / OFFERNOTE#<id>  the expert's answer note: their own words, so it lives in
 *                            their partition and goes with an erasure
 * Every transition is one transaction conditioned on the version and status read, with its audit
 * event, its timer change and (when sent) the expert's mail in the outbox: two concurrent
 * transitions never both win.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { type RecordedActor, recordedActor, type StaffActor } from '../domain/actor.ts';
import { canChangeDemand, provinceDay } from '../domain/demand.ts';
import { BadRequest, Conflict, Forbidden, NotFound, ValidationFailed } from '../domain/errors.ts';
import { type ExpertSummary, isVisibleToAgencies, toSummary } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import {
  asOfNow,
  isVisibleToExpert,
  type Offer,
  type OfferExpertState,
  type OfferHistoryEntry,
  type OfferInput,
  type OfferListQuery,
  type OfferResponse,
  type OfferTransitionRequest,
  type OfferView,
  toOfferedPolicy,
} from '../domain/offer.ts';
import { assertOfferTransition, effectiveOfferStatus, type OfferStatus } from '../domain/offer-states.ts';
import { packageValueVnd, policyApplicabilityFailures } from '../domain/policy.ts';
import { getProvince } from '../domain/provinces/index.ts';
import { offerSentMail } from '../mail/offer-messages.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { getDemand } from './demands.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { toSummaryItem } from './expert-search.ts';
import { getExpert } from './experts.ts';
import { keys } from './keys.ts';
import { outboxPut } from './outbox.ts';
import { type IndexQuery, queryPage, queryPages } from './paged-query.ts';
import { getPolicies } from './policies.ts';

export const offerKeys = {
  offer: (id: string) => ({ PK: `OFFER#${id}`, SK: 'OFFER' }),
  expertPointer: (id: string) => ({ PK: `OFFER#${id}`, SK: 'EXPERT' }),
  ofAgency: (agency: string) => `OFFER_AGENCY#${agency}`,
  ofExpert: (expertId: string) => `OFFER_EXPERT#${expertId}`,
  all: 'OFFERS',
  timerPartition: 'OFFER_EXPIRY',
  timer: (expiresAt: string, id: string) => ({ PK: 'OFFER_EXPIRY', SK: `${expiresAt}#${id}` }),
  expertNote: (expertId: string, id: string) => ({ PK: `EXPERT#${expertId}`, SK: `OFFERNOTE#${id}` }),
};

/** A history entry as stored: an expert's note is a flag here and an item in their partition. */
type StoredHistoryEntry = Omit<OfferHistoryEntry, 'note'> & { note?: string; expertNote?: boolean };
type StoredOffer = Omit<Offer, 'history'> & { history: StoredHistoryEntry[] };

const offerFields: readonly (keyof Offer)[] = [
  'id',
  'agency',
  'demandId',
  'demand',
  'expertId',
  'policyIds',
  'policies',
  'packageValueVnd',
  'terms',
  'expiresAt',
  'status',
  'history',
  'sentAt',
  'createdAt',
  'updatedAt',
  'version',
];

const toStored = (item: Record<string, unknown>): StoredOffer =>
  Object.fromEntries(offerFields.map((f) => [f, item[f] ?? null])) as unknown as StoredOffer;

const offerItem = (offer: StoredOffer) => ({
  ...offerKeys.offer(offer.id),
  GSI1PK: offerKeys.ofAgency(offer.agency),
  GSI1SK: `${offer.createdAt}#${offer.id}`,
  GSI2PK: offerKeys.all,
  GSI2SK: `${offer.createdAt}#${offer.id}`,
  type: 'offer',
  ...offer,
});

const system = recordedActor({ kind: 'system', id: 'sweep-deadlines' });
const staffActor = (staff: StaffActor): RecordedActor => recordedActor(staff);
const mayAccess = (staff: StaffActor, offer: Pick<Offer, 'agency'>) => canChangeDemand(staff, offer);

async function readStored(id: string): Promise<StoredOffer | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: offerKeys.offer(id), ConsistentRead: true }),
  );
  return Item && toStored(Item);
}

/** Expert notes joined into the histories; the storage-only flag removed. */
async function withNotes(offers: StoredOffer[]): Promise<Offer[]> {
  const wanted = offers
    .filter((o) => o.history.some((h) => h.expertNote))
    .map((o) => offerKeys.expertNote(o.expertId, o.id));
  const notes = new Map(
    (wanted.length ? await batchGet(wanted) : []).map((item) => [String(item.offerId), String(item.note)]),
  );
  return offers.map((o) => ({
    ...o,
    history: o.history.map(({ expertNote, ...entry }) =>
      expertNote && notes.has(o.id) ? { ...entry, note: notes.get(o.id) } : entry,
    ),
  }));
}

/** Staff views: the expert's summary joined at read time (null once hidden or erased). */
async function toStaffViews(offers: StoredOffer[], now: Date): Promise<OfferView[]> {
  const expertIds = [...new Set(offers.map((o) => o.expertId))];
  const items = expertIds.length
    ? await batchGet(expertIds.flatMap((id) => [keys.listing(id), keys.tombstone(id)]))
    : [];
  const summaries = new Map<string, ExpertSummary>();
  const erased = new Set<string>();
  for (const item of items) {
    if (item.SK === 'LISTING') summaries.set(String(item.id), toSummaryItem(item));
    if (item.SK === 'TOMBSTONE') erased.add(String(item.PK).slice('EXPERT#'.length));
  }
  const state = (id: string): OfferExpertState =>
    summaries.has(id) ? 'shared' : erased.has(id) ? 'erased' : 'not_shared';
  return (await withNotes(offers)).map((offer) => ({
    ...asOfNow(offer, now),
    expert: summaries.get(offer.expertId) ?? null,
    expertState: state(offer.expertId),
  }));
}

function transitionError(error: unknown): never {
  if (cancelledConditions(error)?.includes(0) || isTransactionConflict(error)) {
    throw new Conflict('The offer changed at the same moment; reload it and try again');
  }
  throw error;
}

/**
 * One transition as one transaction: the offer (conditioned on the version and status read), the
 * expiry timer (put on sent, deleted when leaving sent), the expert pointer's `sent` flag, the
 * audit event, and whatever the caller adds (the mail, the expert's note).
 */
async function writeTransition(
  current: StoredOffer,
  to: OfferStatus,
  actor: RecordedActor,
  now: Date,
  extras: { note?: string; expertNote?: boolean; items?: Record<string, unknown>[] } = {},
): Promise<StoredOffer> {
  assertOfferTransition(current.status, to, actor.kind);
  const at = now.toISOString();
  const entry: StoredHistoryEntry = {
    from: current.status,
    to,
    at,
    actor,
    ...(extras.note ? { note: extras.note } : {}),
    ...(extras.expertNote ? { expertNote: true } : {}),
  };
  const next: StoredOffer = {
    ...current,
    status: to,
    history: [...current.history, entry],
    sentAt: to === 'sent' ? at : current.sentAt,
    updatedAt: at,
    version: current.version + 1,
  };
  const items: Record<string, unknown>[] = [
    {
      Put: {
        TableName: tableName,
        Item: offerItem(next),
        ConditionExpression: 'version = :read AND #status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':read': current.version, ':from': current.status },
      },
    },
    ...(to === 'sent'
      ? [
          {
            Put: {
              TableName: tableName,
              Item: { ...offerKeys.timer(next.expiresAt, next.id), type: 'offerTimer', offerId: next.id },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: offerKeys.expertPointer(next.id),
              UpdateExpression: 'SET sent = :true',
              ExpressionAttributeValues: { ':true': true },
            },
          },
        ]
      : []),
    ...(current.status === 'sent'
      ? [{ Delete: { TableName: tableName, Key: offerKeys.timer(current.expiresAt, current.id) } }]
      : []),
    auditPut({
      at,
      action: 'offer.transition',
      actor,
      target: `offer:${current.id}`,
      detail: { from: current.status, to, expertId: current.expertId, demandId: current.demandId },
    }),
    ...(extras.items ?? []),
  ];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items as never }));
  } catch (error) {
    transitionError(error);
  }
  return next;
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
  const offer: StoredOffer = {
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
    history: [{ from: null, to: 'draft', at, actor: staffActor(staff) }],
    sentAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: offerItem(offer),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...offerKeys.expertPointer(offer.id),
              GSI1PK: offerKeys.ofExpert(offer.expertId),
              GSI1SK: `${offer.createdAt}#${offer.id}`,
              type: 'offerOfExpert',
              offerId: offer.id,
              sent: false,
            },
          },
        },
        auditPut({
          at,
          action: 'offer.created',
          actor: staffActor(staff),
          target: `offer:${offer.id}`,
          detail: { expertId: offer.expertId, demandId: offer.demandId },
        }),
      ],
    }),
  );
  const [view] = await toStaffViews([offer], now);
  return view;
}

/** An offer as its agency (or an administrator) sees it; others get 404. */
export async function readOfferForStaff(id: string, staff: StaffActor, now: Date): Promise<OfferView> {
  const offer = await readStored(id);
  if (!offer || !mayAccess(staff, offer)) throw new NotFound('Offer not found');
  const [view] = await toStaffViews([offer], now);
  return view;
}

/** Send or withdraw, by the offer's agency (or an administrator). Sending mails the expert. */
export async function transitionOffer(
  id: string,
  request: OfferTransitionRequest,
  staff: StaffActor,
  now: Date,
): Promise<OfferView> {
  const current = await readStored(id);
  if (!current || !mayAccess(staff, current)) throw new NotFound('Offer not found');
  const effective = effectiveOfferStatus(current, now);
  if (effective !== current.status) assertOfferTransition(effective, request.to, 'staff');
  const items: Record<string, unknown>[] = [];
  if (request.to === 'sent' && current.status === 'draft') {
    if (Date.parse(current.expiresAt) <= now.getTime()) {
      throw new Conflict('The offer expired before it was sent; draft a new one');
    }
    const expert = await getExpert(current.expertId);
    if (!expert || !isVisibleToAgencies(expert)) {
      throw new Conflict('The expert no longer shares the profile with agencies; the offer cannot be sent');
    }
    const agency = getProvince(config().provinceId).agencies.find((a) => a.id === current.agency);
    const mail = offerSentMail(expert.email, expert.fullName, {
      agency: { vi: agency?.vi ?? current.agency, en: agency?.en ?? current.agency },
      demandTitle: current.demand.title,
      packageValueVnd: current.packageValueVnd,
      expiresAt: current.expiresAt,
      appUrl: config().appUrl,
    });
    // One mail per offer, even if the same send were retried.
    items.push(outboxPut(mail, now, `offer-sent-${current.id}`));
  }
  const next = await writeTransition(current, request.to, staffActor(staff), now, {
    note: request.note || undefined,
    items,
  });
  const [view] = await toStaffViews([next], now);
  return view;
}

function offerListQuery(q: OfferListQuery, staff: StaffActor, now: Date): IndexQuery {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (q.status) {
    names['#status'] = 'status';
    if (q.status === 'sent' || q.status === 'expired') {
      Object.assign(values, { ':sent': 'sent', ':now': now.toISOString() });
      if (q.status === 'sent') clauses.push('#status = :sent AND expiresAt > :now');
      else {
        values[':expired'] = 'expired';
        clauses.push('(#status = :expired OR (#status = :sent AND expiresAt <= :now))');
      }
    } else {
      values[':status'] = q.status;
      clauses.push('#status = :status');
    }
  }
  if (q.demandId) {
    values[':demandId'] = q.demandId;
    clauses.push('demandId = :demandId');
  }
  if (q.expertId) {
    values[':expertId'] = q.expertId;
    clauses.push('expertId = :expertId');
  }
  const partition = staff.isAdmin ? offerKeys.all : offerKeys.ofAgency(staff.agency ?? '');
  return {
    index: staff.isAdmin ? 'GSI2' : 'GSI1',
    partition,
    ...(clauses.length ? { filter: { expression: clauses.join(' AND '), names, values } } : {}),
    newestFirst: true,
  };
}

/** The caller's agency's offers (administrators: all), newest first. */
export async function listOffers(q: OfferListQuery, staff: StaffActor, now: Date): Promise<Page<OfferView>> {
  const page = await queryPage(offerListQuery(q, staff, now), pageLimit(q.limit), q.cursor, toStored);
  return { items: await toStaffViews(page.items, now), nextCursor: page.nextCursor };
}

/** What the expert sees of an offer: no staff ids, the agency's name instead. */
export type ExpertOfferView = Omit<Offer, 'history'> & {
  history: (Omit<OfferHistoryEntry, 'actor'> & { actor: Omit<RecordedActor, 'id'> })[];
};

function toExpertView(offer: Offer, now: Date): ExpertOfferView {
  const current = asOfNow(offer, now);
  return {
    ...current,
    history: current.history.map(({ actor, ...entry }) => ({
      ...entry,
      actor: { kind: actor.kind, ...(actor.agency ? { agency: actor.agency } : {}) },
    })),
  };
}

async function offersOfExpert(
  expertId: string,
  options: { sentOnly: boolean; limit: number; cursor?: string },
): Promise<{ offers: Offer[]; nextCursor: string | null }> {
  const page = await queryPage(
    {
      index: 'GSI1',
      partition: offerKeys.ofExpert(expertId),
      ...(options.sentOnly
        ? { filter: { expression: 'sent = :true', names: {}, values: { ':true': true } } }
        : {}),
      newestFirst: true,
    },
    options.limit,
    options.cursor,
    (item) => String(item.offerId),
  );
  const found = new Map(
    (page.items.length ? await batchGet(page.items.map(offerKeys.offer)) : []).map((item) => [
      String(item.id),
      toStored(item),
    ]),
  );
  const stored = page.items.map((id) => found.get(id)).filter((o) => o !== undefined);
  return { offers: await withNotes(stored), nextCursor: page.nextCursor };
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
  const current = await readStored(offerId);
  if (!current || current.expertId !== expertId || !isVisibleToExpert(current)) {
    throw new NotFound('Offer not found');
  }
  const effective = effectiveOfferStatus(current, now);
  if (effective !== 'sent') throw new Conflict(`The offer is ${effective}; it can no longer be answered`);
  const to = response.decision === 'accept' ? 'accepted' : 'declined';
  const note = response.note || undefined;
  const next = await writeTransition(current, to, recordedActor({ kind: 'expert', expertId }), now, {
    expertNote: note !== undefined,
    items: note
      ? [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...offerKeys.expertNote(expertId, offerId),
                type: 'offerNote',
                offerId,
                note,
                at: now.toISOString(),
              },
            },
          },
        ]
      : [],
  });
  const [withNote] = await withNotes([next]);
  return toExpertView(withNote, now);
}

/**
 * Records the expiry of every sent offer whose expiresAt has passed, reading only the due timers
 * (OFFER_EXPIRY, sorted by expiresAt). Safe to run concurrently and to repeat: an offer answered in
 * the meantime loses nothing (the transition is conditioned on its status). Returns the count.
 */
export async function expireDueOffers(now: Date): Promise<number> {
  let expired = 0;
  for await (const page of queryPages({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND SK <= :due',
    ExpressionAttributeValues: { ':pk': offerKeys.timerPartition, ':due': `${now.toISOString()}#\uffff` },
    Limit: 100,
  })) {
    for (const timer of page.Items ?? []) {
      const offer = await readStored(String(timer.offerId));
      if (offer?.status === 'sent') {
        try {
          await writeTransition(offer, 'expired', system, now);
          expired++;
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
        }
      } else {
        // A stale timer (its offer is gone or already left `sent`): nothing to expire.
        await dynamo.send(new DeleteCommand({ TableName: tableName, Key: { PK: timer.PK, SK: timer.SK } }));
      }
    }
  }
  return expired;
}
