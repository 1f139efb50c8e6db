import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { DoneNotice, ErrorSummary, RadioGroup, typed, useFormResult } from '~/components/ui/form';
import {
  digestFrequencyOf,
  preferencesOf,
  saveDigestFrequency,
  savePreferences,
} from '~/domain/notifications/notifications.server';
import {
  channelsFor,
  DIGEST_FREQUENCIES,
  NOTIFICATION_TYPES,
  PRESETS,
  presetChannels,
  presetOf,
  TYPE_NEEDS,
} from '~/domain/notifications/constants';
import { DigestSchema, PreferencesSchema, PresetSchema } from '~/domain/notifications/schema.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [preferences, digestFrequency] = await Promise.all([
    preferencesOf(user.id),
    digestFrequencyOf(user.id),
  ]);
  return json({
    preferences,
    digestFrequency,
    preset: presetOf(preferences),
    // Types that cannot happen to this member (an adviser is never asked a briefing question).
    types: NOTIFICATION_TYPES.filter((type) => user.permissions[TYPE_NEEDS[type]]),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get('intent') === 'digest') {
    const parsed = parseForm(DigestSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    await saveDigestFrequency(user, parsed.data.digestFrequency);
    return done('notifications:digest.saved');
  }
  if (form.get('intent') === 'preset') {
    const parsed = parseForm(PresetSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    await savePreferences(user, presetChannels(parsed.data.preset));
    return done('notifications:preferences.saved');
  }
  // Types not shown keep what they had.
  const current = await preferencesOf(user.id);
  for (const type of NOTIFICATION_TYPES) if (!form.has(type)) form.set(type, current[type]);
  const parsed = parseForm(PreferencesSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await savePreferences(user, parsed.data);
  return done('notifications:preferences.saved');
}

export default function NotificationPreferencesPage() {
  const { preferences, preset, types, digestFrequency } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notifications');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('profile:title')}</Link>
      </p>
      <h1>{t('preferences.title')}</h1>
      <HelpLink topic="notifications" />
      <p>{t('preferences.intro')}</p>
      <DoneNotice />
      <Form method="post" className="form">
        <ErrorSummary errors={values.intent === 'preset' ? errors : {}} />
        <input type="hidden" name="intent" value="preset" />
        <RadioGroup
          name="preset"
          legend={t('preferences.presetLegend')}
          tiles
          options={PRESETS.map((p) => ({
            value: p,
            label: (
              <>
                <strong>{t(`preferences.presets.${p}.label`)}</strong>
                <br />
                <span className="tile-hint">{t(`preferences.presets.${p}.hint`)}</span>
              </>
            ),
          }))}
          defaultValue={typed(values, 'preset', preset ?? '')}
          error={values.intent === 'preset' ? errors.preset : undefined}
        />
        <button type="submit" className="button">
          {t('preferences.save')}
        </button>
      </Form>
      <Form method="post" className="form section">
        <ErrorSummary errors={values.intent === 'digest' ? errors : {}} />
        <input type="hidden" name="intent" value="digest" />
        <RadioGroup
          name="digestFrequency"
          legend={t('digest.legend')}
          hint={t('digest.hint')}
          options={DIGEST_FREQUENCIES.map((f) => ({ value: f, label: t(`digest.${f}`) }))}
          defaultValue={typed(values, 'digestFrequency', digestFrequency)}
          error={values.intent === 'digest' ? errors.digestFrequency : undefined}
        />
        <button type="submit" className="button">
          {t('digest.save')}
        </button>
      </Form>
      <details
        className="section customise"
        open={
          preset === null ||
          (Object.keys(errors).length > 0 && values.intent !== 'preset' && values.intent !== 'digest')
        }
      >
        <summary>{t('preferences.customise')}</summary>
        <Form method="post" className="form">
          <ErrorSummary errors={values.intent === 'preset' || values.intent === 'digest' ? {} : errors} />
          {types.map((type) => {
            const chosen = typeof values[type] === 'string' ? values[type] : preferences[type];
            return (
              <fieldset key={type} className={`field radio-group${errors[type] ? ' field--invalid' : ''}`}>
                <legend>{t(`types.${type}.label`)}</legend>
                {channelsFor(type).map((channel) => (
                  <label key={channel} className="checkbox">
                    <input type="radio" name={type} value={channel} defaultChecked={chosen === channel} />
                    <span>{t(`channels.${channel}`)}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          <button type="submit" className="button">
            {t('preferences.save')}
          </button>
        </Form>
      </details>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:preferences.title');
