import type { ReactNode } from 'react';

/**
 * A data table's frame. A table wider than the screen (a phone) scrolls sideways inside it, not
 * the page; keyboard users can focus it to scroll (WCAG 2.1.1), and it is named like the table.
 * Words in the table are not broken into letters to fit (the stylesheet's `.table-wrap table`).
 */
export function TableWrap({
  label,
  labelledBy,
  children,
}: { children: ReactNode } & (
  { label: string; labelledBy?: never } | { labelledBy: string; label?: never }
)) {
  return (
    // A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
