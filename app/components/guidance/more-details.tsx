import { useTranslation } from '~/i18n/use-translation';
import { Link } from '~/components/ui/link';
import { RadioGroup, SelectField, TextAreaField, TextField } from '~/components/ui/form';
import {
  AGE_GROUPS,
  CHANNELS,
  MAX_DURATION_MINUTES,
  SERVICE_LEVELS,
  SESSION_LANGUAGES,
} from '~/domain/guidance/constants';
import type { FieldErrors } from '~/utils/forms';

type Choice = { id: string; name: string };

/** Fields behind "More details": an error in any of them opens it. */
export const DETAIL_FIELDS = [
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

/**
 * The part of a guidance entry that is filled in from the adviser's last one (where, in which
 * language, how long…): closed, with a summary of what it holds, unless a correction or an
 * error needs it open.
 */
export function MoreDetails({
  open,
  value,
  errors,
  earliest,
  today,
  points,
  pointsShortened,
  services,
}: {
  open: boolean;
  /** What a field holds: typed just now, else the default. */
  value: (name: string) => string;
  errors: FieldErrors;
  earliest: string;
  today: string;
  points: Choice[];
  pointsShortened: boolean;
  services: Choice[];
}) {
  const { t } = useTranslation('reports');
  const { t: tp } = useTranslation('profile');
  const languageName = (l: string) => (l === 'other' ? t('form.otherLanguage') : tp(`languages.${l}`));
  const options = (prefix: string, keys: readonly (string | number)[]) =>
    keys.map((k) => ({ value: String(k), label: t(`${prefix}.${k}`) }));
  const pointName = points.find((p) => p.id === value('supportPointId'))?.name;
  const prefilled = [
    pointName,
    value('language') ? languageName(value('language')) : '',
    value('durationMinutes') ? t('form.minutes', { count: Number(value('durationMinutes')) }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <details className="section more-details" open={open}>
      <summary>
        {t('form.moreDetails')}
        {prefilled ? <span className="more-details__summary"> ({prefilled})</span> : null}
      </summary>
      <p className="field__hint">{t('form.moreDetailsHint')}</p>
      <TextField
        type="date"
        name="date"
        label={t('form.date')}
        min={earliest}
        max={today}
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
        hint={pointsShortened ? t('form.supportPointShortHint') : t('form.supportPointHint')}
        defaultValue={value('supportPointId')}
        error={errors.supportPointId}
        options={[
          { value: '', label: t('form.noSupportPoint') },
          ...points.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      {pointsShortened ? (
        <p>
          <Link to="/support-points">{t('form.findSupportPoint')}</Link>
        </p>
      ) : null}
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
          ...services.map((s) => ({ value: s.id, label: s.name })),
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
  );
}
