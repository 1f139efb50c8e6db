import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { AudienceFields } from '~/components/ui/audience-fields';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  typed,
  useFormResult,
} from '~/components/ui/form';
import { DateTime, PersonName } from '~/components/ui/misc';
import { announcementsWithReach, createAnnouncement } from '~/domain/announcements/announcements.server';
import { AnnouncementSchema } from '~/domain/announcements/schema.server';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';
import { TableWrap } from '~/components/ui/table-wrap';

/** Coordinators: announcements with how many have read them, and a form for a new one. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'announcements:manage');
  const [announcements, organisations] = await Promise.all([announcementsWithReach(), activeOrganisations()]);
  return json({ announcements, organisations, language: await getLanguage(request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'announcements:manage');
  const parsed = parseForm(AnnouncementSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const id = await createAnnouncement(user, parsed.data, requestMeta(request, context));
  return redirectDone(`/announcements/${id}`, 'events:announcements.created');
}

export default function AnnouncementsPage() {
  const { announcements, organisations, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  const { errors, values } = useFormResult();
  return (
    <div className="page">
      <h1>{t('announcements.title')}</h1>
      <p className="lead">{t('announcements.lead')}</p>
      <TableWrap label={t('announcements.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('announcements.heading')}</th>
              <th scope="col">{t('announcements.published')}</th>
              <th scope="col">{t('announcements.reach')}</th>
            </tr>
          </thead>
          <tbody>
            {announcements.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/announcements/${a.id}`}>{a.title}</Link>
                  {a.endedAt ? ` (${t('announcements.ended')})` : ''}
                </th>
                <td>
                  <DateTime value={a.createdAt} /> · <PersonName name={a.createdBy.name} />
                </td>
                <td>{t('announcements.readBy', { read: a.read, total: a.audienceSize })}</td>
              </tr>
            ))}
            {announcements.length === 0 ? (
              <tr>
                <td colSpan={3}>{t('announcements.none')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      <section aria-labelledby="new-announcement" className="section">
        <h2 id="new-announcement">{t('announcements.new')}</h2>
        <ErrorSummary errors={errors} />
        <Form method="post" className="form">
          <TextField
            name="title"
            label={t('announcements.heading')}
            maxLength={200}
            defaultValue={typed(values, 'title')}
            error={errors.title}
          />
          <TextAreaField
            name="body"
            label={t('announcements.body')}
            rows={5}
            maxLength={5000}
            defaultValue={typed(values, 'body')}
            error={errors.body}
          />
          <SelectField
            name="language"
            label={t('announcements.language')}
            defaultValue={typed(values, 'language', language)}
            options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          />
          <AudienceFields
            organisations={organisations}
            defaults={{ audience: 'all', audienceOrgIds: [], audienceRoles: [] }}
            errors={errors}
            values={values}
          />
          <button type="submit" className="button">
            {t('announcements.publish')}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events:announcements.title');
