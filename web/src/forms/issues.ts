/**
 * Turns validation issues — from the shared zod schemas in the browser, or the server's
 * `details[]` — into one message per form control, keyed by the issue path joined with '.'.
 * Both sources go through the same mapping, so a server-side error lands next to its field too.
 */
import type { Messages } from '../i18n.tsx';

/** Display path → message. */
export type FieldErrors = Record<string, string>;

/** A form's messages, keyed by the field path with array indices removed ('languages.code'). */
export type FieldMessages = Record<string, string>;

/** Which control an issue path (split on '.') belongs to, as a display path. */
export type PathPlacement = (parts: string[]) => string;

/** An issue from zod in the browser or from the server's `details[]`. */
export interface ValidationIssue {
  path: string | readonly PropertyKey[];
  message: string;
}

const splitPath = (path: ValidationIssue['path']): string[] =>
  (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');

/**
 * The profile control an issue belongs to: array-level issues of checkbox groups go to the group,
 * an issue on a whole object goes to the control that decides it (location → its country).
 */
function placeProfileIssue(parts: string[]): string {
  const [head, index] = parts;
  if (head === 'engagement') return 'engagement';
  if ((head === 'fields' || head === 'languages') && parts.length === 2) return head;
  if (head === 'location' && parts.length === 1) return 'location.country';
  if (head === 'employer' && parts.length === 1) return 'employer.name';
  if (head === 'consent' && parts.length === 1) return 'consent.registry';
  return index === undefined ? (head ?? '') : parts.join('.');
}

/**
 * The placement for forms whose arrays of plain values are one control each (a group of
 * checkboxes): an issue on an item ('fieldCodes.2') goes to the array's control ('fieldCodes').
 */
export const placeItemsOnArrays =
  (arrays: readonly string[]): PathPlacement =>
  (parts) => {
    const path = parts.join('.');
    const array = arrays.find(
      (a) => path === a || (path.startsWith(`${a}.`) && /^\d+$/.test(path.slice(a.length + 1))),
    );
    return array ?? path;
  };

/** 'fields.0.code' → 'fields.code': the key of the message in the dictionary. */
const messageKey = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, '');

export function isPlaced(path: string, t: Messages, messages: FieldMessages = t.fieldError): boolean {
  return messageKey(path) in messages;
}

/** The profile forms' errors; other forms pass their own messages and placement. */
export function collectErrors(
  issues: readonly ValidationIssue[],
  t: Messages,
  messages: FieldMessages = t.fieldError,
  place: PathPlacement = placeProfileIssue,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = place(splitPath(issue.path));
    errors[path] ??= messages[messageKey(path)] ?? issue.message;
  }
  // Without a location kind the country is not asked for yet; one message is enough.
  if (errors['location.kind']) delete errors['location.country'];
  return errors;
}

/** Form controls' ids: 'reg' + 'fields.0.code' → 'reg-fields-0-code'. */
export const controlId = (prefix: string, path: string): string => `${prefix}-${path.replace(/\./g, '-')}`;
export const errorId = (prefix: string, path: string): string => `${controlId(prefix, path)}-error`;
