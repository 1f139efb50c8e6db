import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import { EventFields } from '~/components/events/event-fields';
import { ErrorSummary, typed, useFormResult } from '~/components/ui/form';
import { updateEvent } from '~/domain/events/events.server';
import { eventDefaults, eventFormOptions } from '~/domain/events/form-data.server';
import { requireEvent } from '~/domain/events/guards.server';
import { EventSchema, ScopeSchema } from '~/domain/events/schema.server';
import { updateFollowing, updateThisOccurrence } from '~/domain/events/series.server';
import { eventTitle } from '~/domain/events/titles';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id, 'organiser');
  const options = await eventFormOptions(user, event.supportPointId ? [event.supportPointId] : []);
  // The event's own type stays selectable even for someone who could not create it.
  const types = options.types.includes(event.type as never) ? options.types : [event.type, ...options.types];
  return json({
    ...options,
    types,
    id: event.id,
    title: eventTitle(event, 'fi').text,
    defaults: eventDefaults(event),
    seriesIndex: event.seriesId ? event.seriesIndex : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id, 'organiser');
  const form = await readForm(request);
  const parsed = parseForm(EventSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const meta = requestMeta(request, context);
  const scope = ScopeSchema.parse({ scope: form.get('scope') }).scope;
  const result = !event.seriesId
    ? await updateEvent(user, event.id, parsed.data, meta)
    : scope === 'following'
      ? await updateFollowing(user, event.id, parsed.data, meta)
      : await updateThisOccurrence(user, event.id, parsed.data, meta);
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/events/${event.id}`, 'events:edit.saved');
}

export default function EditEventPage() {
  const { id, title, defaults, seriesIndex, ...options } = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/events">{t('title')}</Link> › <Link to={`/events/${id}`}>{title}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <p>{t('edit.help')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <EventFields defaults={defaults} {...options} errors={errors} values={values} />
        {seriesIndex !== null ? (
          <fieldset className="field checkbox-group">
            <legend>{t('form.scope', { number: seriesIndex })}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="scope"
                value="this"
                defaultChecked={typed(values, 'scope', 'this') === 'this'}
              />
              <span>{t('form.scopeThis')}</span>
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="scope"
                value="following"
                defaultChecked={typed(values, 'scope') === 'following'}
              />
              <span>{t('form.scopeFollowing')}</span>
            </label>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t('edit.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'events:edit.title', data?.title);
