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
 * Every transition is one transaction conditioned on the version and status read, with its timer
 * change and what the service adds (the audit event, the expert's mail in the outbox): two
 * concurrent transitions never both win.
 */
import { DeleteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordedActor } from '../domain/actor.ts';
import { Conflict } from '../domain/errors.ts';
import { type ExpertSummary, expertSummaryFields } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import type {
  Offer,
  OfferExpertState,
  OfferHistoryEntry,
  OfferListQuery,
  OfferView,
} from '../domain/offer.ts';
import type { OfferStatus } from '../domain/offer-states.ts';
import { batchGet } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { pick, pickOrNull } from './items.ts';
import { keys } from './keys.ts';
import { type IndexQuery, queryPage, queryPages } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

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
/** An offer as read, before the expert's notes are joined in (withNotes). */
export type StoredOffer = Omit<Offer, 'history'> & { history: StoredHistoryEntry[] };

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

const toStored = (item: Record<string, unknown>): StoredOffer => pickOrNull<StoredOffer>(item, offerFields);

const offerItem = (offer: StoredOffer) => ({
  ...offerKeys.offer(offer.id),
  GSI1PK: offerKeys.ofAgency(offer.agency),
  GSI1SK: `${offer.createdAt}#${offer.id}`,
  GSI2PK: offerKeys.all,
  GSI2SK: `${offer.createdAt}#${offer.id}`,
  type: 'offer',
  ...offer,
});

export async function getOffer(id: string): Promise<StoredOffer | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: offerKeys.offer(id), ConsistentRead: true }),
  );
  return Item && toStored(Item);
}

/** Expert notes joined into the histories; the storage-only flag removed. */
export async function withNotes(offers: StoredOffer[]): Promise<Offer[]> {
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

/**
 * Staff views: the expert's summary joined at read time (null once hidden or erased), and the
 * expert's notes.
 */
export async function withExperts(offers: StoredOffer[]): Promise<OfferView[]> {
  const expertIds = [...new Set(offers.map((o) => o.expertId))];
  const items = expertIds.length
    ? await batchGet(expertIds.flatMap((id) => [keys.listing(id), keys.tombstone(id)]))
    : [];
  const summaries = new Map<string, ExpertSummary>();
  const erased = new Set<string>();
  for (const item of items) {
    if (item.SK === 'LISTING') summaries.set(String(item.id), pick<ExpertSummary>(item, expertSummaryFields));
    if (item.SK === 'TOMBSTONE') erased.add(String(item.PK).slice('EXPERT#'.length));
  }
  const state = (id: string): OfferExpertState =>
    summaries.has(id) ? 'shared' : erased.has(id) ? 'erased' : 'not_shared';
  return (await withNotes(offers)).map((offer) => ({
    ...offer,
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
 * expert's note in their own partition, and the service's `writes` (the audit event, the mail).
 * Whether the transition is allowed is the service's to say (domain/offer-states.ts).
 */
export async function recordOfferTransition(
  current: StoredOffer,
  to: OfferStatus,
  actor: RecordedActor,
  now: Date,
  extras: { note?: string; expertNote?: string; writes?: TransactItem[] } = {},
): Promise<StoredOffer> {
  const at = now.toISOString();
  const entry: StoredHistoryEntry = {
    from: current.status,
    to,
    at,
    actor,
    ...(extras.note ? { note: extras.note } : {}),
    ...(extras.expertNote !== undefined ? { expertNote: true } : {}),
  };
  const next: StoredOffer = {
    ...current,
    status: to,
    history: [...current.history, entry],
    sentAt: to === 'sent' ? at : current.sentAt,
    updatedAt: at,
    version: current.version + 1,
  };
  const items: TransactItem[] = [
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
    ...(extras.writes ?? []),
    ...(extras.expertNote !== undefined
      ? [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...offerKeys.expertNote(current.expertId, current.id),
                type: 'offerNote',
                offerId: current.id,
                note: extras.expertNote,
                at,
              },
            },
          },
        ]
      : []),
  ];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    transitionError(error);
  }
  return next;
}

/** A new draft, with its pointer under the expert and `extraWrites` (the audit event). */
export async function putNewOffer(offer: Offer, extraWrites: TransactItem[]): Promise<void> {
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
        ...extraWrites,
      ],
    }),
  );
}

function offerListQuery(q: OfferListQuery, agency: string | null, now: Date): IndexQuery {
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
  const partition = agency === null ? offerKeys.all : offerKeys.ofAgency(agency);
  return {
    index: agency === null ? 'GSI2' : 'GSI1',
    partition,
    ...(clauses.length ? { filter: { expression: clauses.join(' AND '), names, values } } : {}),
    newestFirst: true,
  };
}

/** A page of one agency's offers (null: every agency's), newest first. */
export async function queryOffers(
  q: OfferListQuery,
  agency: string | null,
  now: Date,
): Promise<Page<StoredOffer>> {
  const { items, nextCursor } = await queryPage(
    offerListQuery(q, agency, now),
    pageLimit(q.limit),
    q.cursor,
    toStored,
  );
  return { items, nextCursor };
}

/** The offers that name the expert (with `sentOnly`, those sent), newest first, notes joined. */
export async function offersOfExpert(
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

/** The expiry timers due by now, page after page (OFFER_EXPIRY, sorted by expiresAt): no scan. */
export async function* dueOfferTimers(
  now: Date,
): AsyncGenerator<{ PK: string; SK: string; offerId: string }> {
  for await (const page of queryPages({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND SK <= :due',
    ExpressionAttributeValues: { ':pk': offerKeys.timerPartition, ':due': `${now.toISOString()}#\uffff` },
    Limit: 100,
  })) {
    for (const timer of page.Items ?? []) {
      yield { PK: String(timer.PK), SK: String(timer.SK), offerId: String(timer.offerId) };
    }
  }
}

export async function deleteOfferTimer(timer: { PK: string; SK: string }): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: tableName, Key: { PK: timer.PK, SK: timer.SK } }));
}
