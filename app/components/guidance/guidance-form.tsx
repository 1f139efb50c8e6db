import { Link, useNavigate } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  typed,
  typedList,
} from '~/components/ui/form';
import {
  AGE_GROUPS,
  CHANNELS,
  DEVICES,
  MAX_DURATION_MINUTES,
  OUTCOMES,
  SERVICE_LEVELS,
  SESSION_LANGUAGES,
  TOPICS,
} from '~/domain/guidance/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';

// The guidance-log form. Without JavaScript it is an ordinary form posting to its page. With
// it, the script sends the entry itself so that a dropped connection loses nothing: the entry
// stays on the page (and on the device, in case the page is closed) and is sent again until
// the server answers. The idempotency key the form was shown with makes every retry, and every
// double tap, the same entry.

type Choice = { id: string; name: string };

type Props = {
  /** Where the form posts without JavaScript: the log page, or an entry's page. */
  action: string;
  /** An entry being corrected; absent for a new one. */
  sessionId?: string;
  idempotencyKey: string;
  userId: string;
  today: string;
  /** The oldest date a session may have. */
  earliest: string;
  defaults: FormValues;
  points: Choice[];
  services: Choice[];
  /** What the page's action said (the path without JavaScript). */
  errors: FieldErrors;
  values: FormValues;
};

type Sync =
  { state: 'idle' } | { state: 'sending' } | { state: 'waiting'; seconds: number } | { state: 'loggedOut' };

const SAVE_URL = '/reports/log/save';
/** Fields behind "More details": an error in any of them opens it. */
const DETAIL_FIELDS = [
  'date',
  'channel',
  'supportPointId',
  'language',
  'serviceLevel',
  'durationMinutes',
  'eserviceId',
  'ageGroup',
  'note',
];
const pendingKey = (userId: string) => `tukiverkko:guidance-pending:${userId}`;

function storePending(userId: string, form: FormData) {
  try {
    localStorage.setItem(
      pendingKey(userId),
      JSON.stringify([...form.entries()].filter(([, v]) => typeof v === 'string')),
    );
  } catch {
    // Private browsing or a full storage: the entry is still on the page.
  }
}

function readPending(userId: string): [string, string][] | null {
  try {
    const raw = localStorage.getItem(pendingKey(userId));
    return raw ? (JSON.parse(raw) as [string, string][]) : null;
  } catch {
    return null;
  }
}

function clearPending(userId: string) {
  try {
    localStorage.removeItem(pendingKey(userId));
  } catch {
    // Nothing to clear.
  }
}

/** Puts a stored entry back into the form's fields. */
function restore(form: HTMLFormElement, entries: [string, string][]) {
  for (const element of Array.from(form.elements)) {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ))
      continue;
    if (!element.name) continue;
    const values = entries.filter(([name]) => name === element.name).map(([, value]) => value);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = values.includes(element.value);
    } else if (element.name !== 'sessionId') {
      element.value = values[0] ?? '';
    }
  }
}

