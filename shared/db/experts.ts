/**
 * The expert aggregate: the profile item, its read models (expert-projections.ts), the unique
 * e-mail item, login tokens and sessions, all in the expert's own partition except the e-mail
 * key. Every change is one transaction with its conditions, so retries and races cannot leave
 * half a change behind. The rules (what a registration, a patch or a consent may be) are the
 * services' (shared/app/registration.ts, sessions.ts, self-service.ts).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { Conflict, NotFound, VersionMismatch } from '../domain/errors.ts';
import type { ExpertProfile, Registration } from '../domain/expert.ts';
import { type ExpertRecord, newExpertRecord } from '../domain/expert-record.ts';
import { emailKeyHash } from '../domain/secret-token.ts';
import { batchDelete, batchGet, type ItemKey } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { projectionWrites, searchChangeItemType } from './expert-projections.ts';
import { pick } from './items.ts';
import { keys, ttlAt } from './keys.ts';
import { queryPages } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

const profileFields = [
  'id',
  'fullName',
  'email',
  'phone',
  'birthYear',
  'gender',
  'highestDegree',
  'academicTitle',
  'fields',
  'location',
  'nativeOfProvince',
  'hometown',
  'employer',
  'yearsExperience',
  'languages',
  'publications',
  'patents',
  'engagement',
  'bio',
  'leadershipPost',
  'abroadSixMonths',
  'status',
  'consent',
  'createdAt',
  'updatedAt',
  'version',
] as const;

const toProfile = (item: object): ExpertProfile =>
  pick<ExpertProfile>(item as Record<string, unknown>, profileFields);

async function readStored(expertId: string): Promise<ExpertRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.expert(expertId), ConsistentRead: true }),
  );
  return Item as ExpertRecord | undefined;
}

export async function getExpert(expertId: string): Promise<ExpertProfile | undefined> {
  const stored = await readStored(expertId);
  return stored && toProfile(stored);
}

/** The profile and its consent history, from one read (data-subject export). */
export async function getExpertWithConsentHistory(
  expertId: string,
): Promise<{ profile: ExpertProfile; consentHistory: ExpertRecord['consentHistory'] } | undefined> {
  const stored = await readStored(expertId);
  return stored && { profile: toProfile(stored), consentHistory: stored.consentHistory };
}

/** The profiles of these experts that exist, by id. */
export async function getExperts(expertIds: readonly string[]): Promise<Map<string, ExpertProfile>> {
  const items = await batchGet(expertIds.map((id) => keys.expert(id)));
  return new Map(items.map((item) => [item.id as string, toProfile(item)]));
}

function profileItem(stored: ExpertRecord) {
  return { ...keys.expert(stored.id), type: 'expert', ...stored };
}

const emailItem = (record: ExpertRecord) => ({
  ...keys.email(emailKeyHash(record.email)),
  type: 'email',
  expertId: record.id,
});

/**
 * The items of an already verified expert (demo seed, bulk loads): for BatchWriteItem, where
 * the caller has made sure the e-mail is new.
 */
export function verifiedExpertItems(registration: Registration, now: Date): Record<string, unknown>[] {
  const record = newExpertRecord(registration, 'active', randomUUID(), now.toISOString());
  return [
    emailItem(record),
    profileItem(record),
    // A bulk load is followed by a snapshot rebuild, not replayed from the change log.
    ...projectionWrites(toProfile(record)).flatMap((w) =>
      'Put' in w && w.Put && w.Put.Item.type !== searchChangeItemType ? [w.Put.Item] : [],
    ),
  ];
}

/** Unverified registrations are kept this long, then DynamoDB's TTL erases them. */
const pendingRegistrationDays = 7;

/**
 * One conditional PutItem of the e-mail key holding the registration until the address is
 * verified. False if the address is known already (registered or pending).
 */
export async function putPendingRegistration(record: ExpertRecord, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...emailItem(record),
          pending: record,
          ttl: ttlAt(new Date(now.getTime() + pendingRegistrationDays * 86_400_000)),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function getPendingRegistration(emailHash: string): Promise<ExpertRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.email(emailHash), ConsistentRead: true }),
  );
  return Item?.pending as ExpertRecord | undefined;
}

/** Whom a login link for this address goes to: the pending registration, or the profile. */
export interface LoginTarget {
  expert: ExpertRecord;
  pending: boolean;
}

export async function findLoginTarget(emailHash: string): Promise<LoginTarget | undefined> {
  // Consistent: it is read right after a registration's put (re-registration, retried records).
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.email(emailHash), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const pending = Item.pending as ExpertRecord | undefined;
  const expert = pending ?? (await readStored(Item.expertId as string));
  return expert && { expert, pending: !!pending };
}

