/**
 * A call's steps for the agency that manages it: open (which mails the opted-in experts whose
 * fields match, once each) or close, whichever its state allows, each after a confirmation.
 */
import { useRef, useState } from 'react';
import { callTransitions, type StaffCall } from '#shared/domain/call';
import { ApiError, api, type Versioned } from '../api.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { failureMessage, Notice } from './Notice.tsx';
import { endStaffSessionIfGone } from './StaffConsole.tsx';

export function CallSteps({
  call,
  onChanged,
  onReload,
}: {
  call: StaffCall;
  onChanged: (updated: Versioned<StaffCall>) => void;
  onReload: () => void;
}) {
  const { t } = useStaffI18n();
  const steps = callTransitions[call.status].filter((s): s is 'open' | 'closed' => s !== 'draft');
  const [confirming, setConfirming] = useState<'open' | 'closed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  if (steps.length === 0) return null;

  async function take(step: 'open' | 'closed') {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await api.transitionCall(call.id, step));
    } catch (error) {
      endStaffSessionIfGone(error);
      setFailure(error);
      setBusy(false);
    }
  }

  const conflict = failure instanceof ApiError && failure.status === 409;
  return (
    <div className="card">
      <div className="actions">
        {steps.map((step) => (
          <button
            key={step}
            ref={openerRef}
            type="button"
            className={step === 'open' ? 'primary' : 'danger'}
            disabled={busy}
            onClick={() => setConfirming(step)}
          >
            {busy ? t.sending : step === 'open' ? t.openCall : t.closeCall}
          </button>
        ))}
      </div>
      {failure ? (
        <Notice kind="error">
          <p>
            {conflict
              ? t.callChanged
              : failure instanceof ApiError && failure.status === 403
                ? t.callForbidden
                : failureMessage(failure, t)}
          </p>
          {conflict ? (
            <>
              <p lang="en" className="hint">
                {(failure as ApiError).message}
              </p>
              <button type="button" onClick={onReload}>
                {t.reload}
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={confirming === 'open' ? t.openCallConfirmTitle : t.closeCallConfirmTitle}
          body={
            confirming === 'open'
              ? t.openCallConfirmBody(t.audienceName[call.audience])
              : t.closeCallConfirmBody
          }
          confirmLabel={confirming === 'open' ? t.openCall : t.closeCall}
          onConfirm={() => take(confirming)}
          onClose={() => {
            setConfirming(null);
            openerRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
