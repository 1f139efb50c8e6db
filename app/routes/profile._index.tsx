import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { rolesText } from '~/utils/roles-text';
import { sortedRoles } from '~/auth/roles';
import { requireUser } from '~/auth/guards.server';
import {
  CheckboxGroup,
  DoneNotice,
  SelectField,
  TextField,
  typed,
  typedList,
  useFormResult,
} from '~/components/ui/form';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { profilePart, updateProfile } from '~/domain/members/profile.server';
import { readTogether } from '~/db/read-together.server';
import { LANGUAGES, LANGUAGE_NAMES } from '~/i18n/config';
import { languageCookie } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { ProfileSchema } from '~/domain/members/schema.server';
import { districtName } from '~/domain/support-points/districts';
import { placesPart } from '~/domain/support-points/place-choices.server';
import { HelpLink } from '~/components/help-link';
import { DIRECTORY_FIELDS, KNOWN_DEVICES, KNOWN_TOPICS } from '~/domain/people/constants';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // ?point=<id>: "Add to my places" on a support point's page; the form starts with it ticked.
  const picked = new URL(request.url).searchParams.get('point');
  const [profile, { places, shortened }] = await readTogether(
    profilePart(user.id),
    placesPart(user, picked ? [picked] : []),
  );
  // A place to add: an active one, not already the member's (an old link may name one).
  const adding =
    places.some((p) => p.id === picked) && !profile.supportPoints.some((s) => s.supportPointId === picked)
      ? picked
      : null;
  return json({ profile, supportPoints: places, placesShortened: shortened, adding });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ProfileSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await updateProfile(user.id, parsed.data);
  return done(
    'profile:saved',
    {},
    { headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.locale) } },
  );
}

export default function ProfilePage() {
  const { profile, supportPoints, placesShortened, adding } = useLoaderData<typeof loader>();
  const myPlaces = profile.supportPoints.map((s) => s.supportPointId);
  const { t, i18n } = useTranslation('profile');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <h1>{t('title')}</h1>
      <HelpLink topic="profile" />
      <DoneNotice />
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{profile.email}</dd>
        <dt>{t('fields.organisation')}</dt>
        <dd>{profile.organisation.name}</dd>
        <dt>{t('fields.role')}</dt>
        <dd>{rolesText(t, i18n.language, sortedRoles(profile.roles.map((r) => r.role.key)))}</dd>
      </dl>
      <Form method="post" className="form" noValidate reloadDocument>
        <TextField
          name="name"
          label={t('fields.name')}
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={typed(values, 'name', profile.name)}
          error={errors.name}
        />
        <SelectField
          name="locale"
          label={t('fields.locale')}
          defaultValue={typed(values, 'locale', profile.locale)}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          error={errors.locale}
        />
        <CheckboxGroup
          name="adviseLanguages"
          legend={t('fields.adviseLanguages')}
          options={ADVISE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          defaultValues={typedList(values, 'adviseLanguages', profile.adviseLanguages)}
          error={errors.adviseLanguages}
        />
        <div id="places">
          <CheckboxGroup
            name="supportPointIds"
            legend={t('fields.supportPoints')}
            hint={
              adding
                ? t('fields.supportPointAdding')
                : placesShortened
                  ? t('fields.supportPointsShortHint')
                  : undefined
            }
            options={supportPoints.map((p) => ({
              value: p.id,
              label: `${p.name} (${districtName(p.district, i18n.language)})`,
            }))}
            defaultValues={typedList(values, 'supportPointIds', adding ? [...myPlaces, adding] : myPlaces)}
            error={errors.supportPointIds}
          />
          {placesShortened ? (
            <p>
              <Link to="/support-points">{t('fields.findSupportPoint')}</Link>
            </p>
          ) : null}
        </div>
        <TextField
          name="phone"
          type="tel"
          label={t('fields.phone')}
          hint={t('fields.phoneHint')}
          autoComplete="tel"
          maxLength={30}
          defaultValue={typed(values, 'phone', profile.phone)}
          error={errors.phone}
        />
        <CheckboxGroup
          name="knowDevices"
          legend={t('fields.knowDevices')}
          options={KNOWN_DEVICES.map((d) => ({ value: d, label: t(`reports:devices.${d}`) }))}
          defaultValues={typedList(values, 'knowDevices', profile.knowDevices)}
          error={errors.knowDevices}
        />
        <CheckboxGroup
          name="knowTopics"
          legend={t('fields.knowTopics')}
          options={KNOWN_TOPICS.map((topic) => ({ value: topic, label: t(`reports:topics.${topic}`) }))}
          defaultValues={typedList(values, 'knowTopics', profile.knowTopics)}
          error={errors.knowTopics}
        />
        <CheckboxGroup
          name="directoryShows"
          legend={t('fields.directoryShows')}
          hint={t('fields.directoryShowsHint')}
          options={DIRECTORY_FIELDS.map((f) => ({ value: f, label: t(`members:directoryFields.${f}`) }))}
          defaultValues={typedList(values, 'directoryShows', profile.directoryShows)}
          error={errors.directoryShows}
        />
        <button type="submit" className="button">
          {t('save')}
        </button>
      </Form>
      <p>
        <Link to="/profile/security">{t('security.link')}</Link>
      </p>
      <p>
        <Link to="/profile/sessions">{t('sessionsLink')}</Link>
      </p>
      <p>
        <Link to="/profile/notifications">{t('notificationSettings')}</Link>
      </p>
      <p>
        <Link to="/profile/data">{t('data.link')}</Link>
      </p>
      <p>
        <Link to="/profile/remove-account">{t('erasure.link')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:title');
