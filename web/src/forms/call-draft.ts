/**
 * The call form's state and its payload for the shared call schemas. The closing day is edited
 * as a date; the server stores the end of that day in Vietnam.
 */
import type { Call } from '#shared/domain/call';
import { provinceDayOf } from '../format.ts';

export interface CallDraft {
  title: string;
  description: string;
  fieldCodes: string[];
  engagement: string;
  audience: string;
  openUntil: string;
}

export const emptyCallDraft = (): CallDraft => ({
  title: '',
  description: '',
  fieldCodes: [],
  engagement: '',
  audience: 'all',
  openUntil: '',
});

export const draftFromCall = (call: Call): CallDraft => ({
  title: call.title,
  description: call.description,
  fieldCodes: [...call.fieldCodes],
  engagement: call.engagement,
  audience: call.audience,
  openUntil: provinceDayOf(call.openUntil),
});

export const callFromDraft = (draft: CallDraft): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify({
      title: draft.title,
      description: draft.description,
      fieldCodes: draft.fieldCodes,
      engagement: draft.engagement || undefined,
      audience: draft.audience || undefined,
      openUntil: draft.openUntil || undefined,
    }),
  );

/** Only what changed, for PATCH /api/calls/{id}; every field is required, so none is emptied. */
export function callChanges(original: CallDraft, current: CallDraft): Record<string, unknown> {
  const before = callFromDraft(original);
  const after = callFromDraft(current);
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key] ?? '';
  }
  return patch;
}
