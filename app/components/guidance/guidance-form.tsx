import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { CheckboxGroup, ErrorSummary, RadioGroup, TextField, typed, typedList } from '~/components/ui/form';
import { DEVICES, OUTCOMES, TOPICS } from '~/domain/guidance/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { SyncStatus, useEntrySync } from './entry-sync';
import { DETAIL_FIELDS, MoreDetails } from './more-details';

// The guidance-log form. Without JavaScript it is an ordinary form posting to its page. With
// it, the script sends the entry itself (entry-sync.tsx) so that a dropped connection loses
// nothing. First what every entry needs (device, topics, outcome), then the details filled in
// from the adviser's last entry (more-details.tsx), then save.

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
  /** A large network's places are the adviser's own (entryChoices): the form says how to find others. */
  pointsShortened: boolean;
  services: Choice[];
  /** What the page's action said (the path without JavaScript). */
  errors: FieldErrors;
  values: FormValues;
};

export function GuidanceForm(props: Props) {
  const { t } = useTranslation('reports');
  const formRef = useRef<HTMLFormElement>(null);
  const { values, defaults, userId, sessionId } = props;
  const { sync, clientErrors, onSubmit, retry } = useEntrySync({ formRef, userId, sessionId });
  const errors = clientErrors ?? props.errors;
  const value = (name: string) => typed(values, name, typed(defaults, name));
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
      <MoreDetails
        open={Boolean(sessionId) || DETAIL_FIELDS.some((name) => errors[name])}
        value={value}
        errors={errors}
        earliest={props.earliest}
        today={props.today}
        points={props.points}
        pointsShortened={props.pointsShortened}
        services={props.services}
      />
      <SyncStatus sync={sync} onRetry={retry} />
      <button type="submit" className="button" aria-disabled={sync.state === 'sending' || undefined}>
        {sessionId ? t('form.saveChanges') : t('form.save')}
      </button>
    </form>
  );
}
