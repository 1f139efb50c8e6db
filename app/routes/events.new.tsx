import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requireUser } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { EMPTY_EVENT, EventFields } from '~/components/events/event-fields';
import { ErrorSummary, SelectField, TextField, typed, useFormResult } from '~/components/ui/form';
import { canCreateEvents } from '~/domain/events/access.server';
import { createEvent } from '~/domain/events/events.server';
import { eventFormOptions } from '~/domain/events/form-data.server';
import { EventSchema, RepeatSchema } from '~/domain/events/schema.server';
import { createSeries } from '~/domain/events/series.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

async function requireCreator(request: Request) {
  const user = await requireUser(request);
  if (!canCreateEvents(user)) throw notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCreator(request);
  // ?point=<id>: "Announce an event here" on a support point's page.
  const point = new URL(request.url).searchParams.get('point') ?? '';
  const options = await eventFormOptions(user, [point]);
  const listed = options.supportPoints.some((p) => p.id === point);
  return json({ ...options, defaults: { ...EMPTY_EVENT, supportPointId: listed ? point : '' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireCreator(request);
  const form = await readForm(request);
  const parsed = parseForm(EventSchema, form);
  const repeat = parseForm(RepeatSchema, form);
  if (!parsed.ok || !repeat.ok) {
    return invalid(
      { ...(parsed.ok ? {} : parsed.errors), ...(repeat.ok ? {} : repeat.errors) },
      parsed.values,
    );
  }
  const { repeatWeeks, repeatCount } = repeat.data;
  if ((repeatWeeks === null) !== (repeatCount === null)) {
    return invalid(
      { [repeatWeeks === null ? 'repeatWeeks' : 'repeatCount']: { key: 'events:errors.repeatBoth' } },
      parsed.values,
    );
  }
  const meta = requestMeta(request, context);
  const result =
    repeatWeeks && repeatCount
      ? await createSeries(user, parsed.data, { weeks: repeatWeeks, count: repeatCount }, meta)
      : await createEvent(user, parsed.data, meta);
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/events/${result.id}`, 'events:new.created');
}

export default function NewEventPage() {
  const { defaults, ...options } = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/events">{t('title')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <EventFields defaults={defaults} {...options} errors={errors} values={values} />
        <fieldset className="field-group">
          <legend>{t('form.repeat')}</legend>
          <SelectField
            name="repeatWeeks"
            label={t('form.repeatWeeks')}
            defaultValue={typed(values, 'repeatWeeks')}
            error={errors.repeatWeeks}
            options={[
              { value: '', label: t('form.repeatNone') },
              ...[1, 2, 3, 4, 5, 6, 8].map((w) => ({
                value: String(w),
                label: t('form.everyWeeks', { count: w }),
              })),
            ]}
          />
          <TextField
            type="number"
            name="repeatCount"
            label={t('form.repeatCount')}
            hint={t('form.repeatCountHint')}
            min={2}
            max={26}
            inputMode="numeric"
            defaultValue={typed(values, 'repeatCount')}
            error={errors.repeatCount}
          />
        </fieldset>
        <button type="submit" className="button">
          {t('new.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events:new.title');