/**
 * An expired login token stays this long before DynamoDB's TTL erases it, so its page can still
 * ask for a fresh link to the same address and the same page (renewLoginLink).
 */
const renewableDays = 30;

/** What a login token's item holds besides its key. */
function loginTokenAttributes(emailHash: string, expiresAt: Date, returnTo: string | undefined) {
  return {
    type: 'loginToken',
    emailHash,
    expiresAt: expiresAt.toISOString(),
    ...(returnTo ? { returnTo } : {}),
    ttl: ttlAt(new Date(expiresAt.getTime() + renewableDays * 86_400_000)),
  };
}

/**
 * The item of a sign-in link inside a mail about an offer or a call (written beside the mail):
 * only its hash, in the expert's partition. `kind: 'mail-link'` keeps it from being replaced by
 * the next login link the expert asks for: the mail still lands on its page.
 */
export function mailLinkTokenItem(
  token: { expertId: string; emailHash: string; hash: string; returnTo: string },
  expiresAt: Date,
): Record<string, unknown> {
  return {
    ...keys.loginToken(token.expertId, token.hash),
    ...loginTokenAttributes(token.emailHash, expiresAt, token.returnTo),
    kind: 'mail-link',
  };
}

/** The same item as a Put of a mail's transaction. */
export const mailLinkTokenPut = (item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: tableName, Item: item },
});

/**
 * A login token (only its hash) with the mail that carries it, in one transaction. False if the
 * mail was queued already (its id is the same for a repeated verification).
 */
export async function saveLoginToken(
  token: { expertId: string; emailHash: string; hash: string; returnTo?: string },
  now: Date,
  mailPut: TransactItem,
  options: { replaceOlder: boolean } = { replaceOlder: true },
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + config().loginTokenTtlSeconds * 1000);
  // A new link makes the older unused ones invalid: they go in the same transaction, so a
  // cancelled one (the mail was queued already) leaves the link that was mailed working.
  // Links inside offer and call mails are not login links the expert asked for: they stay.
  const older = options.replaceOlder
    ? await itemKeysOf(token.expertId, 'LOGIN#', { except: 'mail-link' })
    : [];
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          ...older.map((key) => ({ Delete: { TableName: tableName, Key: key } })),
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.loginToken(token.expertId, token.hash),
                ...loginTokenAttributes(token.emailHash, expiresAt, token.returnTo),
              },
            },
          },
          mailPut,
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.includes(older.length + 1)) return false;
    throw error;
  }
}

/**
 * Keys of the items of one kind in the expert's partition (login tokens, sessions). Each new
 * login link deletes the older ones, so there are few; sessions last 30 days at most (TTL).
 */
async function itemKeysOf(
  expertId: string,
  prefix: 'LOGIN#' | 'SESSION#' | 'EMAILCHANGE#',
  options: { except?: string } = {},
): Promise<ItemKey[]> {
  const found: ItemKey[] = [];
  for await (const page of queryPages({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.expertPartition(expertId), ':prefix': prefix },
    ProjectionExpression: 'PK, SK, kind',
    ConsistentRead: true,
  })) {
    for (const item of page.Items ?? []) {
      if (options.except && item.kind === options.except) continue;
      found.push({ PK: String(item.PK), SK: String(item.SK) });
    }
  }
  return found;
}

export interface LoginTokenUse {
  emailHash: string;
  /** The page the link was mailed for, if any. */
  returnTo?: string;
}

/**
 * Deletes a login token (single use) if it has not expired, and returns what it held: `used`
 * when there was none (never issued, used already, or long gone), `expired` when it is past its
 * time (it stays, so its page can ask for a fresh one).
 */
export async function consumeLoginToken(
  expertId: string,
  hash: string,
  now: Date,
): Promise<LoginTokenUse | 'used' | 'expired'> {
  try {
    const { Attributes } = await dynamo.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.loginToken(expertId, hash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': now.toISOString() },
        ReturnValues: 'ALL_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return Attributes ? tokenUse(Attributes) : 'used';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return (error as { Item?: unknown }).Item ? 'expired' : 'used';
  }
}

const tokenUse = (item: Record<string, unknown>): LoginTokenUse => ({
  emailHash: String(item.emailHash ?? ''),
  ...(typeof item.returnTo === 'string' ? { returnTo: item.returnTo } : {}),
});

/** An expired login token, read to renew it; undefined if there is none or it is still valid. */
export async function getExpiredLoginToken(
  expertId: string,
  hash: string,
  now: Date,
): Promise<LoginTokenUse | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.loginToken(expertId, hash), ConsistentRead: true }),
  );
  return Item && String(Item.expiresAt) <= now.toISOString() ? tokenUse(Item) : undefined;
}

