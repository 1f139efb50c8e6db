import { useActionData } from '@remix-run/react';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, FieldErrors, FormValues } from '~/utils/forms';

type ActionResult = { ok?: boolean; errors?: FieldErrors; values?: FormValues; message?: string } | undefined;

/** What the last submission said: errors by field, what the user typed, a success message. */
export function useFormResult() {
  const data = useActionData() as ActionResult;
  return {
    errors: data?.errors ?? {},
    values: data?.values ?? {},
    message: data?.ok ? data.message : undefined,
  };
}

export function FieldErrorText({ id, error }: { id: string; error?: FieldError }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      <span aria-hidden="true">⚠ </span>
      {t(error.key, error.values)}
    </p>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function TextField({ name, label, error, hint, id, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy =
    [hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={`${inputId}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <FieldErrorText id={`${inputId}-error`} error={error} />
    </div>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  options: { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>;

export function SelectField({ name, label, error, options, id, ...select }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorText id={`${selectId}-error`} error={error} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: ReactNode; lang?: string }[];
  defaultValues: string[];
  error?: FieldError;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field checkbox-group${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            defaultChecked={defaultValues.includes(o.value)}
          />
          <span lang={o.lang}>{o.label}</span>
        </label>
      ))}
      <FieldErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** Announced to screen readers when it appears; used for form-level errors and confirmations. */
export function Notice({ tone, children }: { tone: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Previously typed value for a field, falling back to the stored one. */
export function typed(values: FormValues, name: string, fallback = ''): string {
  const v = values[name];
  return typeof v === 'string' ? v : fallback;
}

export function typedList(values: FormValues, name: string, fallback: string[]): string[] {
  if (!(name in values)) return fallback;
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}
