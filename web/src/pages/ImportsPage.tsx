/**
 * The administrator's import console: upload a roster (CSV or XLSX; the template to download),
 * map the columns the template does not name, read the dry run (counts by verdict, every row with
 * its reasons, paged), then commit with a progress bar that follows GET /api/imports/{id}, or cancel.
 */

import { useCallback, useMemo, useState } from 'react';
import type { ImportView } from '#shared/domain/imports';
import { rosterColumnFields, rosterColumns } from '#shared/domain/roster-columns';
import { api, type ImportRowView } from '../api.ts';
import { type Column, FilterSelect, ListPage, ListTable } from '../components/ListPage.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { Link, navigate, type RouteParams } from '../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePolling } from '../usePolling.ts';
import { usePageTitle } from './usePageTitle.ts';

const movingStatuses = new Set(['analysing', 'committing', 'deleting_entries']);
const rowStatuses = ['create', 'update', 'unchanged', 'duplicate?', 'invalid'] as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type the upload is declared with: the browser's, else from the name. */
const contentTypeOf = (file: File) =>
  file.type || (file.name.toLowerCase().endsWith('.xlsx') ? xlsxType : 'text/csv');

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function ImportsPage({ params }: { params: RouteParams }) {
  const { t } = useStaffI18n();
  usePageTitle(t.importsTitle);
  return (
    <StaffConsole section="imports" title={t.importsTitle}>
      {() => (params.id ? <ImportRecord id={params.id} /> : <UploadForm />)}
    </StaffConsole>
  );
}

