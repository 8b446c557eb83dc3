/**
 * An officer's unsaved form, kept across a new sign-in: when a console request gets 401 the app
 * signs in again (the provider's page, the callback) and comes back to the same page, where the
 * record editor restores the draft. sessionStorage only (this tab; gone when the tab closes),
 * one entry per page; cleared when the record is saved and when the officer signs out.
 */
const prefix = 'talentRegistry.unsavedDraft:';

interface StoredDraft<D> {
  /** The record version the draft was made on; null for a new record. */
  version: string | null;
  draft: D;
}

const keyFor = (path: string) => `${prefix}${path}`;

export function stashDraft<D>(path: string, version: string | null, draft: D): void {
  try {
    sessionStorage.setItem(keyFor(path), JSON.stringify({ version, draft } satisfies StoredDraft<D>));
  } catch {
    // storage unavailable or full: the draft is lost, as it would be without this
  }
}

/** The draft kept for this page and version, once: reading it removes it. */
export function takeDraft<D>(path: string, version: string | null): D | null {
  try {
    const raw = sessionStorage.getItem(keyFor(path));
    if (raw === null) return null;
    const stored = JSON.parse(raw) as StoredDraft<D>;
    if (stored.version !== version) return null;
    sessionStorage.removeItem(keyFor(path));
    return stored.draft;
  } catch {
    return null;
  }
}

export function dropDraft(path: string): void {
  try {
    sessionStorage.removeItem(keyFor(path));
  } catch {
    // nothing kept
  }
}

/** Signing out forgets every kept draft of this tab. */
export function dropAllDrafts(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(prefix)) sessionStorage.removeItem(key);
    }
  } catch {
    // nothing kept
  }
}

/** How the open record form keeps its draft; set while a record editor with edits is shown. */
let keepOpen: (() => void) | null = null;

/** The open record editor registers how to keep its draft (null: nothing to keep). */
export function keepDraftOnSignIn(keep: (() => void) | null): void {
  keepOpen = keep;
}

/** A staff request got 401 and the officer is about to sign in again: keep the open draft. */
export function keepOpenDraft(): void {
  keepOpen?.();
}
