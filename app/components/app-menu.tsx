import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A disclosure built on <details>, so it opens and closes without JavaScript; with it, the
 * button reports aria-expanded, Esc and a tap outside close it (focus back on the button), and
 * it closes after a client-side navigation. The state is left to the browser until hydration:
 * a server-rendered aria-expanded="false" would be wrong for a reader without JavaScript.
 */
export function AppMenu({ button, children }: { button: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState<boolean | undefined>(undefined);
  const location = useLocation();

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    setOpen(details.open);
    const close = (returnFocus: boolean) => {
      details.open = false;
      if (returnFocus) details.querySelector('summary')?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && details.open) close(details.contains(document.activeElement));
    };
    const onPointer = (e: PointerEvent) => {
      if (details.open && !details.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);

  return (
    <details ref={ref} className="app-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="app-menu__button" aria-expanded={open}>
        {button}
      </summary>
      <div className="app-menu__panel">{children}</div>
    </details>
  );
}
