/**
 * A list of rows the user adds and removes (an expert's fields and languages, a demand's language
 * requirements, a policy's benefits): the group's error message, each row's controls with its
 * remove button, and the add button while there is room. Rows have no identity of their own; they
 * are addressed by index, as the API's error paths are (`fields.1.code`).
 */
import type { ReactNode } from 'react';
import { FieldMessage, useControl } from './controls.tsx';

export function RepeatedRows<R>({
  path,
  legend,
  rows,
  onChange,
  min = 0,
  max,
  newRow,
  addLabel,
  removeLabel,
  emptyHint,
  rowClassName = 'row',
  children,
}: {
  /** The list's path in the payload (`languages`): its error message and its rows' paths. */
  path: string;
  /** Makes the rows a group of their own; without it they belong to the section around them. */
  legend?: ReactNode;
  rows: R[];
  onChange: (rows: R[]) => void;
  /** Rows that cannot be removed (a remove button only above it). */
  min?: number;
  max: number;
  newRow: () => R;
  addLabel: string;
  removeLabel: (index: number) => string;
  emptyHint?: string;
  rowClassName?: string;
  /** The row's own controls; `setRow` merges a change into it. */
  children: (row: R, index: number, setRow: (change: Partial<R>) => void) => ReactNode;
}) {
  const group = useControl(path);
  const setRow = (index: number) => (change: Partial<R>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const content = (
    <>
      <FieldMessage path={path} />
      {rows.length === 0 && emptyHint ? <p className="hint">{emptyHint}</p> : null}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are addressed by index, as error paths are
        <div className={rowClassName} key={index}>
          {children(row, index, setRow(index))}
          {rows.length > min ? (
            <button
              type="button"
              className="secondary row-remove"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {removeLabel(index + 1)}
            </button>
          ) : null}
        </div>
      ))}
      {rows.length < max ? (
        <button type="button" className="secondary" onClick={() => onChange([...rows, newRow()])}>
          {addLabel}
        </button>
      ) : null}
    </>
  );
  const describedBy = group.error ? group.errorId : undefined;
  return legend ? (
    <fieldset className="rows" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {content}
    </fieldset>
  ) : (
    <div className="rows" aria-describedby={describedBy}>
      {content}
    </div>
  );
}
