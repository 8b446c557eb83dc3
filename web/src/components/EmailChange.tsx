/**
 * "Đổi địa chỉ e-mail / Change e-mail" on the self-service page: asks for a confirmation link to
 * the new address (the address changes when it is opened, EmailChangePage).
 */
import { type FormEvent, useRef, useState } from 'react';
import { emailSchema } from '#shared/domain/expert';
import { ApiError, api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormErrorsProvider, TextField } from './controls.tsx';
import { failureMessage, Notice } from './Notice.tsx';

export function EmailChange({ onFailure }: { onFailure: (error: unknown) => boolean }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSentTo(null);
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setProblem(t.fieldError.email);
      formRef.current?.querySelector('input')?.focus();
      return;
    }
    setSending(true);
    try {
      await api.requestEmailChange(parsed.data);
      setSentTo(parsed.data);
      setEmail('');
    } catch (error) {
      if (error instanceof ApiError && error.details.some((d) => d.message === 'same_as_current')) {
        setProblem(t.emailChangeSame);
        formRef.current?.querySelector('input')?.focus();
      } else if (!onFailure(error)) setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="email-change-heading" className="card">
      <h2 id="email-change-heading">{t.emailChangeTitle}</h2>
      <p className="hint">{t.emailChangeIntro}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="narrow-form">
        <FormErrorsProvider idPrefix="email-change" errors={problem ? { email: problem } : {}}>
          <TextField
            path="email"
            label={t.newEmail}
            type="email"
            value={email}
            onChange={(value) => {
              setProblem(null);
              setEmail(value);
            }}
            autoComplete="email"
            required
          />
        </FormErrorsProvider>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        {sentTo ? <Notice kind="success">{t.emailChangeSent(sentTo)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t.sending : t.emailChangeSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}
