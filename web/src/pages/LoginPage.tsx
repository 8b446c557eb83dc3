import { type FormEvent, useRef, useState } from 'react';
import { emailSchema } from '#shared/domain/expert';
import { api } from '../api.ts';
import { FormErrorsProvider, TextField } from '../components/controls.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.tsx';
import { peekReturnPath } from '../session.ts';
import { usePageTitle } from './usePageTitle.ts';

export function LoginPage() {
  const { t } = useI18n();
  usePageTitle(t.loginTitle);
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setInvalid(true);
      formRef.current?.querySelector('input')?.focus();
      return;
    }
    setSending(true);
    try {
      // The page the expert was headed for (a call, an offer) is where the mailed link lands.
      await api.requestLoginLink(parsed.data, peekReturnPath());
      navigate('/check-email', { state: { sentTo: parsed.data, from: 'login' } });
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t.loginTitle}</h1>
      <p>{t.loginIntro}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="narrow-form">
        <FormErrorsProvider idPrefix="login" errors={invalid ? { email: t.fieldError.email } : {}}>
          <TextField
            path="email"
            label={t.email}
            type="email"
            value={email}
            onChange={(value) => {
              setInvalid(false);
              setEmail(value);
            }}
            autoComplete="email"
            required
          />
        </FormErrorsProvider>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t.sending : t.sendLoginLink}
          </button>
        </div>
      </form>
    </>
  );
}
