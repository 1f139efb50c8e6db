import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { TextField } from './form';

type Props = {
  children: ReactNode;
  /** Sent with the button: which row this is. */
  field: { name: string; value: string };
  intent: string;
  /** The button's text; `subject` is added for screen readers, so each button says whose it is. */
  label: ReactNode;
  subject: string;
  tone?: 'primary' | 'secondary';
  pressed?: boolean;
};

/** One row of an `.action-list`: what it is about, and one button that posts for it. */
export function ActionItem({ children, field, intent, label, subject, tone = 'primary', pressed }: Props) {
  return (
    <li>
      {children}
      <Form method="post" preventScrollReset>
        <input type="hidden" name={field.name} value={field.value} />
        <button
          type="submit"
          name="intent"
          value={intent}
          className={tone === 'primary' ? 'button' : 'button button--secondary'}
          aria-pressed={pressed}
        >
          {label}
          <span className="visually-hidden">: {subject}</span>
        </button>
      </Form>
    </li>
  );
}

type SearchProps = {
  name: string;
  label: string;
  hint?: string;
  value: string;
  button: string;
  /** Other query parameters of the page that this search keeps. */
  keep?: Record<string, string>;
};

/** A GET search form over a list of people or things, with its own landmark name. */
export function SearchForm({ name, label, hint, value, button, keep = {} }: SearchProps) {
  return (
    <Form method="get" role="search" className="form" aria-label={label}>
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <TextField
        type="search"
        name={name}
        label={label}
        hint={hint}
        defaultValue={value}
        autoComplete="off"
      />
      <button type="submit" className="button button--secondary">
        {button}
      </button>
    </Form>
  );
}
