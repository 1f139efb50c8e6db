// What a domain command answers (docs/conventions.md, "Commands and results"). One shape for all
// of them, so that a route answers every refusal the same way (`refused` in forms.server.ts).
// Types and three small builders only: pages may import it.

import type { FieldError, FieldErrors } from './forms';

/** A text for the user: an i18n key with its values. A success message is one too. */
export type Message = FieldError;

/**
 * Why a command did nothing: messages by field (`form` for the whole form), and how the
 * request is answered: 400 bad input (the default), 404 nothing there that the member may
 * see, 403 not theirs to change here, 409 the state changed under them, 410 gone for good (an
 * expired link), 429 too many (with the wait), 507 the disk is full.
 */
export type Refusal = {
  ok: false;
  errors: FieldErrors;
  status?: 400 | 403 | 404 | 409 | 410 | 429 | 507;
  retryAfterSeconds?: number;
};

/** Done, with whatever the caller needs next (an id, a slug…), or refused. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

/** A refusal with one message, on `field` or on the whole form. */
export function refuse(
  key: string,
  options: Pick<Refusal, 'status' | 'retryAfterSeconds'> & {
    field?: string;
    values?: Message['values'];
  } = {},
): Refusal {
  const { field = 'form', values, ...rest } = options;
  return { ok: false, errors: { [field]: values ? { key, values } : { key } }, ...rest };
}

/** A refusal with a message for each of several fields (a form's own checks). */
export function refuseAll(errors: FieldErrors): Refusal {
  return { ok: false, errors };
}

/** Nothing there, or nothing this member may see: the two look the same (DESIGN.md). */
export const NOT_FOUND: Refusal = Object.freeze({ ok: false, errors: {}, status: 404 }) as Refusal;
