import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import type { Messages } from '../i18n.tsx';

/** What to tell the user about a failed request that no form field explains. */
export function failureMessage(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError)) return t.genericError;
  if (error.status === 0) return t.networkError;
  if (error.status === 429) {
    if (!error.retryAt) return t.rateLimited;
    const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
    return t.rateLimitedUntil(error.retryAt.toISOString(), seconds);
  }
  if (error.status >= 500) return t.genericError;
  return error.message || t.genericError;
}

export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  // Errors interrupt (alert); confirmations wait their turn (status).
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * A whole page still loading (its code, or the province's meta): a heading for it, seen by
 * assistive technology only (the status line shows), so the page has its one h1 at every moment.
 * The focus moved to a page's heading skips it (App.tsx) and waits for the page's own.
 */
export function PageLoading({ label }: { label: string }) {
  return (
    <>
      <h1 className="visually-hidden" data-loading="">
        {label}
      </h1>
      <Loading label={label} />
    </>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
