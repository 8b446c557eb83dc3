/**
 * The programme's dashboard: progress against each sourced target, the monthly trend (uPlot,
 * loaded only here), bars by field group, degree, location and zone, the attraction funnel, and
 * the periodic reports. Every chart has its data table behind a toggle (screen readers, copying);
 * a hidden small group reads "under 5".
 */
import 'uplot/dist/uPlot.min.css';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportSummary } from '#shared/domain/report';
import type {
  RecountJobView,
  ReportComparisonView,
  StatisticsView,
  TargetProgress,
  TargetsView,
} from '#shared/domain/statistics-views';
import { ApiError, api } from '../api.ts';
import { Loading, Notice } from '../components/Notice.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { formatNumber, formatTime } from '../format.ts';
import { localized, useI18n } from '../i18n.tsx';
import { useFieldLabel, usePlaceNames } from '../meta.tsx';
import { useResource } from '../useResource.ts';
import { dashboardStrings } from './dashboard-strings.ts';
import { usePageTitle } from './usePageTitle.ts';

type Strings = ReturnType<typeof dashboardStrings>;
type Row = { key: string; label: string; value: number | null };

const loadDashboard = () =>
  staffRequest(Promise.all([api.stats(), api.targets()])).then(([stats, targets]) => ({ stats, targets }));

export function DashboardPage() {
  const { lang } = useI18n();
  const s = dashboardStrings(lang);
  usePageTitle(s.title);
  const figures = useResource(loadDashboard);

  return (
    <StaffConsole section="dashboard" title={s.title}>
      {(session) => (
        <>
          <p>{s.intro}</p>
          {figures.loading ? <Loading label={s.title} /> : null}
          {figures.failure ? <Notice kind="error">{s.loadFailed}</Notice> : null}
          {figures.value ? (
            <Figures stats={figures.value.stats} targets={figures.value.targets} s={s} />
          ) : null}
          {session.role === 'admin' ? <Recount s={s} onDone={figures.reload} /> : null}
          <Reports s={s} isAdmin={session.role === 'admin'} />
        </>
      )}
    </StaffConsole>
  );
}

function Figures({ stats, targets, s }: { stats: StatisticsView; targets: TargetsView; s: Strings }) {
  const { t, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const names = usePlaceNames();
  const rows = (counts: Record<string, number | null>, label: (key: string) => string): Row[] =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, label: label(key), value }));
  const zoneRows = Object.entries(stats.demands.byZone).map(([key, g]) => ({
    key,
    label: names.zone(key),
    value: g.headcount,
  }));

  return (
    <>
      <p className="meta-line">{s.asOf(formatTime(stats.asOf, lang))}</p>
      <section aria-labelledby="targets-heading" className="dashboard-targets">
        <h2 id="targets-heading">{s.targetsHeading}</h2>
        {targets.targets.length === 0 ? <p>{s.noTargets}</p> : null}
        {targets.targets.map((target) => (
          <TargetProgressBar key={target.id} target={target} s={s} />
        ))}
      </section>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">{s.trendHeading}</h2>
        <TrendChart targets={targets.targets.filter((x) => x.unit === 'people')} s={s} />
      </section>
      <div className="dashboard-grid">
        <BarChart
          id="by-field-group"
          title={s.byFieldGroup}
          rows={rows(stats.experts.fieldGroup, fieldLabel)}
          s={s}
        />
        <BarChart
          id="by-degree"
          title={s.byDegree}
          rows={rows(stats.experts.degree, (k) => t.degree[k as keyof typeof t.degree] ?? k)}
          s={s}
        />
        <BarChart
          id="by-location"
          title={s.byLocation}
          rows={rows(
            stats.experts.locationKind,
            (k) => t.locationKindName[k as keyof typeof t.locationKindName] ?? k,
          )}
          s={s}
        />
        <BarChart id="by-zone" title={s.byZone} rows={zoneRows} s={s} />
        <BarChart
          id="by-source"
          title={s.bySource}
          rows={rows(stats.experts.bySource, (k) => s.sourceName[k] ?? k)}
          s={s}
        />
      </div>
      <BarChart
        id="funnel"
        title={s.funnelHeading}
        rows={[
          { key: 'demand', label: s.funnelDemand, value: stats.funnel.demandHeadcount },
          { key: 'offers', label: s.funnelOffers, value: stats.funnel.offersDrafted },
          { key: 'sent', label: s.funnelSent, value: stats.funnel.offersSent },
          { key: 'accepted', label: s.funnelAccepted, value: stats.funnel.accepted },
        ]}
        s={s}
      />
    </>
  );
}

