/**
 * The expert aggregate: the profile item, its read models (expert-projections.ts), the unique
 * e-mail item, login tokens and sessions, all in the expert's own partition except the e-mail
 * key. Every change is one transaction with its conditions, so retries and races cannot leave
 * half a change behind.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { type Actor, recordedActor } from '../domain/actor.ts';
import { consentText } from '../domain/consent.ts';
import { Conflict, NotFound, ValidationFailed, VersionMismatch } from '../domain/errors.ts';
import {
  applyProfilePatch,
  type ConsentChoices,
  type ConsentRecord,
  type ExpertProfile,
  type ProfilePatch,
  profileRuleViolations,
  type Registration,
} from '../domain/expert.ts';
import { emailKeyHash, issueToken, readToken, sha256 } from '../domain/secret-token.ts';
import { loginMail, verificationMail } from '../mail/messages.ts';
import { auditPut } from './audit.ts';
import { batchDelete } from './batch.ts';
import { deleteCallResponsesOfExpert } from './call-responses.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { projectionWrites } from './expert-projections.ts';
import { keys, ttlAt } from './keys.ts';
import { outboxPut } from './outbox.ts';
import { queryPages } from './paged-query.ts';
import { consumeRateLimit } from './rate-limits.ts';

export const consentTextHash = sha256(JSON.stringify(consentText));

interface StoredExpert extends ExpertProfile {
  consentHistory: ConsentRecord[];
}

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
  'status',
  'consent',
  'createdAt',
  'updatedAt',
  'version',
] as const;

function toProfile(item: Record<string, unknown>): ExpertProfile {
  const profile: Record<string, unknown> = {};
  for (const field of profileFields) if (item[field] !== undefined) profile[field] = item[field];
  return profile as unknown as ExpertProfile;
}

async function readStored(expertId: string): Promise<StoredExpert | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.expert(expertId), ConsistentRead: true }),
  );
  return Item as StoredExpert | undefined;
}

export async function getExpert(expertId: string): Promise<ExpertProfile | undefined> {
  const stored = await readStored(expertId);
  return stored && toProfile(stored as unknown as Record<string, unknown>);
}

/** The profile and its consent history, from one read (data-subject export). */
export async function getExpertWithConsentHistory(
  expertId: string,
): Promise<{ profile: ExpertProfile; consentHistory: ConsentRecord[] } | undefined> {
  const stored = await readStored(expertId);
  return (
    stored && {
      profile: toProfile(stored as unknown as Record<string, unknown>),
      consentHistory: stored.consentHistory,
    }
  );
}

function profileItem(stored: StoredExpert) {
  return { ...keys.expert(stored.id), type: 'expert', ...stored };
}

function loginTokenPut(expertId: string, emailHash: string, hash: string, now: Date) {
  const expiresAt = new Date(now.getTime() + config().loginTokenTtlSeconds * 1000);
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.loginToken(expertId, hash),
        type: 'loginToken',
        emailHash,
        expiresAt: expiresAt.toISOString(),
        ttl: ttlAt(expiresAt),
      },
    },
  };
}