export function GuidanceForm(props: Props) {
  const { t } = useTranslation('reports');
  const { t: tp } = useTranslation('profile');
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [sync, setSync] = useState<Sync>({ state: 'idle' });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const attempt = useRef(0);
  const errors = clientErrors ?? props.errors;
  const { values, defaults, userId, sessionId } = props;
  const value = (name: string) => typed(values, name, typed(defaults, name));
  const languageName = (l: string) => (l === 'other' ? t('form.otherLanguage') : tp(`languages.${l}`));
  // The outcome as chosen on this page; null until the script runs (then the field shows).
  const [outcome, setOutcome] = useState<string | null>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const read = () => setOutcome((form.elements.namedItem('outcome') as RadioNodeList | null)?.value ?? '');
    read();
    form.addEventListener('change', read);
    return () => form.removeEventListener('change', read);
  }, []);
  const detailsHaveError = DETAIL_FIELDS.some((name) => errors[name]);
  const pointName = props.points.find((p) => p.id === value('supportPointId'))?.name;
  const prefilled = [
    pointName,
    value('language') ? languageName(value('language')) : '',
    value('durationMinutes') ? t('form.minutes', { count: Number(value('durationMinutes')) }) : '',
  ]
    .filter(Boolean)
    .join(', ');

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
  }, [send, sessionId, userId]);

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
  }, [send, sync]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sync.state === 'sending') return;
    setClientErrors(null);
    attempt.current = 0;
    void send(new FormData(event.currentTarget));
  }

  const options = (prefix: string, keys: readonly (string | number)[]) =>
    keys.map((k) => ({ value: String(k), label: t(`${prefix}.${k}`) }));

  return (
    // An entry that cannot be sent waits on the device (above): the shell's copy stays out.
    <form
      ref={formRef}
      method="post"
      action={props.action}
      data-keep="no"
      className="form guidance-form"
      onSubmit={onSubmit}
      noValidate
    >
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      {sessionId ? <input type="hidden" name="sessionId" value={sessionId} /> : null}
      <ErrorSummary errors={errors} />
      {/* What every entry needs, on the first screen: device, topics, outcome, then save. */}
      <RadioGroup
        name="device"
        legend={t('form.device')}
        tiles
        options={options('devices', DEVICES)}
        defaultValue={value('device')}
        error={errors.device}
      />
      <CheckboxGroup
        name="topics"
        legend={t('form.topics')}
        hint={t('form.topicsHint')}
        tiles
        options={options('topics', TOPICS)}
        defaultValues={typedList(values, 'topics', typedList(defaults, 'topics', []))}
        error={errors.topics}
      />
      <RadioGroup
        name="outcome"
        legend={t('form.outcome')}
        tiles
        options={options('outcomes', OUTCOMES)}
        defaultValue={value('outcome')}
        error={errors.outcome}
      />
      {/* Asked only when the answer is "referred" (always shown without JavaScript). */}
      <div hidden={outcome !== null && outcome !== 'referred' && !errors.referredTo}>
        <TextField
          name="referredTo"
          label={t('form.referredTo')}
          hint={t('form.referredToHint')}
          maxLength={200}
          defaultValue={value('referredTo')}
          error={errors.referredTo}
        />
      </div>
      {/* The rest is filled in from the adviser's last entry; open when a correction or an error needs it. */}
      <details className="section more-details" open={Boolean(sessionId) || detailsHaveError}>
        <summary>
          {t('form.moreDetails')}
          {prefilled ? <span className="more-details__summary"> ({prefilled})</span> : null}
        </summary>
        <p className="field__hint">{t('form.moreDetailsHint')}</p>
        <TextField
          type="date"
          name="date"
          label={t('form.date')}
          min={props.earliest}
          max={props.today}
          defaultValue={value('date')}
          error={errors.date}
        />
        <RadioGroup
          name="channel"
          legend={t('form.channel')}
          tiles
          options={options('channels', CHANNELS)}
          defaultValue={value('channel')}
          error={errors.channel}
        />
        <SelectField
          name="supportPointId"
          label={t('form.supportPoint')}
          hint={t('form.supportPointHint')}
          defaultValue={value('supportPointId')}
          error={errors.supportPointId}
          options={[
            { value: '', label: t('form.noSupportPoint') },
            ...props.points.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="language"
          label={t('form.language')}
          defaultValue={value('language')}
          error={errors.language}
          options={SESSION_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <RadioGroup
          name="serviceLevel"
          legend={t('form.serviceLevel')}
          hint={t('form.serviceLevelHint')}
          options={SERVICE_LEVELS.map((l) => ({ value: String(l), label: t(`serviceLevels.${l}`) }))}
          defaultValue={value('serviceLevel')}
          error={errors.serviceLevel}
        />
        <TextField
          type="number"
          inputMode="numeric"
          name="durationMinutes"
          label={t('form.duration')}
          hint={t('form.durationHint', { max: MAX_DURATION_MINUTES })}
          min={1}
          max={MAX_DURATION_MINUTES}
          defaultValue={value('durationMinutes')}
          error={errors.durationMinutes}
        />
        <SelectField
          name="eserviceId"
          label={t('form.eservice')}
          hint={t('form.eserviceHint')}
          defaultValue={value('eserviceId')}
          error={errors.eserviceId}
          options={[
            { value: '', label: t('form.noEService') },
            ...props.services.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <SelectField
          name="ageGroup"
          label={t('form.ageGroup')}
          hint={t('form.ageGroupHint')}
          defaultValue={value('ageGroup')}
          error={errors.ageGroup}
          options={[{ value: '', label: t('form.ageNotAsked') }, ...options('ageGroups', AGE_GROUPS)]}
        />
        <TextAreaField
          name="note"
          label={t('form.note')}
          hint={t('form.noteHint')}
          rows={3}
          maxLength={1000}
          defaultValue={value('note')}
          error={errors.note}
        />
      </details>
      <SyncStatus sync={sync} onRetry={() => formRef.current && void send(new FormData(formRef.current))} />
      <button type="submit" className="button" aria-disabled={sync.state === 'sending' || undefined}>
        {sessionId ? t('form.saveChanges') : t('form.save')}
      </button>
    </form>
  );
}

function SyncStatus({ sync, onRetry }: { sync: Sync; onRetry: () => void }) {
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
