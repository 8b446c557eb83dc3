/**
 * The duplicates queue (administrators): pairs proposed by an import's commit (its dry run found
 * them) and by a registration whose person looks like a roster entry; each is merged (the kept
 * record takes the chosen values, the other stops being a person of its own, the replaced values
 * kept on the pair) or marked distinct (never proposed again). Both are audited.
 */
import { auditPut, recordAudit } from '../db/audit.ts';
import {
  asResolveConflict,
  getPair,
  listPairs,
  proposePairs,
  resolveInTransaction,
  resolvePairWrite,
} from '../db/duplicates.ts';
import { changeProfile, getExperts } from '../db/experts.ts';
import type { StoredRow } from '../db/imports.ts';
import {
  entriesNamed,
  entryReplaceWrite,
  entryRetireWrite,
  getEntries,
  personFields,
  type RosterEntry,
} from '../db/roster.ts';
import type { StaffActor } from '../domain/actor.ts';
import { recordedActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import {
  type DuplicatePair,
  type DuplicateRecordView,
  type DuplicatesQuery,
  type DuplicateView,
  duplicatePairId,
  duplicateView,
  likelyKeys,
  type MergeDuplicate,
  mergedValues,
  orderPair,
  type RecordRef,
  refText,
} from '../domain/duplicates.ts';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.ts';
import type { ExpertProfile } from '../domain/expert.ts';
import { type RosterPerson, rosterContentHash } from '../domain/roster.ts';

function newPair(
  x: RecordRef,
  y: RecordRef,
  reason: DuplicatePair['reason'],
  detectedBy: DuplicatePair['detectedBy'],
  now: Date,
): DuplicatePair {
  const [a, b] = orderPair(x, y);
  return {
    id: duplicatePairId(a, b),
    a: { kind: a.kind, id: a.id },
    b: { kind: b.kind, id: b.id },
    reason,
    status: 'open',
    detectedBy,
    createdAt: now.toISOString(),
    version: 1,
  };
}

/** The commit's page: each written `duplicate?` row with the record it may be. */
export async function proposeImportDuplicates(importId: string, rows: readonly StoredRow[], now: Date) {
  const pairs = rows.flatMap((r) =>
    r.duplicateOf && r.entryId && !(r.duplicateOf.kind === 'roster' && r.duplicateOf.id === r.entryId)
      ? [
          newPair(
            { kind: 'roster', id: r.entryId },
            r.duplicateOf,
            r.duplicateOf.code,
            { source: 'import', importId, row: r.row },
            now,
          ),
        ]
      : [],
  );
  return proposePairs(pairs);
}

/**
 * A verified registration: the entry with its address was claimed already (certain); entries
 * with the same folded name and birth year, or name, employer and field group, are proposed.
 */
export async function proposeDuplicatesOfExpert(expert: ExpertProfile, now: Date): Promise<number> {
  const mine = new Map(likelyKeys(expert).map((k) => [k.key, k.code]));
  const pairs: DuplicatePair[] = [];
  for (const entry of await entriesNamed(expert.fullName)) {
    if (entry.ref.kind === 'expert') continue; // already someone's own profile
    const shared = likelyKeys(entry).find((k) => mine.has(k.key));
    if (!shared) continue;
    pairs.push(
      newPair({ kind: 'expert', id: expert.id }, entry.ref, shared.code, { source: 'registration' }, now),
    );
  }
  return proposePairs(pairs);
}

/* ---------------------------------------------------------------------------------------------- */
/* The queue                                                                                       */

interface Records {
  entries: Map<string, RosterEntry>;
  experts: Map<string, ExpertProfile>;
}

async function readRecords(pairs: readonly DuplicatePair[]): Promise<Records> {
  const refs = pairs.flatMap((p) => [p.a, p.b]);
  const ids = (kind: RecordRef['kind']) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const [entries, experts] = await Promise.all([getEntries(ids('roster')), getExperts(ids('expert'))]);
  return { entries: new Map(entries.map((e) => [e.id, e])), experts };
}

function recordView(ref: RecordRef, records: Records, contacts: boolean): DuplicateRecordView {
  const found: Record<string, unknown> | undefined =
    ref.kind === 'roster'
      ? (records.entries.get(ref.id) as Record<string, unknown> | undefined)
      : (records.experts.get(ref.id) as unknown as Record<string, unknown> | undefined);
  if (!found) return { kind: ref.kind, id: ref.id, exists: false };
  const view: Record<string, unknown> = { kind: ref.kind, id: ref.id, exists: true };
  for (const f of personFields) {
    if (!contacts && (f === 'email' || f === 'phone')) continue;
    if (found[f] !== undefined) view[f] = found[f];
  }
  if (view.location) {
    const { kind, country, city } = view.location as { kind: string; country: string; city?: string };
    view.location = { kind, country, ...(city ? { city } : {}) };
  }
  if (view.employer) {
    const { name, sector } = view.employer as { name?: string; sector?: string };
    view.employer = { ...(name ? { name } : {}), ...(sector ? { sector } : {}) };
  }
  for (const f of ['source', 'importId', 'row', 'status'] as const) {
    if (found[f] !== undefined) view[f] = found[f];
  }
  return view as DuplicateRecordView;
}

/** The queue, oldest first; both records side by side, without contacts. */
export async function listDuplicates(query: DuplicatesQuery) {
  const page = await listPairs(query.status ?? 'open', Number(query.limit ?? 20), query.cursor);
  const records = await readRecords(page.items);
  return {
    items: page.items.map((p) =>
      duplicateView(p, recordView(p.a, records, false), recordView(p.b, records, false)),
    ),
    nextCursor: page.nextCursor,
  };
}

async function readPair(id: string): Promise<DuplicatePair> {
  const pair = await getPair(id);
  if (!pair) throw new NotFound('Duplicate pair not found');
  return pair;
}

/** One pair with both full records (contacts included): audited as a read of each profile. */
export async function readDuplicate(id: string, actor: StaffActor, now: Date): Promise<DuplicateView> {
  const pair = await readPair(id);
  const records = await readRecords([pair]);
  for (const ref of [pair.a, pair.b]) {
    if (ref.kind === 'expert' && records.experts.has(ref.id)) {
      await recordAudit(
        auditEvent('profile.read', actor, `expert:${ref.id}`, now, { via: `duplicate:${id}` }),
      );
    }
  }
  await recordAudit(auditEvent('duplicate.read', actor, `duplicate:${id}`, now));
  return duplicateView(pair, recordView(pair.a, records, true), recordView(pair.b, records, true));
}

export async function markDistinct(id: string, actor: StaffActor, now: Date): Promise<DuplicateView> {
  const pair = await readPair(id);
  if (pair.status !== 'open') throw new Conflict(`This pair has been ${pair.status} already`);
  await resolveInTransaction([
    resolvePairWrite(pair, 'distinct', recordedActor(actor), now),
    auditPut(
      auditEvent('duplicate.distinct', actor, `duplicate:${id}`, now, {
        a: refText(pair.a),
        b: refText(pair.b),
      }),
    ),
  ]);
  return readDuplicateQuietly(id);
}

async function readDuplicateQuietly(id: string): Promise<DuplicateView> {
  const pair = await readPair(id);
  const records = await readRecords([pair]);
  return duplicateView(pair, recordView(pair.a, records, false), recordView(pair.b, records, false));
}

/**
 * Merges the pair: the kept record takes, field by field, the values chosen from the other; the
 * other is merged into it (an entry) or claimed by it (the kept profile). A profile is always
 * the one kept: it is the person's own registration. What each field held before is kept on the pair.
 */
export async function mergeDuplicate(
  id: string,
  request: MergeDuplicate,
  actor: StaffActor,
  now: Date,
): Promise<DuplicateView> {
  const pair = await readPair(id);
  if (pair.status !== 'open') throw new Conflict(`This pair has been ${pair.status} already`);
  const kept = request.keep === 'a' ? pair.a : pair.b;
  const removed = request.keep === 'a' ? pair.b : pair.a;
  if (removed.kind === 'expert') {
    throw new ValidationFailed('A registered profile is always the record kept', [
      { path: 'keep', message: `Keep ${request.keep === 'a' ? 'b' : 'a'}, the registered profile` },
    ]);
  }
  const records = await readRecords([pair]);
  const other = records.entries.get(removed.id);
  const keptRecord = kept.kind === 'roster' ? records.entries.get(kept.id) : records.experts.get(kept.id);
  if (!other || !keptRecord)
    throw new Conflict('One of the two records no longer exists; mark the pair distinct');
  const changes = mergedValues(
    keptRecord as unknown as Record<string, unknown>,
    other as unknown as Record<string, unknown>,
    request.keep,
    request.fields ?? {},
  );
  const merge = { kept, removed, changes };
  const by = recordedActor(actor);
  const audit = auditPut(
    auditEvent('duplicate.merged', actor, `duplicate:${id}`, now, {
      kept: refText(kept),
      removed: refText(removed),
      fields: changes.map((c) => c.field).join(','),
    }),
  );
  const changed = Object.fromEntries(changes.map((c) => [c.field, c.after ?? undefined]));
  const pairAndOther = [
    resolvePairWrite(pair, 'merged', by, now, merge),
    entryRetireWrite(removed.id, kept, now),
    audit,
  ];

  if (kept.kind === 'roster') {
    const entry = keptRecord as RosterEntry;
    const next: RosterEntry = { ...entry, ...changed, updatedAt: now.toISOString() };
    const person = Object.fromEntries(
      personFields.filter((f) => next[f] !== undefined).map((f) => [f, next[f]]),
    ) as unknown as RosterPerson;
    next.contentHash = rosterContentHash(person);
    await resolveInTransaction([...pairAndOther, entryReplaceWrite(next, entry.contentHash)]);
  } else if (changes.length === 0) {
    await resolveInTransaction(pairAndOther);
  } else {
    try {
      await changeProfile(kept.id, now, () => changed, { extraWrites: () => pairAndOther });
    } catch (error) {
      throw asResolveConflict(error);
    }
  }
  return readDuplicateQuietly(id);
}
