/**
 * DEVELOPMENT ONLY: gets a staff JWT from the local server's /dev/token. In AWS, staff sign in
 * with Cognito and this route does not exist.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { FormErrorsProvider, SelectField, TextField } from '../components/controls.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { localized, useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { navigate } from '../router.tsx';
import { saveStaffSession } from '../session.ts';
import { usePageTitle } from './usePageTitle.ts';

type Role = 'hr' | 'admin';

export function StaffLoginPage() {
  const { t, lang } = useI18n();
  const meta = useMeta();
  usePageTitle(t.staffLoginTitle);
  const [role, setRole] = useState<Role>('hr');
  const [agency, setAgency] = useState(meta.province.agencies[0]?.id ?? '');
  const [email, setEmail] = useState('can.bo.nhan.su@example.gov.vn');
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  // The console's code loads while the officer signs in.
  useEffect(() => {
    import('./staff-console.ts').catch(() => undefined);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setFailure(null);
    try {
      const { token } = await api.devToken({
        sub: `dev-${email.trim()}`,
        email: email.trim(),
        groups: [role],
        agency,
      });
      saveStaffSession({ token, email: email.trim(), role, agency });
      navigate('/staff/search');
    } catch (error) {
      setFailure(error);
      setSending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t.staffLoginTitle}</h1>
      <Notice kind="info">{t.staffLoginWarning}</Notice>
      <form onSubmit={submit} className="narrow-form">
        <fieldset className="field choice-group">
          <legend>{t.role}</legend>
          <div className="choices-inline">
            {(['hr', 'admin'] as const).map((choice) => (
              <label key={choice} className="choice" htmlFor={`staff-role-${choice}`}>
                <input
                  type="radio"
                  id={`staff-role-${choice}`}
                  name="role"
                  checked={role === choice}
                  onChange={() => setRole(choice)}
                />
                {choice === 'hr' ? t.roleHr : t.roleAdmin}
              </label>
            ))}
          </div>
        </fieldset>
        <FormErrorsProvider idPrefix="staff" errors={{}}>
          <SelectField
            path="agency"
            label={t.agency}
            value={agency}
            onChange={setAgency}
            options={meta.province.agencies.map((a) => ({ value: a.id, label: localized(a, lang) }))}
          />
          <TextField path="email" type="email" label={t.staffEmail} value={email} onChange={setEmail} />
        </FormErrorsProvider>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t.sending : t.staffSignIn}
          </button>
        </div>
      </form>
    </>
  );
}
