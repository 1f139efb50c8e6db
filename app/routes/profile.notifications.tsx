import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guards.server';
import { Notice, useFormResult } from '~/components/ui/form';
import { preferencesOf, savePreferences } from '~/domain/notifications/notifications.server';
import { CHANNELS, NOTIFICATION_TYPES, PreferencesSchema } from '~/domain/notifications/schema';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ preferences: await preferencesOf(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(PreferencesSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await savePreferences(user, parsed.data);
  return json({ ok: true as const, message: 'notifications:preferences.saved' });
}

export default function NotificationPreferencesPage() {
  const { preferences } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notifications');
  const { message, errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('profile:title')}</Link>
      </p>
      <h1>{t('preferences.title')}</h1>
      <p>{t('preferences.intro')}</p>
      {message ? (
        <Notice tone="success">
          <p>{t(message)}</p>
        </Notice>
      ) : null}
      <Form method="post" className="form">
        {NOTIFICATION_TYPES.map((type) => {
          const chosen = typeof values[type] === 'string' ? values[type] : preferences[type];
          return (
            <fieldset key={type} className={`field radio-group${errors[type] ? ' field--invalid' : ''}`}>
              <legend>{t(`types.${type}.label`)}</legend>
              {CHANNELS.map((channel) => (
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
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:preferences.title');