function newExpert(
  registration: Registration,
  status: ExpertProfile['status'],
  now: Date,
  id = randomUUID(),
) {
  const at = now.toISOString();
  const { consent: given, email, ...profile } = registration;
  const consent: ConsentRecord = {
    registry: true,
    shareWithAgencies: given.shareWithAgencies,
    collaborationCalls: given.collaborationCalls,
    publicDirectory: given.publicDirectory,
    textVersion: consentText.version,
    textHash: consentTextHash,
    at,
  };
  const stored: StoredExpert = {
    ...profile,
    academicTitle: profile.academicTitle ?? 'none',
    languages: profile.languages ?? [],
    id,
    email,
    status,
    consent,
    consentHistory: [consent],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { stored, emailItem: { ...keys.email(emailKeyHash(email)), type: 'email', expertId: id } };
}

/**
 * The items of an already verified expert (demo seed, bulk loads): for BatchWriteItem, where
 * the caller has made sure the e-mail is new.
 */
export function verifiedExpertItems(registration: Registration, now: Date): Record<string, unknown>[] {
  const { stored, emailItem } = newExpert(registration, 'active', now);
  const profile = toProfile(stored as unknown as Record<string, unknown>);
  return [
    emailItem,
    profileItem(stored),
    ...projectionWrites(profile).flatMap((w) => ('Put' in w && w.Put ? [w.Put.Item] : [])),
  ];
}

/** Unverified registrations are kept this long, then DynamoDB's TTL erases them. */
const pendingRegistrationDays = 7;

/**
 * Self-registration: one conditional PutItem of the e-mail key holding the registration until
 * the address is verified. Its stream INSERT is the outbox event: `mailVerificationLink` runs
 * on it after the write commits. A known address gets a login link instead, and the caller
 * cannot tell which (no enumeration).
 */
export async function registerExpert(registration: Registration, now: Date): Promise<'created' | 'existing'> {
  if (registration.consent.textVersion !== consentText.version) {
    throw new ValidationFailed('The consent text has changed; reload the form and read it again', [
      { path: 'consent.textVersion', message: `The current version is ${consentText.version}` },
    ]);
  }
  const violations = profileRuleViolations(registration);
  if (violations.length) throw new ValidationFailed('Invalid body', violations);
  const { stored, emailItem } = newExpert(registration, 'pending_verification', now);
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...emailItem,
          pending: stored,
          ttl: ttlAt(new Date(now.getTime() + pendingRegistrationDays * 86_400_000)),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return 'created';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  await sendLoginLink(stored.email, now, { rateLimited: false });
  return 'existing';
}

/**
 * The verification mail of a new registration, run from the stream after the registration
 * committed. The mail id is derived from the expert id, so a redelivered record adds no
 * second mail. Returns false when there is nothing (left) to verify.
 */
export async function mailVerificationLink(emailHash: string, now: Date): Promise<boolean> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.email(emailHash), ConsistentRead: true }),
  );
  const pending = Item?.pending as StoredExpert | undefined;
  if (!pending) return false;
  const token = issueToken(pending.id);
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          loginTokenPut(pending.id, emailHash, token.hash, now),
          outboxPut(
            verificationMail(pending.email, pending.fullName, config().appUrl, token.token),
            now,
            `verify-${pending.id}`,
          ),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.includes(1)) return false; // already mailed
    throw error;
  }
}

/**
 * Mails a login link if the address is registered (a verification link while it is still
 * pending). Rate-limited per address whether or not it is registered, so the limit reveals
 * nothing either.
 */
export async function sendLoginLink(
  email: string,
  now: Date,
  options = { rateLimited: true },
): Promise<void> {
  const emailHash = emailKeyHash(email);
  if (options.rateLimited)
    await consumeRateLimit('login-link', emailHash, config().loginLinksPerHour, 3600, now);
  const { Item } = await dynamo.send(new GetCommand({ TableName: tableName, Key: keys.email(emailHash) }));
  if (!Item) return;
  const pending = Item.pending as StoredExpert | undefined;
  const stored = pending ?? (await readStored(Item.expertId as string));
  if (!stored) return;
  const token = issueToken(stored.id);
  const mail = pending
    ? verificationMail(stored.email, stored.fullName, config().appUrl, token.token)
    : loginMail(stored.email, stored.fullName, config().appUrl, token.token);
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [loginTokenPut(stored.id, emailHash, token.hash, now), outboxPut(mail, now)],
    }),
  );
}

/**
 * The first use of a verification link: the pending registration becomes an active profile,
 * with its read models, in one transaction; a concurrent activation simply wins.
 */
async function activatePendingRegistration(
  expertId: string,
  emailHash: string,
  now: Date,
): Promise<ExpertProfile | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.email(emailHash), ConsistentRead: true }),
  );
  const pending = Item?.pending as StoredExpert | undefined;
  if (!pending || pending.id !== expertId) return getExpert(expertId);
  const stored: StoredExpert = { ...pending, status: 'active', updatedAt: now.toISOString() };
  const profile = toProfile(stored as unknown as Record<string, unknown>);
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
    return profile;
  } catch (error) {
    if (cancelledConditions(error) === null && !isTransactionConflict(error)) throw error;
    return getExpert(expertId);
  }
}

export interface OpenedSession {
  sessionToken: string;
  expiresAt: string;
  expert: ExpertProfile;
}

/**
 * Exchanges a login token (single use, 24 h) for a session. The first use of a verification
 * link verifies the e-mail and activates the profile. Returns null for an unknown, used or expired token.
 */
