/**
 * After a failed submit, focus goes to the control of the first message in reading order (a
 * group's message focuses the group's first control), or to the form's summary if none is placed.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, summary: HTMLElement | null): void {
  const firstMessage = form?.querySelector('.field-error');
  const candidates = firstMessage
    ?.closest('.field, .rows, fieldset')
    ?.querySelectorAll<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, summary');
  // A control inside a folded group cannot take focus; the group's summary can.
  const control = [...(candidates ?? [])].find((element) => element.checkVisibility?.() ?? true);
  (control ?? summary)?.focus();
}
