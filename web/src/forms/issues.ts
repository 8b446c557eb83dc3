/**
 * Turns validation issues — from the shared zod schemas in the browser, or the server's
 * `details[]` — into one message per form control, keyed by the issue path joined with '.'.
 * Both sources go through the same mapping, so a server-side error lands next to its field too.
 */
import type { Messages } from '../i18n.tsx';

/** Display path → message. */
export type FieldErrors = Record<string, string>;

interface Issue {
  path: string | readonly PropertyKey[];
  message: string;
}

/**
 * The control an issue belongs to: array-level issues of checkbox groups go to the group, an issue
 * on a whole object goes to the control that decides it (location → its country).
 */
export function displayPath(path: Issue['path']): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
  const [head, index] = parts;
  if (head === 'engagement') return 'engagement';
  if ((head === 'fields' || head === 'languages') && parts.length === 2) return head;
  if (head === 'location' && parts.length === 1) return 'location.country';
  if (head === 'employer' && parts.length === 1) return 'employer.name';
  if (head === 'consent' && parts.length === 1) return 'consent.registry';
  return index === undefined ? (head ?? '') : parts.join('.');
}

/** 'fields.0.code' → 'fields.code': the key of the message in the dictionary. */
const messageKey = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, '');

export function isPlaced(path: string, t: Messages): boolean {
  return messageKey(path) in t.fieldError;
}

export function collectErrors(issues: readonly Issue[], t: Messages): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = displayPath(issue.path);
    errors[path] ??= t.fieldError[messageKey(path)] ?? issue.message;
  }
  // Without a location kind the country is not asked for yet; one message is enough.
  if (errors['location.kind']) delete errors['location.country'];
  return errors;
}

/** Form controls' ids: 'reg' + 'fields.0.code' → 'reg-fields-0-code'. */
export const controlId = (prefix: string, path: string): string => `${prefix}-${path.replace(/\./g, '-')}`;
export const errorId = (prefix: string, path: string): string => `${controlId(prefix, path)}-error`;
