// The shapes of a form's answer, shared by actions and pages (no code: the builders that check
// fields live in forms.server.ts, so that no page's browser bundle carries zod).

/** A field error as an i18n key plus values for interpolation; the page translates it. */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };

// Characters PostgreSQL text cannot hold (NUL) or that have no business in a form field.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
