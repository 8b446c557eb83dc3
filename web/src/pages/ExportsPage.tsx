/**
 * Exports (administrators): ask for the register (the import template's columns, contacts
 * included) or search results as CSV or XLSX; the exports asked for in this tab are listed with
 * their progress and, when done, the download link (it expires; reading the export again renews it).
 */

import { useCallback, useState } from 'react';
import type { ExportView } from '#shared/domain/exports';
import { api } from '../api.ts';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { usePolling } from '../usePolling.ts';
import { usePageTitle } from './usePageTitle.ts';

// The API has no list of exports; the ids asked for here are kept for this tab only.
const storageKey = 'staff-exports';
const storedIds = (): string[] => JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as string[];

export function ExportsPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.exportsTitle);
  const [ids, setIds] = useState<string[]>(storedIds);
  const [kind, setKind] = useState<'register' | 'search'>('register');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [failure, setFailure] = useState<unknown>(null);

  const start = () => {
    setFailure(null);
    staffRequest(api.createExport({ kind, format, ...(kind === 'search' ? { query: {} } : {}) })).then(
      ({ id }) => {
        const next = [id, ...ids];
        sessionStorage.setItem(storageKey, JSON.stringify(next));
        setIds(next);
      },
      setFailure,
    );
  };

  return (
    <StaffConsole section="exports" title={t.exportsTitle}>
      {() => (
        <>
          <p>{t.exportsIntro}</p>
          <form
            className="section"
            onSubmit={(event) => {
              event.preventDefault();
              start();
            }}
          >
            <div className="grid">
              <label>
                {t.exportKind}
                <select
                  name="kind"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as 'register' | 'search')}
                >
                  <option value="register">{t.exportKindName.register}</option>
                  <option value="search">{t.exportKindName.search}</option>
                </select>
              </label>
              <label>
                {t.exportFormat}
                <select
                  name="format"
                  value={format}
                  onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}
                >
                  <option value="csv">CSV</option>
                  <option value="xlsx">XLSX</option>
                </select>
              </label>
            </div>
            {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
            <div className="actions">
              <button type="submit" className="primary">
                {t.exportStart}
              </button>
            </div>
          </form>
          <h2>{t.exportsCaption}</h2>
          {ids.length === 0 ? (
            <p role="status">{t.exportsEmpty}</p>
          ) : (
            <ul className="plain">
              {ids.map((id) => (
                <ExportLine key={id} id={id} />
              ))}
            </ul>
          )}
        </>
      )}
    </StaffConsole>
  );
}

function ExportLine({ id }: { id: string }) {
  const { t } = useStaffI18n();
  const load = useCallback(() => staffRequest(api.exportStatus(id)), [id]);
  const { value, failure } = usePolling<ExportView>(
    load,
    (e) => e.status === 'queued' || e.status === 'running',
  );
  if (failure) return <li>{failureMessage(failure, t)}</li>;
  if (!value) return null;
  return (
    <li className="export-line">
      <StatusTag status={value.status} label={t.exportStatusName[value.status] ?? value.status} />{' '}
      <progress max={Math.max(value.total, 1)} value={value.done} /> {t.exportRows(value.total)}{' '}
      {value.downloadUrl ? (
        <a href={value.downloadUrl} download>
          {t.exportDownload}
        </a>
      ) : null}
    </li>
  );
}
