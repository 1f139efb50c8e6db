import { Form } from '@remix-run/react';

/** One button acting on one row of a list; the action reads it with `readRowAction`. */
export function RowActionButton({
  intent,
  idField,
  id,
  label,
}: {
  intent: string;
  idField: string;
  id: string;
  label: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idField} value={id} />
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </Form>
  );
}
