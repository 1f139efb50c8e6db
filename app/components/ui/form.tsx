import { Form, useActionData, useLocation, useRouteLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from '~/i18n/use-translation';
import type { FieldError, FieldErrors, FormValues } from '~/utils/forms';
import type { Message } from '~/utils/result';
import { ErrorIcon, WarningIcon } from './icons';

type ActionResult =
  | { ok?: boolean; errors?: FieldErrors; values?: FormValues; message?: Message; confirm?: string }
  | undefined;

/** What the last submission said: errors by field, what the user typed, a success message. */
export function useFormResult() {
  const data = useActionData() as ActionResult;
  return {
    errors: data?.errors ?? {},
    values: data?.values ?? {},
    /** The success message of `done()` in the action (the page shows it with <DoneNotice />). */
    message: data?.ok ? data.message : undefined,
    /** A destructive intent the action asks to confirm (confirmFirst in forms.server.ts). */
    confirm: data?.confirm,
  };
}

/**
 * "Are you sure?" for a destructive action, drawn where its button was: the question, what
 * follows, the action again with `confirmed=yes` and what was typed, and a way back that
 * changes nothing. Takes focus, like the error summary, so a screen reader hears the question.
 */
export function ConfirmPanel({
  intent,
  values,
  question,
  detail,
  confirmLabel,
  cancelTo,
}: {
  intent: string;
  values: FormValues;
  question: string;
  detail?: string;
  confirmLabel: string;
  /** Where "No, go back" leads: the page itself, as a fresh load. */
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="confirm-panel" aria-labelledby="confirm-question" tabIndex={-1}>
      <h2 id="confirm-question" className="confirm-panel__question">
        <WarningIcon />
        {question}
      </h2>
      {detail ? <p>{detail}</p> : null}
      <Form method="post" className="actions-row">
        {Object.entries(values).flatMap(([name, value]) =>
          [value].flat().map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
        )}
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" name="intent" value={intent} className="button button--danger">
          {confirmLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t('form.confirmCancel')}
        </Link>
      </Form>
    </section>
  );
}

export function FieldErrorText({ id, error }: { id: string; error?: FieldError }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      <WarningIcon />
      {t(error.key, error.values)}
    </p>
  );
}

