/**
 * The top-of-form summary after a failed submit: how many problems there are, each as a link that
 * moves focus to its field (placed errors), and the text of those that belong to no visible
 * control (e.g. a server rule about the consent text version).
 */
import type { MouseEvent, Ref } from 'react';
import { controlId, errorId, type FieldErrors, type FieldMessages, isPlaced } from '../forms/issues.ts';
import { useI18n } from '../i18n.tsx';

/** Focuses the field (or, for a group, its message) and brings it into view. */
function goTo(event: MouseEvent<HTMLAnchorElement>, ids: readonly string[]) {
  const target = ids.map((id) => document.getElementById(id)).find((el) => el !== null);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches('input, select, textarea, button')
    ? target
    : (target.closest('fieldset')?.querySelector<HTMLElement>('input, select, textarea') ?? target);
  focusable.scrollIntoView({ block: 'center' });
  focusable.focus({ preventScroll: true });
}

export function FormProblems({
  errors,
  messages,
  idPrefix,
  ref,
}: {
  errors: FieldErrors;
  /** The form's own messages, when it is not a profile form. */
  messages?: FieldMessages;
  /** The idPrefix of the form's FormErrorsProvider, to link each problem to its field. */
  idPrefix: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{t.errorSummary(entries.length)}</p>
      <ul>
        {entries.map(([path, message]) =>
          isPlaced(path, t, messages) ? (
            <li key={path}>
              <a
                href={`#${controlId(idPrefix, path)}`}
                onClick={(event) => goTo(event, [controlId(idPrefix, path), errorId(idPrefix, path)])}
              >
                {message}
              </a>
            </li>
          ) : (
            <li key={path}>{message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
