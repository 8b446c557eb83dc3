/**
 * Read models of a profile, written in the same transaction as the profile itself:
 *  - LISTING: the HR summary, in GSI2 under LISTING#AGENCIES sorted by folded name, only while the
 *    expert is active and shares with agencies (a sparse index: consent is enforced by the key);
 *  - DIRECTORY: the public fields only, under LISTING#DIRECTORY, only with that opt-in;
 *  - FIELDGROUP#g: one per field group the expert works in, in GSI1 under FIELDGROUP#g sorted by
 *    degree, so a demand's hard filters (visible, field group, minimum degree) are a key range
 *    and DynamoDB reads only candidates that pass them;
 *  - CALLOPTIN#g: the audience of collaboration calls (call-audience.ts), one per field group
 *    while the expert is active and opted in to calls, in GSI1 under CALLOPTIN#g sorted by
 *    audience segment, with just what the call mail needs;
 *  - SEARCHLOG#<day>: one entry in the search read model's change log (searchChangeWrite), in the
 *    same transaction, so a search instance sees the change on its next request.
 * Every write puts or deletes all of them, so no read is needed to know which existed before.
 */
import { isOverseasNative } from '../domain/call.ts';
import {
  degreeRank,
  type ExpertProfile,
  isListedInDirectory,
  isVisibleToAgencies,
  titleRank,
  toDirectoryEntry,
  toSummary,
} from '../domain/expert.ts';
import type { SearchDoc } from '../domain/expert-index.ts';
import { fieldGroupCodes, fieldGroupOf } from '../domain/taxonomy.ts';
import { foldVietnamese, searchableText } from '../domain/text.ts';
import { tableName } from './client.ts';
import { indexKeys, keys, ttlAt } from './keys.ts';

/** Attributes the search and match filters read, next to the summary. */
export function filterAttributes(p: ExpertProfile) {
  return {
    // Each searchable field on its own, so all the words of a query must meet in one of them.
    nameText: searchableText(p.fullName),
    topicText: searchableText(...p.fields.map((f) => f.specialization ?? '')),
    employerText: searchableText(p.employer?.name ?? ''),
    fieldCodes: p.fields.map((f) => f.code),
    fieldGroups: [...new Set(p.fields.map((f) => fieldGroupOf(f.code)))],
    degreeRank: degreeRank(p.highestDegree),
    titleRank: titleRank(p.academicTitle ?? 'none'),
    locationKind: p.location.kind,
    country: p.location.country,
    native: p.nativeOfProvince,
    languageCodes: (p.languages ?? []).map((l) => l.code),
  };
}

const nameKey = (p: ExpertProfile) => `${foldVietnamese(p.fullName)}#${p.id}`;

export function projectionWrites(p: ExpertProfile) {
  const visible = isVisibleToAgencies(p);
  const groups = new Set(p.fields.map((f) => fieldGroupOf(f.code)));
  const searchable = visible ? { ...toSummary(p), ...filterAttributes(p), version: p.version } : undefined;
  const put = (Item: Record<string, unknown>) => ({ Put: { TableName: tableName, Item } });
  const del = (Key: Record<string, string>) => ({ Delete: { TableName: tableName, Key } });

  return [
    searchable
      ? put({
          ...keys.listing(p.id),
          GSI2PK: indexKeys.agencyListing,
          GSI2SK: nameKey(p),
          type: 'expertListing',
          ...searchable,
        })
      : del(keys.listing(p.id)),
    isListedInDirectory(p)
      ? put({
          ...keys.directory(p.id),
          GSI2PK: indexKeys.directoryListing,
          GSI2SK: nameKey(p),
          type: 'directoryEntry',
          ...toDirectoryEntry(p),
          version: p.version,
          updatedAt: p.updatedAt,
          nameText: searchableText(p.fullName),
          topicText: searchableText(...p.fields.map((f) => f.specialization ?? '')),
          fieldCodes: p.fields.map((f) => f.code),
          fieldGroups: [...groups],
        })
      : del(keys.directory(p.id)),
    ...fieldGroupCodes.map((group) =>
      searchable && groups.has(group)
        ? put({
            ...keys.fieldGroup(p.id, group),
            GSI1PK: indexKeys.fieldGroup(group),
            GSI1SK: `${degreeRank(p.highestDegree)}#${p.id}`,
            type: 'expertFieldGroup',
            ...searchable,
          })
        : del(keys.fieldGroup(p.id, group)),
    ),
    ...callOptInWrites(p),
    searchChangeWrite(p),
  ];
}

/** What the search read model holds of a profile: nothing once neither audience may see it. */
export function searchDocOf(p: ExpertProfile): SearchDoc | null {
  const summary = isVisibleToAgencies(p) ? toSummary(p) : undefined;
  const entry = isListedInDirectory(p) ? { ...toDirectoryEntry(p), updatedAt: p.updatedAt } : undefined;
  return summary || entry
    ? { id: p.id, version: p.version, ...(summary ? { summary } : {}), ...(entry ? { entry } : {}) }
    : null;
}

/** Change-log entries outlive any snapshot by far (a snapshot is rebuilt after every few changes). */
const searchChangeRetentionDays = 14;

export const searchChangeItemType = 'searchChange';

/** The change-log entry of a profile write, timed by the writer's clock (read with an overlap). */
function searchChangeWrite(p: ExpertProfile) {
  const now = new Date();
  const at = now.toISOString();
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.searchChange(at, p.id, p.version),
        type: searchChangeItemType,
        expertId: p.id,
        version: p.version,
        doc: searchDocOf(p),
        ttl: ttlAt(new Date(now.getTime() + searchChangeRetentionDays * 86_400_000)),
      },
    },
  };
}

/** The CALLOPTIN items of a profile: put or deleted for all six groups, so no read is needed. */
function callOptInWrites(p: ExpertProfile) {
  const optedIn = p.status === 'active' && p.consent.collaborationCalls;
  const groups = [...new Set(p.fields.map((f) => fieldGroupOf(f.code)))].sort();
  const segment = isOverseasNative(p) ? indexKeys.overseasNativeSegment : indexKeys.otherSegment;
  return fieldGroupCodes.map((group) =>
    optedIn && groups.includes(group)
      ? {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.callOptIn(p.id, group),
              GSI1PK: indexKeys.callOptIn(group),
              GSI1SK: `${segment}${p.id}`,
              type: 'callOptIn',
              expertId: p.id,
              email: p.email,
              fullName: p.fullName,
              // Lets the job skip, without a read, an expert it reaches through an earlier group.
              fieldGroups: groups,
            },
          },
        }
      : { Delete: { TableName: tableName, Key: keys.callOptIn(p.id, group) } },
  );
}
