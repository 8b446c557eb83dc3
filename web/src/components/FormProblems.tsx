/**
 * The top-of-form summary after a failed submit: how many problems there are, and the text of
 * those that belong to no visible control (e.g. a server rule about the consent text version).
 */
import type { Ref } from 'react';
import { type FieldErrors, type FieldMessages, isPlaced } from '../forms/issues.ts';
import { useI18n } from '../i18n.tsx';

export function FormProblems({
  errors,
  messages,
  ref,
}: {
  errors: FieldErrors;
  /** The form's own messages, when it is not a profile form. */
  messages?: FieldMessages;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const unplaced = entries.filter(([path]) => !isPlaced(path, t, messages));
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{t.errorSummary(entries.length)}</p>
      {unplaced.length > 0 ? (
        <ul>
          {unplaced.map(([path, message]) => (
            <li key={path}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