/** Deletes an expired login token once it has been renewed: false if another renewal took it. */
export async function deleteExpiredLoginToken(expertId: string, hash: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.loginToken(expertId, hash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt <= :now',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * The pending registration becomes an active profile, with its read models, in one transaction;
 * a concurrent activation simply wins (`activated` is false, the profile is the winner's).
 */
export async function activatePendingRegistration(
  expertId: string,
  emailHash: string,
  now: Date,
): Promise<{ expert: ExpertProfile | undefined; activated: boolean }> {
  const pending = await getPendingRegistration(emailHash);
  if (!pending || pending.id !== expertId) return { expert: await getExpert(expertId), activated: false };
  const stored: ExpertRecord = { ...pending, status: 'active', updatedAt: now.toISOString() };
  const profile = toProfile(stored);
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: profileItem(stored),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.email(emailHash),
              UpdateExpression: 'REMOVE pending, #ttl',
              ConditionExpression: 'expertId = :id AND attribute_exists(pending)',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':id': expertId },
            },
          },
          ...projectionWrites(profile),
        ],
      }),
    );
    return { expert: profile, activated: true };
  } catch (error) {
    if (cancelledConditions(error) === null && !isTransactionConflict(error)) throw error;
    return { expert: await getExpert(expertId), activated: false };
  }
}

export async function putSession(expertId: string, hash: string, expiresAt: Date): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.session(expertId, hash),
        type: 'session',
        expiresAt: expiresAt.toISOString(),
        ttl: ttlAt(expiresAt),
      },
    }),
  );
}

export async function getSession(expertId: string, hash: string): Promise<{ expiresAt: string } | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.session(expertId, hash) }),
  );
  return Item && { expiresAt: String(Item.expiresAt) };
}

/**
 * The item behind one unsubscribe link (written beside the mail that carries it, outbox.ts):
 * only the token's hash, in the expert's partition, so erasure takes it too.
 */
export function unsubscribeTokenItem(expertId: string, hash: string, expiresAt: Date) {
  return {
    ...keys.unsubscribeToken(expertId, hash),
    type: 'unsubscribeToken',
    expiresAt: expiresAt.toISOString(),
    ttl: ttlAt(expiresAt),
  };
}

export async function getUnsubscribeToken(
  expertId: string,
  hash: string,
): Promise<{ expiresAt: string } | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.unsubscribeToken(expertId, hash) }),
  );
  return Item && { expiresAt: String(Item.expiresAt) };
}

/** Ends one session (a no-op if it is gone already). */
export async function deleteSession(expertId: string, hash: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: tableName, Key: keys.session(expertId, hash) }));
}

/** Ends every session of the expert ("sign out everywhere"). */
export async function deleteAllSessions(expertId: string): Promise<void> {
  await batchDelete(await itemKeysOf(expertId, 'SESSION#'));
}

/**
 * Optimistic read-modify-write of a profile and its read models in one transaction, conditioned
 * on the version read; `change` (the service's rules) may throw. With `expectedVersion` (a
 * PATCH's If-Match) a stale version is a 412; without it (consent) a lost race is retried on the
 * fresh profile.
 */
export async function changeProfile(
  expertId: string,
  now: Date,
  change: (current: ExpertRecord) => Partial<ExpertRecord>,
  options: { expectedVersion?: number; extraWrites?: (next: ExpertRecord) => TransactItem[] } = {},
): Promise<ExpertProfile> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await readStored(expertId);
    if (!current) throw new NotFound('Profile not found');
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      throw new VersionMismatch();
    }
    const next: ExpertRecord = {
      ...current,
      ...change(current),
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const profile = toProfile(next);
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: profileItem(next),
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': current.version },
              },
            },
            ...projectionWrites(profile),
            ...(options.extraWrites?.(next) ?? []),
          ],
        }),
      );
      return profile;
    } catch (error) {
      const lostRace = cancelledConditions(error)?.includes(0) || isTransactionConflict(error);
      if (!lostRace) throw error;
      if (options.expectedVersion !== undefined) throw new VersionMismatch();
    }
  }
  throw new Conflict('The profile is being changed elsewhere; try again');
}

/** A requested change of address, until its confirmation link is used (only the token's hash is kept). */
export function emailChangeTokenPut(
  token: { expertId: string; hash: string; newEmail: string },
  expiresAt: Date,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.emailChangeToken(token.expertId, token.hash),
        type: 'emailChangeToken',
        newEmail: token.newEmail,
        expiresAt: expiresAt.toISOString(),
        ttl: ttlAt(expiresAt),
      },
    },
  };
}

