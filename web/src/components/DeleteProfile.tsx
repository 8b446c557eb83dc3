/**
 * Export and erasure. Deleting asks for a typed confirmation word in a modal dialog, because it
 * cannot be undone.
 */

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { foldVietnamese } from '#shared/domain/text';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { failureMessage, Notice } from './Notice.tsx';

function downloadJson(data: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DeleteProfile({
  onDeleted,
  onFailure,
}: {
  onDeleted: () => void;
  onFailure: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState(false);
  const [exportFailure, setExportFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);

  async function exportData() {
    setExporting(true);
    setExported(false);
    setExportFailure(null);
    try {
      const data = await api.exportMe();
      downloadJson(data, `talent-registry-${new Date().toISOString().slice(0, 10)}.json`);
      setExported(true);
    } catch (error) {
      setExportFailure(error);
      onFailure(error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section aria-labelledby="data-heading" className="card">
      <h2 id="data-heading">{t.myDataTitle}</h2>
      <p>{t.myDataIntro}</p>
      <div className="actions">
        <Link to="/me/data">{t.myDataReadable}</Link>
        <button type="button" onClick={exportData} disabled={exporting}>
          {exporting ? t.loading : t.exportData}
        </button>
        <button ref={openButton} type="button" className="danger" onClick={() => setConfirming(true)}>
          {t.deleteProfile}
        </button>
      </div>
      {exported ? <Notice kind="success">{t.exported}</Notice> : null}
      {exportFailure ? <Notice kind="error">{failureMessage(exportFailure, t)}</Notice> : null}
      {confirming ? (
        <DeleteDialog
          onDeleted={onDeleted}
          onFailure={onFailure}
          onClose={() => {
            setConfirming(false);
            openButton.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}

function DeleteDialog({
  onDeleted,
  onFailure,
  onClose,
}: {
  onDeleted: () => void;
  onFailure: (error: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // "XÓA", "xoá" and "xoa" all count: the word is compared without diacritics or case.
  const confirmed = foldVietnamese(typed) === foldVietnamese(t.deleteConfirmWord);

  useEffect(() => {
    // showModal() traps focus and makes the rest of the page inert; Escape fires 'close'.
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    setDeleting(true);
    setFailure(null);
    try {
      await api.deleteMe();
      dialog.current?.close();
      onDeleted();
    } catch (error) {
      setFailure(error);
      setDeleting(false);
      onFailure(error);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="delete-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="delete-title">{t.deleteDialogTitle}</h2>
        <p>{t.deleteDialogBody}</p>
        <div className="field">
          <label htmlFor="delete-confirm">{t.deleteConfirmLabel(t.deleteConfirmWord)}</label>
          <input
            id="delete-confirm"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="danger" disabled={!confirmed || deleting}>
            {deleting ? t.sending : t.deleteConfirmButton}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