export async function openSession(token: string, now: Date): Promise<OpenedSession | null> {
  const parsed = readToken(token);
  if (!parsed) return null;
  let used: Record<string, unknown> | undefined;
  try {
    const result = await dynamo.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.loginToken(parsed.expertId, parsed.hash),
        ConditionExpression: 'attribute_exists(PK)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    used = result.Attributes;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return null;
    throw error;
  }
  if (!used || String(used.expiresAt) <= now.toISOString()) return null;

  const expert =
    (await getExpert(parsed.expertId)) ??
    (await activatePendingRegistration(parsed.expertId, String(used.emailHash ?? ''), now));
  if (!expert) return null;
  const session = issueToken(parsed.expertId);
  const expiresAt = new Date(now.getTime() + config().sessionTtlSeconds * 1000);
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.session(parsed.expertId, session.hash),
        type: 'session',
        expiresAt: expiresAt.toISOString(),
        ttl: ttlAt(expiresAt),
      },
    }),
  );
  return { sessionToken: session.token, expiresAt: expiresAt.toISOString(), expert };
}

/** The expert id a session token belongs to, or null if unknown or expired. */
export async function verifyExpertSession(token: string): Promise<string | null> {
  const parsed = readToken(token);
  if (!parsed) return null;
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.session(parsed.expertId, parsed.hash) }),
  );
  if (!Item || String(Item.expiresAt) <= new Date().toISOString()) return null;
  return parsed.expertId;
}

type ProfileChange = (current: StoredExpert) => Partial<StoredExpert>;

/**
 * Optimistic read-modify-write of a profile and its read models in one transaction, conditioned
 * on the version read. With `expectedVersion` (a PATCH's If-Match) a stale version is a 412;
 * without it (consent, activation) a lost race is retried on the fresh profile.
 */
async function changeProfile(
  expertId: string,
  now: Date,
  change: ProfileChange,
  options: { expectedVersion?: number; audit?: (p: StoredExpert) => Parameters<typeof auditPut>[0] } = {},
): Promise<ExpertProfile> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await readStored(expertId);
    if (!current) throw new NotFound('Profile not found');
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      throw new VersionMismatch();
    }
    const next: StoredExpert = {
      ...current,
      ...change(current),
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const profile = toProfile(next as unknown as Record<string, unknown>);
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
            ...(options.audit ? [auditPut(options.audit(next))] : []),
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

export function updateExpertProfile(
  expertId: string,
  patch: ProfilePatch,
  expectedVersion: number,
  now: Date,
): Promise<ExpertProfile> {
  return changeProfile(
    expertId,
    now,
    (current) => {
      const next = applyProfilePatch(current, patch);
      const violations = profileRuleViolations(next);
      if (violations.length) throw new ValidationFailed('Invalid body', violations);
      return next;
    },
    { expectedVersion },
  );
}

/** Consent changes take effect at once: the read models are rewritten in the same transaction. */
export function changeConsent(expertId: string, choices: ConsentChoices, now: Date): Promise<ExpertProfile> {
  const at = now.toISOString();
  const consent: ConsentRecord = {
    registry: true,
    ...choices,
    textVersion: consentText.version,
    textHash: consentTextHash,
    at,
  };
  return changeProfile(
    expertId,
    now,
    (current) => ({ consent, consentHistory: [...current.consentHistory, consent] }),
    {
      audit: () => ({
        at,
        action: 'consent.changed',
        actor: recordedActor({ kind: 'expert', expertId }),
        target: `expert:${expertId}`,
        detail: { ...choices, textVersion: consentText.version },
      }),
    },
  );
}

/**
 * Erasure: the profile, its read models, the e-mail key, tokens and sessions are deleted; what
 * remains is a tombstone with the id and the time. Safe to repeat after a partial failure.
 */
export async function eraseExpert(expertId: string, actor: Actor, now: Date): Promise<void> {
  const stored = await readStored(expertId);
  const at = now.toISOString();
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
                Item: { ...keys.tombstone(expertId), type: 'tombstone', deletedAt: at },
              },
            },
            ...projectionWrites({
              ...toProfile(stored as unknown as Record<string, unknown>),
              status: 'withdrawn',
            }),
            auditPut({
              at,
              action: 'profile.deleted',
              actor: recordedActor(actor),
              target: `expert:${expertId}`,
            }),
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
  await deleteCallResponsesOfExpert(expertId);
}

export async function isErased(expertId: string): Promise<boolean> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: tableName, Key: keys.tombstone(expertId) }));
  return !!Item;
}
