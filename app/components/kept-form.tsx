import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { keepSubmitted, restoredOnPage, restoreKeptForm, subscribeKept } from '~/utils/kept-form';
import { Notice } from './ui/form';

/**
 * Keeps a copy of each form sent and, after a submit the server could not take, puts it back
 * when the page is tried again, and says so (focus moves to the note, so a screen reader hears
 * it). Mounted once, in the app shell; the mechanism is in ~/utils/kept-form.ts.
 */
export function KeptFormNote() {
  const { t } = useTranslation();
  const { key } = useLocation();
  const restored = useSyncExternalStore(
    subscribeKept,
    () => restoredOnPage(key),
    () => false,
  );
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Capture: before the router's own submit handler, whatever the form.
    document.addEventListener('submit', keepSubmitted, true);
    return () => document.removeEventListener('submit', keepSubmitted, true);
  }, []);
  useEffect(() => restoreKeptForm(key), [key]);
  useEffect(() => {
    if (restored) note.current?.focus();
  }, [restored]);
  if (!restored) return null;
  return (
    <div ref={note} tabIndex={-1} className="kept-note">
      <Notice tone="info">{t('form.keptRestored')}</Notice>
    </div>
  );
}
