/**
 * After a failed submit, focus goes to the control of the first message in reading order (a
 * group's message focuses the group's first control), or to the form's summary if none is placed.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, summary: HTMLElement | null): void {
  const firstMessage = form?.querySelector('.field-error');
  const control = firstMessage
    ?.closest('.field, .rows, fieldset')
    ?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea');
  (control ?? summary)?.focus();
}
