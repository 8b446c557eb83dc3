/**
 * The number of experts' answers the officer's agency has not seen: the console's badge. Loaded
 * once per console page; the notices page, which marks them seen, sets it for every badge shown.
 */
import { useEffect, useState } from 'react';
import { api } from './api.ts';

const listeners = new Set<(unseen: number) => void>();

/** Called by the notices page once it has marked the notices seen. */
export function setUnseenNotices(unseen: number): void {
  for (const listener of listeners) listener(unseen);
}

/** null until loaded, and for an account of no agency (it has no notices). */
export function useUnseenNotices(agency: string): number | null {
  const [unseen, setUnseen] = useState<number | null>(null);
  useEffect(() => {
    listeners.add(setUnseen);
    return () => {
      listeners.delete(setUnseen);
    };
  }, []);
  useEffect(() => {
    if (!agency) return;
    let current = true;
    // A badge that fails to load is left out; the page says why if the officer opens it.
    api.staffNotices(undefined, 1).then(
      (page) => {
        if (current) setUnseen(page.unseen);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [agency]);
  return unseen;
}
