/**
 * The duplicates queue (administrators): each pair's two records side by side, field by field,
 * with the reason; merge (the record kept, and for each field whose value it takes) or mark as
 * different people. A pair resolved meanwhile by another administrator answers 409, shown as such.
 */

import { useState } from 'react';
import type { DuplicateRecordView, DuplicateView, MergeableField } from '#shared/domain/duplicates';
import { type RosterColumnField, rosterColumns } from '#shared/domain/roster-columns';
import { api } from '../api.ts';
import { FilterSelect, ListPage } from '../components/ListPage.tsx';
import { failureMessage, Notice } from '../components/Notice.tsx';
import { StaffConsole, staffRequest } from '../components/StaffConsole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useListQuery } from '../useListQuery.ts';
import { usePageTitle } from './usePageTitle.ts';

const defaults = { status: 'open' };

const fetchPairs = (filters: typeof defaults, cursor?: string) =>
  staffRequest(api.duplicates({ ...filters, cursor, limit: 10 }));

/** The rows of the side-by-side table: what a merge can choose, with the contact-free extras. */
const shownFields: (MergeableField | 'source')[] = [
  'fullName',
  'birthYear',
  'gender',
  'highestDegree',
  'academicTitle',
  'fields',
  'employer',
  'location',
  'hometown',
  'yearsExperience',
  'source',
];

/** A row's label: the import template's column name for the field (the same words as the file). */
const templateColumn: Record<string, RosterColumnField> = {
  fields: 'fieldCodes',
  employer: 'employerName',
  location: 'locationKind',
};

function valueText(record: DuplicateRecordView, field: string): string {
  const value = (record as Record<string, unknown>)[field];
  if (value === undefined || value === null) return '—';
  if (field === 'fields')
    return (value as { code: string; specialization?: string }[])
      .map((f) => f.code + (f.specialization ? ` ${f.specialization}` : ''))
      .join('; ');
  if (field === 'employer') return (value as { name?: string }).name ?? '—';
  if (field === 'location')
    return `${(value as { kind: string }).kind} ${(value as { country: string }).country}`;
  return String(value);
}

export function DuplicatesPage() {
  const { t } = useStaffI18n();
  usePageTitle(t.duplicatesTitle);
  const list = useListQuery(defaults, fetchPairs);
  return (
    <StaffConsole section="duplicates" title={t.duplicatesTitle}>
      {() => (
        <ListPage
          list={list}
          intro={<p>{t.duplicatesIntro}</p>}
          idPrefix="duplicates"
          empty={t.duplicatesEmpty}
          filters={
            <FilterSelect
              list={list}
              name="status"
              label={t.colStatus}
              options={['open', 'merged', 'distinct'].map((s) => ({
                value: s,
                label: t.duplicateStatusName[s],
              }))}
            />
          }
        >
          {(pairs) => (
            <ul className="plain">
              {pairs.map((pair) => (
                <li key={pair.id}>
                  <DuplicatePair pair={pair} />
                </li>
              ))}
            </ul>
          )}
        </ListPage>
      )}
    </StaffConsole>
  );
}

function DuplicatePair({ pair: initial }: { pair: DuplicateView }) {
  const { t, lang } = useStaffI18n();
  const labelOf = (field: string) => {
    if (field === 'source') return t.importSource;
    const column = rosterColumns.find((c) => c.field === (templateColumn[field] ?? field));
    return column ? (lang === 'vi' ? column.vi : column.en) : field;
  };
  const [pair, setPair] = useState(initial);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [take, setTake] = useState<Partial<Record<MergeableField, 'a' | 'b'>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = pair.status === 'open';
  // A self-registered profile is always the record kept.
  const keepFixed = pair.a.kind === 'expert' ? 'a' : pair.b.kind === 'expert' ? 'b' : null;
  const kept = keepFixed ?? keep;
  const headingId = `pair-${pair.id}`;

  const resolve = (request: Promise<DuplicateView>, message: string) => {
    setFailure(null);
    staffRequest(request).then((resolved) => {
      setPair(resolved);
      setDone(message);
    }, setFailure);
  };

  return (
    <section className="card duplicate-pair" aria-labelledby={headingId}>
      <h2 className="card-title" id={headingId}>
        {lang === 'vi' ? `${pair.reason.vi} (${pair.reason.en})` : pair.reason.en}{' '}
        <StatusTag status={pair.status} label={t.duplicateStatusName[pair.status]} />
      </h2>
      <table className="results">
        <thead>
          <tr>
            <th scope="col">{t.duplicateField}</th>
            {(['a', 'b'] as const).map((side) => (
              <th scope="col" key={side}>
                {t.duplicateRecord(side.toUpperCase(), pair[side].kind)}
                {pair[side].exists ? null : ` ${t.duplicateGone}`}
              </th>
            ))}
            {open ? <th scope="col">{t.duplicateTake}</th> : null}
          </tr>
        </thead>
        <tbody>
          {shownFields.map((field) => {
            const differs = valueText(pair.a, field) !== valueText(pair.b, field);
            return (
              <tr key={field}>
                <th scope="row">{labelOf(field)}</th>
                <td>{valueText(pair.a, field)}</td>
                <td>{valueText(pair.b, field)}</td>
                {open ? (
                  <td>
                    {field !== 'source' && differs ? (
                      <fieldset className="inline-choice">
                        <legend className="visually-hidden">{`${t.duplicateTake}: ${labelOf(field)}`}</legend>
                        {(['a', 'b'] as const).map((side) => (
                          <label key={side}>
                            <input
                              type="radio"
                              name={`${pair.id}-${field}`}
                              checked={(take[field as MergeableField] ?? kept) === side}
                              onChange={() => setTake({ ...take, [field]: side })}
                            />
                            {side.toUpperCase()}
                          </label>
                        ))}
                      </fieldset>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {failure ? <Notice kind="error">{failureMessage(failure, t)}</Notice> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      {open ? (
        <div className="actions">
          {keepFixed ? null : (
            <label>
              {t.duplicateKeep}{' '}
              <select value={keep} onChange={(e) => setKeep(e.target.value as 'a' | 'b')}>
                <option value="a">A</option>
                <option value="b">B</option>
              </select>
            </label>
          )}
          <button
            type="button"
            className="primary"
            onClick={() =>
              resolve(api.mergeDuplicate(pair.id, { keep: kept, fields: take }), t.duplicateMerged)
            }
          >
            {t.duplicateMerge}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => resolve(api.markDistinct(pair.id), t.duplicateMarkedDistinct)}
          >
            {t.duplicateDistinct}
          </button>
        </div>
      ) : null}
    </section>
  );
}
