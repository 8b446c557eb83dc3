/**
 * One open call (from the public list) and the expert's response to it. Without a session the
 * expert logs in by e-mail and comes back here (the return path is kept in sessionStorage);
 * with one, a message is sent, and can be withdrawn. 403: no collaboration-calls consent;
 * 409: the call closed, or a response already exists.
 */
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { callResponseBodySchema } from '#shared/domain/call';
import { ApiError, api } from '../api.ts';
import { CallFacts } from '../components/CallSummary.tsx';
import { FormErrorsProvider, TextArea } from '../components/controls.tsx';
import { failureMessage, Loading, Notice } from '../components/Notice.tsx';
import { formatTime } from '../format.ts';
import type { FieldErrors } from '../forms/issues.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import { expertSession, saveReturnPath } from '../session.ts';
import { useResource } from '../useResource.ts';
import { endExpertSession } from './MePage.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function CallPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const loadCall = useCallback(() => api.openCall(params.id), [params.id]);
  const call = useResource(loadCall);
  usePageTitle(call.value?.title ?? t.publicCallsTitle);

  if (!call.value) {
    return (
      <>
        <h1 tabIndex={-1}>{t.publicCallsTitle}</h1>
        {call.loading ? <Loading label={t.loading} /> : null}
        {call.failure ? (
          <Notice kind="error">
            {failureMessage(call.failure, t)}{' '}
            <button type="button" onClick={call.reload}>
              {t.retry}
            </button>
          </Notice>
        ) : null}
        {!call.loading && !call.failure ? <Notice kind="info">{t.callNotOpen}</Notice> : null}
        <p>
          <Link to="/calls">{t.allCalls}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>{call.value.title}</h1>
      <CallFacts call={call.value} />
      <p className="bio lead">{call.value.description}</p>
      <CallResponse callId={call.value.id} />
      <p>
        <Link to="/calls">{t.allCalls}</Link>
      </p>
    </>
  );
}

type Outcome =
  | { kind: 'responded'; at: string }
  | { kind: 'withdrawn' }
  | { kind: 'needsConsent' }
  | { kind: 'closed' }
  | { kind: 'alreadyResponded' }
  | { kind: 'nothingToWithdraw' }
  | { kind: 'failed'; failure: unknown };

function CallResponse({ callId }: { callId: string }) {
  const { t, lang } = useI18n();
  const path = `/calls/${encodeURIComponent(callId)}`;
  const [message, setMessage] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const parsed = callResponseBodySchema.safeParse({ message });
  const errors: FieldErrors = attempted && !parsed.success ? { message: t.callFieldError.message } : {};

  if (!expertSession()) {
    return (
      <section className="card" aria-labelledby="respond-heading">
        <h2 id="respond-heading">{t.respondTitle}</h2>
        <p>{t.respondLoginIntro}</p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              saveReturnPath(path);
              navigate('/login', { flash: 'needLoginToRespond' });
            }}
          >
            {t.respond}
          </button>
        </div>
        <p>
          {t.respondRegisterHint} <Link to="/register">{t.actionRegister}</Link>
        </p>
      </section>
    );
  }

  /** 401: the session ended; log in again and come back here. */
  function sessionGone(error: unknown): boolean {
    if (!(error instanceof ApiError && error.status === 401)) return false;
    saveReturnPath(path);
    endExpertSession('sessionExpired');
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setOutcome(null);
    if (!parsed.success) {
      formRef.current?.querySelector('textarea')?.focus();
      return;
    }
    setSending(true);
    try {
      const receipt = await api.respondToCall(callId, parsed.data.message);
      setOutcome({ kind: 'responded', at: receipt.respondedAt });
      setMessage('');
      setAttempted(false);
    } catch (error) {
      if (sessionGone(error)) return;
      if (error instanceof ApiError && error.status === 403) setOutcome({ kind: 'needsConsent' });
      else if (error instanceof ApiError && error.status === 409) {
        // 409 is either "closed" or "already responded": the public list tells which.
        const stillOpen = await api.openCall(callId).catch(() => null);
        setOutcome({ kind: stillOpen?.status === 'open' ? 'alreadyResponded' : 'closed' });
      } else setOutcome({ kind: 'failed', failure: error });
    } finally {
      setSending(false);
    }
  }

  async function withdraw() {
    setSending(true);
    try {
      await api.withdrawCallResponse(callId);
      setOutcome({ kind: 'withdrawn' });
    } catch (error) {
      if (sessionGone(error)) return;
      if (error instanceof ApiError && error.status === 404) setOutcome({ kind: 'nothingToWithdraw' });
      else setOutcome({ kind: 'failed', failure: error });
    } finally {
      setSending(false);
    }
  }

  const withdrawButton = (
    <button type="button" className="secondary" onClick={withdraw} disabled={sending}>
      {t.withdrawResponse}
    </button>
  );
  const showForm =
    outcome?.kind !== 'responded' && outcome?.kind !== 'closed' && outcome?.kind !== 'alreadyResponded';

  return (
    <section className="card" aria-labelledby="respond-heading">
      <h2 id="respond-heading">{t.respondTitle}</h2>
      {outcome?.kind === 'responded' ? (
        <Notice kind="success">
          <p>{t.responded(formatTime(outcome.at, lang))}</p>
          {withdrawButton}
        </Notice>
      ) : null}
      {outcome?.kind === 'withdrawn' ? <Notice kind="success">{t.responseWithdrawn}</Notice> : null}
      {outcome?.kind === 'nothingToWithdraw' ? <Notice kind="info">{t.noResponseToWithdraw}</Notice> : null}
      {outcome?.kind === 'closed' ? <Notice kind="error">{t.callClosedForResponses}</Notice> : null}
      {outcome?.kind === 'alreadyResponded' ? (
        <Notice kind="info">
          <p>{t.alreadyResponded}</p>
          {withdrawButton}
        </Notice>
      ) : null}
      {outcome?.kind === 'needsConsent' ? (
        <Notice kind="error">
          <p>{t.responseNeedsConsent}</p>
          <p>
            <Link to="/me#consent-collaborationCalls">{t.toConsentSettings}</Link>
          </p>
        </Notice>
      ) : null}
      {outcome?.kind === 'failed' ? <Notice kind="error">{failureMessage(outcome.failure, t)}</Notice> : null}
      {showForm ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <FormErrorsProvider idPrefix="response" errors={errors}>
            <TextArea
              path="message"
              label={t.responseMessage}
              hint={t.responseMessageHint}
              value={message}
              onChange={setMessage}
              maxLength={2000}
              required
            />
          </FormErrorsProvider>
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {sending ? t.sending : t.sendResponse}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
