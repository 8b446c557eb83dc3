/**
 * Labelled form controls that show their own validation message: each control gets an id derived
 * from its field path, `aria-invalid` and `aria-describedby` pointing at the message when invalid.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { controlId, errorId, type FieldErrors } from '../forms/issues.ts';
import { useI18n } from '../i18n.tsx';

interface FormErrorsState {
  idPrefix: string;
  errors: FieldErrors;
}

const FormErrorsContext = createContext<FormErrorsState>({ idPrefix: 'form', errors: {} });

export function FormErrorsProvider({
  idPrefix,
  errors,
  children,
}: FormErrorsState & { children: ReactNode }) {
  return <FormErrorsContext.Provider value={{ idPrefix, errors }}>{children}</FormErrorsContext.Provider>;
}

/** The id and ARIA wiring of the control for `path`; `errorPath` when a group owns the message. */
export function useControl(path: string, options: { hasHint?: boolean; errorPath?: string } = {}) {
  const { idPrefix, errors } = useContext(FormErrorsContext);
  const id = controlId(idPrefix, path);
  const hintId = options.hasHint ? `${id}-hint` : undefined;
  const messagePath = options.errorPath ?? path;
  const error = errors[messagePath];
  const describedBy = [hintId, error ? errorId(idPrefix, messagePath) : undefined].filter(Boolean).join(' ');
  return {
    id,
    hintId,
    error,
    errorId: errorId(idPrefix, messagePath),
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    },
  };
}

export function FieldMessage({ path }: { path: string }) {
  const { idPrefix, errors } = useContext(FormErrorsContext);
  const error = errors[path];
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(idPrefix, path)}>
      {error}
    </p>
  );
}

function LabelText({ label, required }: { label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {label}
      {required ? <span className="marker"> {t.required}</span> : null}
    </>
  );
}

/**
 * "120/200" under a field with a length limit, so a text cut at the limit never surprises; read
 * out politely only once the limit is close (not on every keystroke).
 */
function LengthCounter({ length, max, id }: { length: number; max: number; id: string }) {
  const close = length >= max * 0.9;
  const { t } = useI18n();
  return (
    <p
      className={close ? 'hint counter counter-close' : 'hint counter'}
      id={id}
      aria-live={close ? 'polite' : 'off'}
    >
      {t.lengthCounter(length, max)}
    </p>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'number' | 'search' | 'date' | 'datetime-local';
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  disabled?: boolean;
  inputMode?: 'numeric' | 'decimal';
  /** Spans the whole row of a grid (long titles). */
  wide?: boolean;
  /** How the value reads, shown under the input (an amount as 5.000.000 ₫). */
  preview?: string;
}

export function TextField({
  path,
  label,
  value,
  onChange,
  type = 'text',
  required,
  hint,
  wide,
  preview,
  ...rest
}: TextFieldProps) {
  const control = useControl(path, { hasHint: Boolean(hint) });
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={control.id}>
        <LabelText label={label} required={required} />
      </label>
      {hint ? (
        <p className="hint" id={control.hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={control.id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-required={required || undefined}
        inputMode={type === 'number' ? 'numeric' : undefined}
        step={type === 'number' ? 1 : undefined}
        {...control.aria}
        {...rest}
      />
      {preview !== undefined ? (
        <output htmlFor={control.id} className="hint preview">
          {preview}
        </output>
      ) : null}
      {rest.maxLength !== undefined && value.length >= rest.maxLength * 0.8 ? (
        <LengthCounter length={value.length} max={rest.maxLength} id={`${control.id}-count`} />
      ) : null}
      <FieldMessage path={path} />
    </div>
  );
}

export function TextArea({
  path,
  label,
  value,
  onChange,
  hint,
  maxLength,
  required,
  rows = 5,
}: Pick<TextFieldProps, 'path' | 'label' | 'value' | 'onChange' | 'hint' | 'maxLength' | 'required'> & {
  rows?: number;
}) {
  const control = useControl(path, { hasHint: Boolean(hint) });
  return (
    <div className="field field-wide">
      <label htmlFor={control.id}>
        <LabelText label={label} required={required} />
      </label>
      {hint ? (
        <p className="hint" id={control.hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={control.id}
        value={value}
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-required={required || undefined}
        onChange={(e) => onChange(e.target.value)}
        {...control.aria}
      />
      {maxLength !== undefined ? (
        <LengthCounter length={value.length} max={maxLength} id={`${control.id}-count`} />
      ) : null}
      <FieldMessage path={path} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options?: Option[];
  groups?: OptionGroup[];
  /** The label of the empty first option; none when every value is a real choice. */
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  errorPath?: string;
}

export function SelectField({
  path,
  label,
  value,
  onChange,
  options = [],
  groups = [],
  placeholder,
  required,
  disabled,
  errorPath,
}: SelectFieldProps) {
  const control = useControl(path, { errorPath });
  return (
    <div className="field">
      <label htmlFor={control.id}>
        <LabelText label={label} required={required} />
      </label>
      <select
        id={control.id}
        value={value}
        disabled={disabled}
        required={required}
        aria-required={required || undefined}
        onChange={(e) => onChange(e.target.value)}
        {...control.aria}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {errorPath ? null : <FieldMessage path={path} />}
    </div>
  );
}

/** A yes/no question as two radio buttons in a fieldset. */
export function YesNoField({
  path,
  legend,
  value,
  onChange,
  required,
}: {
  path: string;
  legend: string;
  value: '' | 'yes' | 'no';
  onChange: (value: 'yes' | 'no') => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const control = useControl(path);
  return (
    <fieldset className="field choice-group" aria-describedby={control.aria['aria-describedby']}>
      <legend>
        <LabelText label={legend} required={required} />
      </legend>
      <div className="choices-inline">
        {(['yes', 'no'] as const).map((choice) => (
          <label key={choice} className="choice" htmlFor={`${control.id}-${choice}`}>
            <input
              type="radio"
              id={`${control.id}-${choice}`}
              name={control.id}
              checked={value === choice}
              onChange={() => onChange(choice)}
              required={required}
              {...control.aria}
            />
            {choice === 'yes' ? t.yes : t.no}
          </label>
        ))}
      </div>
      <FieldMessage path={path} />
    </fieldset>
  );
}

/** One yes/no choice as a checkbox (e.g. "in force"). */
export function CheckboxField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const control = useControl(path);
  return (
    <div className="field">
      <label className="choice" htmlFor={control.id}>
        <input
          type="checkbox"
          id={control.id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          {...control.aria}
        />
        <span>{label}</span>
      </label>
      <FieldMessage path={path} />
    </div>
  );
}

/** Several values from a list as checkboxes in a fieldset (zones, policies). */
export function CheckboxGroup({
  path,
  legend,
  options,
  value,
  onChange,
  hint,
}: {
  path: string;
  legend: string;
  options: (Option & { hint?: string })[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: string;
}) {
  const control = useControl(path, { hasHint: Boolean(hint) });
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset className="field choice-group" aria-describedby={control.aria['aria-describedby']}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={control.hintId}>
          {hint}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice" htmlFor={`${control.id}-${option.value}`}>
            <input
              type="checkbox"
              id={`${control.id}-${option.value}`}
              checked={value.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
              aria-invalid={control.error ? true : undefined}
            />
            <span>
              {option.label}
              {option.hint ? <span className="choice-hint">{option.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldMessage path={path} />
    </fieldset>
  );
}