/** Label, hint and error around one control, wired together for screen readers. */
function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: {
  id?: string;
  label: string;
  hint?: string;
  error?: FieldError;
  children: (control: { id: string; describedBy?: string; invalid?: true }) => ReactNode;
}) {
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
      {children({ id: inputId, describedBy, invalid: error ? true : undefined })}
      <FieldErrorText id={`${inputId}-error`} error={error} />
    </div>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function TextField({ name, label, error, hint, id, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          id={control.id}
          name={name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          {...input}
        />
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>;

export function TextAreaField({ name, label, error, hint, id, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          id={control.id}
          name={name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
  options: { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>;

export function SelectField({ name, label, error, hint, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select
          id={control.id}
          name={name}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type ChoiceGroupProps = {
  name: string;
  legend: string;
  options: { value: string; label: ReactNode; lang?: string }[];
  error?: FieldError;
  hint?: string;
  /** Big tappable boxes side by side (phones), rather than a list. */
  tiles?: boolean;
};

export function CheckboxGroup(props: ChoiceGroupProps & { defaultValues: string[] }) {
  return <ChoiceGroup {...props} type="checkbox" chosen={props.defaultValues} />;
}

export function RadioGroup(props: ChoiceGroupProps & { defaultValue: string }) {
  return <ChoiceGroup {...props} type="radio" chosen={[props.defaultValue]} />;
}

function ChoiceGroup({
  name,
  legend,
  options,
  chosen,
  error,
  hint,
  tiles = false,
  type,
}: ChoiceGroupProps & { chosen: string[]; type: 'checkbox' | 'radio' }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`field checkbox-group${tiles ? ' checkbox-group--tiles' : ''}${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            id={`${id}-${o.value}`}
            type={type}
            name={name}
            value={o.value}
            defaultChecked={chosen.includes(o.value)}
          />
          <span lang={o.lang}>{o.label}</span>
        </label>
      ))}
      <FieldErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

type SummaryItem = { href: string; label: string; message: string; target: HTMLElement };

/**
 * The one way a failed submit is shown (the GOV.UK error summary): at the top of the form,
 * focus moved to it so a phone scrolls there and a screen reader reads it, a link to each
 * field that failed and, next to each field, its own message. The links are read from the
 * marked fields themselves (label, message, control), in the form's order, so every field type
 * (text, choices, the rich-text editor) takes part without a list of labels per form. Without
 * JavaScript the summary says how many fields to check and the fields say what is wrong.
 * Place it inside the form or just before it, in the same parent.
 */
export function ErrorSummary({ errors, children }: { errors: FieldErrors; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<SummaryItem[] | null>(null);
  const formError = errors.form;
  const fieldCount = Object.keys(errors).filter((k) => k !== 'form').length;
  const failed = Boolean(formError) || fieldCount > 0;

  // Each failed submit brings new error objects (from the action, or the form's own check):
  // that, not a new wrapper object from a re-render (`{ form: errors.form }`), moves focus.
  const shown = useRef<FieldErrors>({});
  useEffect(() => {
    const summary = ref.current;
    if (!summary || sameErrors(shown.current, errors)) return;
    shown.current = errors;
    const scope = summary.closest('form') ?? summary.parentElement ?? document.body;
    const found: SummaryItem[] = [];
    for (const field of scope.querySelectorAll<HTMLElement>('.field--invalid')) {
      const control = field.querySelector<HTMLElement>(
        'input:not([type=hidden]), select, textarea, [contenteditable=true]',
      );
      const label = field.querySelector(':scope > label, :scope > legend')?.textContent?.trim() ?? '';
      const message = field.querySelector('.field__error')?.textContent?.trim() ?? '';
      if (!control || !message) continue;
      found.push({ href: control.id ? `#${control.id}` : '#', label, message, target: control });
    }
    setItems(found);
    summary.focus();
  }, [errors]);

  if (!failed) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">
        <ErrorIcon />
        {t('form.errorSummaryTitle')}
      </h2>
      {formError ? <p>{t(formError.key, formError.values)}</p> : null}
      {items?.length ? (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.href + item.label}>
              <a
                href={item.href}
                onClick={(event) => {
                  event.preventDefault();
                  item.target.closest('.field')?.scrollIntoView({ block: 'start' });
                  item.target.focus({ preventScroll: true });
                }}
              >
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : fieldCount > 0 ? (
        <p>{t('form.checkFields', { count: fieldCount })}</p>
      ) : null}
      {children}
    </div>
  );
}

function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** For messages that are not about a submit the user just made (a cancelled event, a success). */
export function Notice({ tone, children }: { tone: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

// The location each redirect's message was first shown at: the root loader's data stays the
// same across client-side moves to other pages, and the message belongs to the first one only.
const shownAt = new WeakMap<Message, string>();

/**
 * The success message for this page, if any: what the last action here said (`done()`), or
 * what the action that redirected here said (`redirectDone()`), once.
 */
export function useDoneMessage(): Message | undefined {
  const { message } = useFormResult();
  const redirected = (useRouteLoaderData('root') as { done?: Message | null } | undefined)?.done;
  const { key } = useLocation();
  if (message) return message;
  if (!redirected) return undefined;
  if (!shownAt.has(redirected)) shownAt.set(redirected, key);
  return shownAt.get(redirected) === key ? redirected : undefined;
}

/**
 * The one way a page shows that something worked (docs/conventions.md): placed by the page
 * where the member looks next, usually under its heading. `children` add to the message (a
 * link to what was made).
 */
export function DoneNotice({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const message = useDoneMessage();
  if (!message) return null;
  return (
    <Notice tone="success">
      <p>{t(message.key, message.values)}</p>
      {children}
    </Notice>
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
