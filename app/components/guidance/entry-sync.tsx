import { useNavigate } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import type { FieldErrors } from '~/utils/forms';
import { clearPending, readPending, restore, storePending } from './pending-entry';

// Sending a guidance entry from the page's script, so that a dropped connection loses nothing:
// the entry stays on the page (and, if new, on the device) and is sent again, with a growing
// wait, until the server answers. The idempotency key in the form makes every retry the same
// entry.

export type Sync =
  { state: 'idle' } | { state: 'sending' } | { state: 'waiting'; seconds: number } | { state: 'loggedOut' };

const SAVE_URL = '/reports/log/save';

export function useEntrySync({
  formRef,
  userId,
  sessionId,
}: {
  formRef: RefObject<HTMLFormElement>;
  userId: string;
  sessionId?: string;
}) {
  const navigate = useNavigate();
  const [sync, setSync] = useState<Sync>({ state: 'idle' });
  /** What the server said is wrong with the entry sent by the script (null: nothing yet). */
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const attempt = useRef(0);

  const send = useCallback(
    async (body: FormData) => {
      setSync({ state: 'sending' });
      let response: Response;
      try {
        response = await fetch(SAVE_URL, {
          method: 'POST',
          body,
          headers: { Accept: 'application/json' },
          redirect: 'manual',
          signal: AbortSignal.timeout(20_000),
        });
        if (response.type === 'opaqueredirect') {
          // The session ended: keep the entry on this device until the adviser logs in again.
          if (!sessionId) storePending(userId, body);
          setSync({ state: 'loggedOut' });
          return;
        }
        if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      } catch {
        if (!sessionId) storePending(userId, body);
        const seconds = Math.min(30, 2 ** Math.min(attempt.current, 5));
        attempt.current += 1;
        setSync({ state: 'waiting', seconds });
        return;
      }
      attempt.current = 0;
      const data = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        redirectTo?: string;
        errors?: FieldErrors;
      };
      if (!sessionId) clearPending(userId);
      if (response.ok && data.ok && data.redirectTo) {
        navigate(data.redirectTo);
        return;
      }
      // The server read the entry and said what is wrong: no point sending it again.
      setClientErrors(data.errors ?? { form: { key: 'reports:sync.failed' } });
      setSync({ state: 'idle' });
    },
    [navigate, sessionId, userId],
  );

  // A new entry left unsent (the page was closed while offline) comes back and is sent.
  useEffect(() => {
    if (sessionId || !formRef.current) return;
    const pending = readPending(userId);
    if (!pending) return;
    restore(formRef.current, pending);
    void send(new FormData(formRef.current));
  }, [formRef, send, sessionId, userId]);

  // Not sent: again after a while, or at once when the phone says it is back online. What is
  // sent is the form as it is then, so a correction made while waiting goes too (same key).
  useEffect(() => {
    if (sync.state !== 'waiting') return;
    const retryNow = () => formRef.current && void send(new FormData(formRef.current));
    const timer = setTimeout(retryNow, sync.seconds * 1000);
    window.addEventListener('online', retryNow);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retryNow);
    };
  }, [formRef, send, sync]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sync.state === 'sending') return;
    setClientErrors(null);
    attempt.current = 0;
    void send(new FormData(event.currentTarget));
  }

  const retry = () => formRef.current && void send(new FormData(formRef.current));
  return { sync, clientErrors, onSubmit, retry };
}

export function SyncStatus({ sync, onRetry }: { sync: Sync; onRetry: () => void }) {
  const { t } = useTranslation('reports');
  return (
    <div role="status" aria-live="polite" className="sync-status">
      {sync.state === 'sending' ? <p>{t('sync.sending')}</p> : null}
      {sync.state === 'waiting' ? (
        <div className="notice notice--error">
          <p>{t('sync.waiting', { seconds: sync.seconds })}</p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('sync.retryNow')}
          </button>
        </div>
      ) : null}
      {sync.state === 'loggedOut' ? (
        <div className="notice notice--error">
          <p>{t('sync.loggedOut')}</p>
          <Link to="/login?redirectTo=%2Freports%2Flog">{t('sync.login')}</Link>
        </div>
      ) : null}
    </div>
  );
}