function TargetProgressBar({ target, s }: { target: TargetProgress; s: Strings }) {
  const { lang } = useI18n();
  const number = (n: number) => formatNumber(n, lang);
  const unit = target.unit === 'percent' ? ' %' : '';
  const current = target.current === null ? s.hidden : `${number(target.current)}${unit}`;
  const goal = `${number(target.min)}${target.max ? `-${number(target.max)}` : ''}${unit}`;
  const percent = target.share === null ? 0 : Math.min(100, Math.round(target.share * 100));
  const label = localized(target.label, lang);
  return (
    <div className="target-progress" data-target={target.id}>
      <h3>{label}</h3>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${s.progress(current, goal)}, ${s.share(`${percent} %`)}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="meta-line">
        {s.progress(current, goal)} · {s.share(`${percent} %`)}
      </p>
      {target.source ? (
        <p className="target-source">
          {s.source}: {target.source.document} ({s.sourceDate(target.source.date)})
        </p>
      ) : null}
    </div>
  );
}

/** Horizontal bars in SVG (no library needed for these), with the numbers in a table beside. */
function BarChart({ id, title, rows, s }: { id: string; title: string; rows: Row[]; s: Strings }) {
  const { lang } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const rowHeight = 26;
  return (
    <section aria-labelledby={`${id}-heading`} className="bar-chart">
      <h2 id={`${id}-heading`}>{title}</h2>
      <svg role="img" viewBox={`0 0 320 ${Math.max(1, rows.length) * rowHeight}`} width="100%">
        <title>{title}</title>
        {rows.map((row, i) => (
          <g key={row.key} transform={`translate(0 ${i * rowHeight})`}>
            <text x="0" y="17" fontSize="12">
              {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
            </text>
            <rect x="150" y="5" height="16" width={((row.value ?? 0) / max) * 130} className="chart-bar" />
            <text x={155 + ((row.value ?? 0) / max) * 130} y="17" fontSize="12">
              {row.value === null ? s.hidden : formatNumber(row.value, lang)}
            </text>
          </g>
        ))}
      </svg>
      <DataTable caption={title} rows={rows} s={s} />
    </section>
  );
}

function DataTable({ caption, rows, s }: { caption: string; rows: Row[]; s: Strings }) {
  const { lang } = useI18n();
  return (
    <details className="data-table">
      <summary>{s.showTable}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.colItem}</th>
            <th scope="col">{s.colValue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.value === null ? s.hidden : formatNumber(row.value, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The running totals of the count targets by month: a uPlot line chart, loaded on this page only. */
function TrendChart({ targets, s }: { targets: TargetProgress[]; s: Strings }) {
  const { lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const months = useMemo(
    () => [...new Set(targets.flatMap((t) => t.trend.map((p) => p.month)))].sort(),
    [targets],
  );

  useEffect(() => {
    const element = container.current;
    if (!element || months.length === 0) return;
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const x = months.map((m) => Date.parse(`${m}-01T00:00:00Z`) / 1000);
      const series = targets.map((t) => months.map((m) => t.trend.find((p) => p.month === m)?.value ?? null));
      chart = new UPlot(
        {
          width: Math.min(720, element.clientWidth || 720),
          height: 240,
          series: [
            {},
            ...targets.map((t, i) => ({ label: localized(t.label, lang), stroke: palette[i % 3] })),
          ],
          axes: [{}, {}],
        },
        [x, ...series],
        element,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [months, targets, lang]);

  const rows = months.map((month) => ({
    month,
    values: targets.map((t) => t.trend.find((p) => p.month === month)?.value ?? null),
  }));
  return (
    <>
      <div ref={container} className="trend-chart" aria-hidden="true" />
      <details className="data-table">
        <summary>{s.showTable}</summary>
        <table>
          <caption>{s.trendHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{s.colMonth}</th>
              {targets.map((t) => (
                <th scope="col" key={t.id}>
                  {localized(t.label, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                {row.values.map((v, i) => (
                  <td key={targets[i].id}>{v === null ? s.hidden : formatNumber(v, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

const palette = ['#1f5f99', '#b35c00', '#2e7d32'];

function Reports({ s, isAdmin }: { s: Strings; isAdmin: boolean }) {
  const { lang } = useI18n();
  const load = useCallback(() => staffRequest(api.reports()), []);
  const reports = useResource(load);
  const year = new Date().getFullYear();
  const [draft, setDraft] = useState({ title: '', periodFrom: `${year}-01-01`, periodTo: `${year}-06-30` });
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const freeze = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await staffRequest(api.createReport(draft));
      setMessage({ kind: 'success', text: s.frozen });
      reports.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<ReportComparisonView | null>(null);
  const pick = (id: string, on: boolean) =>
    setPicked((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  const compare = async () => {
    if (picked.length !== 2) {
      setMessage({ kind: 'error', text: s.pickTwo });
      return;
    }
    // The older cut-off on the left: the difference reads as the change since then.
    const [a, b] = (reports.value?.items ?? [])
      .filter((r) => picked.includes(r.id))
      .sort((x, y) => x.cutOff.localeCompare(y.cutOff));
    try {
      setMessage(null);
      setComparison(await staffRequest(api.compareReports(a.id, b.id)));
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const download = async (report: ReportSummary, format: 'xlsx' | 'csv') => {
    const blob = await staffRequest(api.reportFile(report.id, format));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${report.title}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{s.reportsHeading}</h2>
      {isAdmin ? (
        <form onSubmit={freeze} className="report-form">
          <label>
            {s.reportTitle}
            <input
              required
              maxLength={200}
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          </label>
          <label>
            {s.periodFrom}
            <input
              type="date"
              required
              value={draft.periodFrom}
              onChange={(e) => setDraft({ ...draft, periodFrom: e.target.value })}
            />
          </label>
          <label>
            {s.periodTo}
            <input
              type="date"
              required
              value={draft.periodTo}
              onChange={(e) => setDraft({ ...draft, periodTo: e.target.value })}
            />
          </label>
          <button type="submit" className="primary">
            {s.freeze}
          </button>
        </form>
      ) : (
        <p>{s.adminOnly}</p>
      )}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {reports.value && reports.value.items.length === 0 ? <p>{s.noReports}</p> : null}
      {reports.failure ? <p>{s.loadFailed}</p> : null}
      <ul className="report-list">
        {reports.value?.items.map((report) => (
          <li key={report.id}>
            <input
              type="checkbox"
              aria-label={s.pickToCompare(report.title)}
              checked={picked.includes(report.id)}
              onChange={(e) => pick(report.id, e.target.checked)}
            />{' '}
            <strong>{report.title}</strong> ({report.periodFrom} – {report.periodTo}; {s.cutOff}{' '}
            {formatTime(report.cutOff, lang)}){' '}
            <button type="button" className="secondary small" onClick={() => download(report, 'xlsx')}>
              {s.download('XLSX')}
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => download(report, 'csv')}>
              {s.download('CSV')}
            </button>
          </li>
        ))}
      </ul>
      {reports.value && reports.value.items.length > 1 ? (
        <button type="button" className="secondary" onClick={compare}>
          {s.compare}
        </button>
      ) : null}
      {comparison ? <Comparison comparison={comparison} s={s} /> : null}
    </section>
  );
}

/** Two frozen reports side by side: each table with both figures and the difference. */
function Comparison({ comparison, s }: { comparison: ReportComparisonView; s: Strings }) {
  const { lang } = useI18n();
  const { a, b } = comparison;
  const shown = (value: string | number | null) =>
    value === null ? s.hidden : typeof value === 'number' ? formatNumber(value, lang) : value;
  const signed = (n: number | null) =>
    n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), lang)}`;
  return (
    // A region that scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be reachable by keyboard (WCAG 2.1.1)
    <section aria-labelledby="comparison-heading" className="report-comparison" tabIndex={0}>
      <h3 id="comparison-heading">{s.comparisonHeading(a.title, b.title)}</h3>
      {comparison.tables.map((table) => (
        <table key={table.name} data-table={table.name}>
          <caption>{table.name}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {table.headers[0]}
              </th>
              {table.headers.slice(1).map((header) => (
                <th scope="colgroup" colSpan={3} key={header}>
                  {header}
                </th>
              ))}
            </tr>
            <tr>
              {table.headers.slice(1).flatMap((header) => [
                <th scope="col" key={`${header}-a`}>
                  {a.title}
                </th>,
                <th scope="col" key={`${header}-b`}>
                  {b.title}
                </th>,
                <th scope="col" key={`${header}-d`}>
                  {s.colDifference}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">
                  {row.key}
                  {row.onlyIn ? ` (${s.onlyIn(row.onlyIn === 'a' ? a.title : b.title)})` : null}
                </th>
                {row.cells.flatMap((cell, i) => [
                  <td key={`${table.headers[i + 1]}-a`}>{shown(cell.a)}</td>,
                  <td key={`${table.headers[i + 1]}-b`}>{shown(cell.b)}</td>,
                  <td key={`${table.headers[i + 1]}-d`} data-difference="">
                    {signed(cell.difference)}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** An administrator's recount: started in the background, followed until done, with its differences. */
function Recount({ s, onDone }: { s: Strings; onDone: () => void }) {
  const { lang } = useI18n();
  const [job, setJob] = useState<RecountJobView | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const current = await staffRequest(api.recountJob(jobId));
        if (stopped) return;
        setJob(current);
        if (current.status === 'done' || current.status === 'failed') {
          onDone();
          return;
        }
      } catch (error) {
        if (!stopped) setMessage({ kind: 'error', text: (error as Error).message });
        return;
      }
      timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, onDone]);

  const start = async () => {
    setMessage(null);
    setJob(null);
    try {
      setJobId((await staffRequest(api.startRecount())).id);
    } catch (error) {
      const running = error instanceof ApiError && error.status === 409 ? error.details[0]?.message : null;
      if (running) {
        setMessage({ kind: 'info', text: s.recountRunningAlready });
        setJobId(running);
      } else setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const busy = job !== null && job.status !== 'done' && job.status !== 'failed';
  const { counted, expected } = job?.progress ?? { counted: 0, expected: 0 };
  const percent =
    job?.status === 'done' ? 100 : expected ? Math.min(99, Math.floor((counted / expected) * 100)) : 0;
  const progressText = s.recountProgress(formatNumber(counted, lang), formatNumber(expected, lang));
  return (
    <section aria-labelledby="recount-heading" className="dashboard-recount">
      <h2 id="recount-heading">{s.recountHeading}</h2>
      <p>{s.recountIntro}</p>
      <button type="button" className="secondary" onClick={start} disabled={busy || (jobId !== null && !job)}>
        {s.recount}
      </button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {job ? (
        <div className="recount-job" data-status={job.status}>
          <p className="meta-line">
            {s.recountStatus[job.status] ?? job.status} · {progressText}
          </p>
          <div
            className="progress-track"
            role="progressbar"
            aria-label={s.recountHeading}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${s.recountStatus[job.status] ?? job.status}, ${progressText}`}
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          {job.status === 'done' ? (
            <p role="status">
              {job.differences.length ? s.recountDifferences(job.differences.length) : s.recountNoDifferences}
            </p>
          ) : null}
          {job.differences.length ? (
            <table>
              <caption>{s.recountHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.colScope}</th>
                  <th scope="col">{s.colCounter}</th>
                  <th scope="col">{s.colCounted}</th>
                  <th scope="col">{s.colActual}</th>
                </tr>
              </thead>
              <tbody>
                {job.differences.map((d) => (
                  <tr key={`${d.scope} ${d.name}`}>
                    <td>{d.scope}</td>
                    <th scope="row">{d.name}</th>
                    <td>{formatNumber(d.counted, lang)}</td>
                    <td>{formatNumber(d.actual, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