function UploadForm() {
  const { t } = useStaffI18n();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const contentType = contentTypeOf(file);
      const created = await staffRequest(
        api.createImport({
          filename: file.name,
          contentType,
          size: file.size,
          ...(source.trim() ? { source: source.trim() } : {}),
        }),
      );
      await api.uploadImportFile(created.uploadUrl, file, contentType);
      await staffRequest(api.dryRunImport(created.id));
      navigate(`/staff/imports/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t.importsIntro}</p>
      <form
        className="section"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div className="grid">
          <label>
            {t.importFile}
            <input
              type="file"
              name="roster"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            {t.importSource}
            <input
              type="text"
              name="source"
              maxLength={200}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          </label>
        </div>
        {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || busy}>
            {t.importUpload}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              staffRequest(api.importTemplate()).then(
                (blob) => saveBlob(blob, 'mau-nhap-danh-sach.csv'),
                setFailure,
              );
            }}
          >
            {t.importTemplate}
          </button>
        </div>
      </form>
    </>
  );
}

function ImportRecord({ id }: { id: string }) {
  const { t, lang } = useStaffI18n();
  const load = useCallback(() => staffRequest(api.importStatus(id)), [id]);
  const polled = usePolling(load, (record) => movingStatuses.has(record.status));
  const [failure, setFailure] = useState<unknown>(null);
  const record = polled.value;

  const act = (request: () => Promise<ImportView>) => {
    setFailure(null);
    staffRequest(request()).then(() => polled.refresh(), setFailure);
  };

  if (!record) {
    return polled.failure ? <Notice kind="error">{failureMessage(polled.failure, t)}</Notice> : null;
  }
  const moving = movingStatuses.has(record.status);
  return (
    <>
      <p className="meta-line">
        <strong>{record.filename}</strong> · {record.source} ·{' '}
        <StatusTag status={record.status} label={t.importStatusName[record.status] ?? record.status} />
      </p>
      {record.error ? (
        <Notice kind="error">
          {lang === 'vi' ? `${record.error.vi} (${record.error.en})` : record.error.en}
        </Notice>
      ) : null}
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}

      {record.status === 'committing' || record.status === 'done' ? (
        <section className="section" aria-labelledby="import-progress">
          <h2 id="import-progress">{t.importStatusName[record.status]}</h2>
          <progress
            max={Math.max(record.total, 1)}
            value={record.done}
            aria-describedby="import-progress-text"
          />
          <p id="import-progress-text" role="status">
            {t.importProgress(record.done, record.total, record.failed)}
          </p>
          {record.status === 'done' ? <p>{t.importDone(record.written, record.invited)}</p> : null}
        </section>
      ) : null}

      {record.status === 'analysed' || record.status === 'committing' || record.status === 'done' ? (
        <section className="section" aria-labelledby="import-counts">
          <h2 id="import-counts">{t.importCounts}</h2>
          <ul className="plain counts">
            {rowStatuses.map((s) => (
              <li key={s} data-status={s}>
                {t.rowStatusName[s]}: <strong>{record.counts[s]}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {record.columns.length && (record.status === 'analysed' || record.status === 'failed') ? (
        <ColumnMapping record={record} onRerun={(mapping) => act(() => api.dryRunImport(id, mapping))} />
      ) : null}

      <div className="actions">
        {record.status === 'analysed' ? (
          <button type="button" className="primary" onClick={() => act(() => api.commitImport(id))}>
            {t.importCommit}
          </button>
        ) : null}
        {['awaiting_upload', 'analysing', 'analysed', 'committing'].includes(record.status) ? (
          <button type="button" className="secondary" onClick={() => act(() => api.cancelImport(id))}>
            {t.importCancel}
          </button>
        ) : null}
        <Link to="/staff/imports" className="button secondary">
          {t.importNew}
        </Link>
      </div>

      {!moving && record.total > 0 ? <ImportRows id={id} /> : null}
    </>
  );
}

function ColumnMapping({
  record,
  onRerun,
}: {
  record: ImportView;
  onRerun: (mapping: Record<string, string>) => void;
}) {
  const { t, lang } = useStaffI18n();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const labelOf = (field: string) => {
    const column = rosterColumns.find((c) => c.field === field);
    return column ? (lang === 'vi' ? column.vi : column.en) : field;
  };
  return (
    <section className="section" aria-labelledby="import-mapping">
      <h2 id="import-mapping">{t.importMapping}</h2>
      <p className="hint">{t.importMappingHint}</p>
      <table className="results">
        <thead>
          <tr>
            <th scope="col">{t.importColumnHeader}</th>
            <th scope="col">{t.importColumnField}</th>
          </tr>
        </thead>
        <tbody>
          {record.columns.map((column, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; its place is its identity
            <tr key={i}>
              <td>{column.header}</td>
              <td>
                <select
                  aria-label={`${t.importColumnField}: ${column.header}`}
                  value={mapping[column.header] ?? column.field ?? 'ignore'}
                  onChange={(e) => setMapping({ ...mapping, [column.header]: e.target.value })}
                >
                  <option value="ignore">{t.importIgnore}</option>
                  {rosterColumnFields.map((field) => (
                    <option key={field} value={field}>
                      {labelOf(field)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onRerun(mapping)}>
          {t.importRerun}
        </button>
      </div>
    </section>
  );
}

const noRowFilters = { status: '' };

function ImportRows({ id }: { id: string }) {
  const { t, lang } = useStaffI18n();
  const fetchRows = useCallback(
    async (filters: typeof noRowFilters, cursor?: string) => {
      const page = await staffRequest(api.importRows(id, { ...filters, cursor, limit: 50 }));
      return { ...page, items: page.items.map((r) => ({ ...r, id: String(r.row) })) };
    },
    [id],
  );
  const list = useListQuery(noRowFilters, fetchRows);
  const columns: Column<ImportRowView & { id: string }>[] = useMemo(
    () => [
      { label: t.colRow, cell: (r) => r.row },
      { label: t.colName, cell: (r) => r.fullName ?? '—' },
      {
        label: t.colVerdict,
        cell: (r) => (
          <StatusTag
            status={r.status === 'duplicate?' ? 'duplicate' : r.status}
            label={t.rowStatusName[r.status]}
          />
        ),
      },
      {
        label: t.colReasons,
        cell: (r) => (
          <ul className="plain">
            {r.reasons.map((reason) => (
              <li key={reason.code + (reason.field ?? '')}>
                {lang === 'vi' ? `${reason.vi} (${reason.en})` : reason.en}
              </li>
            ))}
          </ul>
        ),
      },
    ],
    [t, lang],
  );
  return (
    <ListPage
      list={list}
      idPrefix="import-rows"
      empty={t.importRowsEmpty}
      filters={
        <FilterSelect
          list={list}
          name="status"
          label={t.rowFilter}
          options={rowStatuses.map((s) => ({ value: s, label: t.rowStatusName[s] }))}
        />
      }
    >
      {(rows) => <ListTable caption={t.importRowsCaption} columns={columns} items={rows} />}
    </ListPage>
  );
}
