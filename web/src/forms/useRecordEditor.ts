/**
 * One record of the HR console in its form (a demand, a policy, a call): loaded with its version
 * from the ETag, checked in the browser with the shared schemas, then created, or changed with
 * If-Match and only what changed. A change made elsewhere in the meantime is a 412: the form says
 * so and offers to reload, and nothing is silently overwritten.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Versioned } from '../api.ts';
import { type StaffMessages, useStaffI18n } from '../staff-i18n.ts';
import { type Resource, useResource } from '../useResource.ts';
import type { FieldErrors, ValidationIssue } from './issues.ts';
import { dropDraft, keepDraftOnSignIn, stashDraft, takeDraft } from './unsaved-draft.ts';
import { type Submission, useSubmission } from './useSubmission.ts';

/** A schema's verdict on a payload (zod's safeParse result has this shape). */
export type SchemaCheck<P> =
  | { success: true; data: P }
  | { success: false; error: { issues: readonly ValidationIssue[] } };

/** How one kind of record is loaded, drafted, checked and sent. */
export interface RecordKind<T, D, I, P> {
  load: (id: string) => Promise<Versioned<T>>;
  /** Creates the record and goes to its page. */
  create: (input: I) => Promise<void>;
  /** Sends the changes with If-Match: the version they were made on. */
  save: (id: string, patch: P, version: string) => Promise<Versioned<T>>;
  emptyDraft: () => D;
  draftFrom: (record: T) => D;
  checkNew: (draft: D) => SchemaCheck<I>;
  /** Only what an edit changed; emptied fields that a PATCH cannot clear are named apart. */
  changes: (original: D, draft: D) => { patch: Record<string, unknown>; notClearable?: string[] };
  checkPatch: (patch: Record<string, unknown>, draft: D) => SchemaCheck<P>;
  /** The message next to each field, for issues found here or by the server. */
  errors: (issues: readonly ValidationIssue[], t: StaffMessages) => FieldErrors;
  /** What a failed request does besides failing (a lost staff session ends). */
  onFailure: (error: unknown) => void;
}

export interface RecordEditor<T, D> {
  /** The stored record and its version; nothing is loaded for a new one. */
  record: Resource<Versioned<T>>;
  draft: D;
  update: (change: Partial<D>) => void;
  errors: FieldErrors;
  submission: Submission;
  submit: () => void;
  /** Submitted without a change. */
  unchanged: boolean;
  /** Saved here, and neither edited nor changed otherwise since. */
  saved: boolean;
  /** The draft is the one kept when a request needed a new sign-in (unsaved-draft.ts). */
  restored: boolean;
}

/** `kind` must be stable (a module constant). `onEdit` runs on every edit of the draft. */
export function useRecordEditor<T, D, I, P>(
  kind: RecordKind<T, D, I, P>,
  id: string | undefined,
  onEdit?: () => void,
): RecordEditor<T, D> {
  const { t } = useStaffI18n();
  const load = useMemo(() => (id ? () => kind.load(id) : null), [kind, id]);
  const record = useResource(load, kind.onFailure);
  const loaded = record.value;
  const original = useMemo(() => (loaded ? kind.draftFrom(loaded.value) : kind.emptyDraft()), [kind, loaded]);
  // The page the draft belongs to: a new sign-in comes back to it (unsaved-draft.ts).
  const [page] = useState(() => window.location.pathname);
  const version = loaded?.version ?? null;
  const [kept] = useState(() => (id ? null : takeDraft<D>(page, null)));
  const [draft, setDraft] = useState(kept ?? original);
  const [restored, setRestored] = useState(kept !== null);
  const [unchanged, setUnchanged] = useState(false);
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  const submission = useSubmission(kind.onFailure);
  // Any staff request refused with 401 sends the officer to sign in again (StaffConsole): keep
  // what they typed and did not save, for when they come back to this page.
  const edited = useRef(kept !== null);
  const current = useRef({ draft, version });
  current.current = { draft, version };
  useEffect(() => {
    const keep = () => {
      if (edited.current) stashDraft(page, current.current.version, current.current.draft);
    };
    keepDraftOnSignIn(keep);
    return () => keepDraftOnSignIn(null);
  }, [page]);

  // Another version (the one just saved, or the newer one reloaded after a 412) starts over,
  // unless it is the version a kept draft was made on.
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    const keptForVersion = version === null ? null : takeDraft<D>(page, version);
    setDraft(keptForVersion ?? original);
    setRestored(keptForVersion !== null);
    edited.current = keptForVersion !== null;
    setUnchanged(false);
    submission.reset();
  }

  const edit = loaded ? kind.changes(original, draft) : null;
  const notClearable = edit?.notClearable ?? [];
  const changed = !edit || Object.keys(edit.patch).length > 0 || notClearable.length > 0;
  const request =
    id && loaded && edit
      ? checkedRequest(kind.checkPatch(edit.patch, draft), async (patch) => {
          const updated = await kind.save(id, patch, loaded.version);
          edited.current = false;
          dropDraft(page);
          record.replace(updated);
          setSavedVersion(updated.version);
        })
      : checkedRequest(kind.checkNew(draft), async (input) => {
          await kind.create(input);
          edited.current = false;
          dropDraft(page);
        });
  const clientIssues = submission.attempted && changed ? request.issues : [];
  const errors = kind.errors([...clientIssues, ...submission.serverIssues], t);
  if (submission.attempted) for (const key of notClearable) errors[key] = t.cannotClear;

  return {
    record,
    draft,
    update: (change) => {
      submission.edited();
      setUnchanged(false);
      setSavedVersion(null);
      setRestored(false);
      edited.current = true;
      onEdit?.();
      setDraft((current) => ({ ...current, ...change }));
    },
    errors,
    submission,
    submit: () => {
      setUnchanged(!changed);
      if (!changed) return;
      submission.submit(request.send !== null && notClearable.length === 0, async () => {
        await request.send?.();
      });
    },
    unchanged,
    saved: savedVersion !== null && savedVersion === version,
    restored,
  };
}

/** The request that sends a checked payload, or the issues that stop it. */
function checkedRequest<P>(
  check: SchemaCheck<P>,
  send: (payload: P) => Promise<void>,
): { issues: readonly ValidationIssue[]; send: (() => Promise<void>) | null } {
  return check.success
    ? { issues: [], send: () => send(check.data) }
    : { issues: check.error.issues, send: null };
}