/**
 * A change request with its mails and audit event, in one transaction; the expert's older unused
 * requests are deleted in it (only the newest confirmation link works).
 */
export async function saveEmailChangeRequest(expertId: string, writes: TransactItem[]): Promise<void> {
  const older = await itemKeysOf(expertId, 'EMAILCHANGE#');
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [...older.map((key) => ({ Delete: { TableName: tableName, Key: key } })), ...writes],
    }),
  );
}

export async function getEmailChangeToken(
  expertId: string,
  hash: string,
): Promise<{ newEmail: string; expiresAt: string } | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.emailChangeToken(expertId, hash),
      ConsistentRead: true,
    }),
  );
  return Item && { newEmail: String(Item.newEmail), expiresAt: String(Item.expiresAt) };
}

/** Whether an address is held by a profile or a pending registration. */
export async function isEmailTaken(emailHash: string): Promise<boolean> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.email(emailHash),
      ConsistentRead: true,
      ProjectionExpression: 'PK',
    }),
  );
  return !!Item;
}

/**
 * The confirmed change of address, in one transaction: the change token is used up (it must be
 * unexpired and name this address), the new address's unique e-mail item is created (it must be
 * free: the same condition a registration meets), the old one deleted, the profile and its read
 * models rewritten, with `extraWrites` (audit, the notice to the old address). A lost race with
 * another profile change is retried on the fresh profile.
 */
export async function changeEmail(
  expertId: string,
  tokenHash: string,
  newEmail: string,
  now: Date,
  extraWrites: (previous: ExpertProfile) => TransactItem[],
): Promise<ExpertProfile | 'invalid' | 'taken'> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await readStored(expertId);
    if (!current) return 'invalid';
    const next: ExpertRecord = {
      ...current,
      email: newEmail,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const profile = toProfile(next);
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: tableName,
                Key: keys.emailChangeToken(expertId, tokenHash),
                ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now AND newEmail = :email',
                ExpressionAttributeValues: { ':now': now.toISOString(), ':email': newEmail },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: emailItem(next),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Delete: {
                TableName: tableName,
                Key: keys.email(emailKeyHash(current.email)),
                ConditionExpression: 'expertId = :id',
                ExpressionAttributeValues: { ':id': expertId },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: profileItem(next),
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': current.version },
              },
            },
            ...projectionWrites(profile),
            ...extraWrites(toProfile(current)),
          ],
        }),
      );
      return profile;
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed?.includes(0)) return 'invalid';
      if (failed?.includes(1)) return 'taken';
      if (!failed?.includes(3) && !isTransactionConflict(error)) throw error;
    }
  }
  throw new Conflict('The profile is being changed elsewhere; try again');
}

/** Every login token of the expert (after a change of address, the links mailed to the old one). */
export async function deleteLoginTokens(expertId: string): Promise<void> {
  await batchDelete(await itemKeysOf(expertId, 'LOGIN#'));
}

/**
 * Erasure of the expert's partition: the profile, its read models, the e-mail key, tokens and
 * sessions are deleted, with `extraWrites` (the audit event) in the profile's transaction; what
 * remains is a tombstone with the id and the time. Safe to repeat after a partial failure.
 */
export async function eraseExpert(expertId: string, now: Date, extraWrites: TransactItem[]): Promise<void> {
  const stored = await readStored(expertId);
  if (stored) {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: tableName,
                Key: keys.expert(expertId),
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': stored.version },
              },
            },
            { Delete: { TableName: tableName, Key: keys.email(emailKeyHash(stored.email)) } },
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.tombstone(expertId), type: 'tombstone', deletedAt: now.toISOString() },
              },
            },
            ...projectionWrites({ ...toProfile(stored), status: 'withdrawn' }),
            ...extraWrites,
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.includes(0) || isTransactionConflict(error)) {
        throw new Conflict('The profile changed while it was being deleted; try again');
      }
      throw error;
    }
  }
  // Tokens and sessions: whatever is left in the partition except the tombstone.
  for await (const page of queryPages({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.expertPartition(expertId) },
    ProjectionExpression: 'PK, SK',
  })) {
    const doomed = (page.Items ?? []).filter((item) => item.SK !== 'TOMBSTONE');
    await batchDelete(doomed.map((item) => ({ PK: item.PK, SK: item.SK })));
  }
}

export async function isErased(expertId: string): Promise<boolean> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: tableName, Key: keys.tombstone(expertId) }));
  return !!Item;
}
