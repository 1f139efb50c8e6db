import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { ErrorSummary, Notice, RadioGroup, TextField, typed, useFormResult } from '~/components/ui/form';
import { addDays } from '~/utils/calendar-days';
import { SignUpSchema } from '~/domain/roster/schema.server';
import { occurrence, signUp } from '~/domain/roster/shifts.server';
import { dayWithWeekday, helpTime } from '~/domain/roster/when';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { redirectDone } from '~/utils/done-cookie.server';
import { pageTitle } from '~/utils/meta';
import { getLanguage } from '~/i18n/i18n.server';

/** An adviser signs up for one help time, or for the same weekday every week until a day. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const url = new URL(request.url);
  const found = await occurrence(
    user.id,
    url.searchParams.get('slot') ?? '',
    url.searchParams.get('date') ?? '',
  );
  if (!found) throw notFound();
  return json({ occurrence: found, untilDefault: addDays(found.date, 7 * 8) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const parsed = parseForm(SignUpSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { slot, date, repeat, until } = parsed.data;
  const result = await signUp(user, { slotId: slot, date, repeat, until });
  if (!result.ok) return refused(result, parsed.values);
  const language = await getLanguage(request);
  return redirectDone(
    '/shifts',
    result.full.length
      ? {
          key: 'roster:signedUpSomeFull',
          values: {
            count: result.dates.length,
            dates: result.full.map((d) => dayWithWeekday(d, language)).join(', '),
          },
        }
      : { key: 'roster:signedUp', values: { count: result.dates.length } },
  );
}

export default function SignUpPage() {
  const { occurrence: o, untilDefault } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { errors, values } = useFormResult();
  const when = helpTime(o.date, o.startsAt, o.endsAt, i18n.language);
  const full = o.signedUp >= o.needed;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/support-points/${o.point.slug}#help-times`}>{o.point.name}</Link>
      </p>
      <h1>{t('signUpPage.title')}</h1>
      <p className="lead">{t('signUpPage.lead', { point: o.point.name, when })}</p>
      <p>
        {o.signedUp
          ? t(full ? 'staffing.staffed' : 'staffing.short', { count: o.signedUp, needed: o.needed })
          : t('staffing.empty', { needed: o.needed })}
      </p>
      {o.mine ? <Notice tone="info">{t('signUpPage.youAreOnDuty')}</Notice> : null}
      {full && !o.mine ? <Notice tone="info">{t('signUpPage.full')}</Notice> : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <input type="hidden" name="slot" value={o.slotId} />
        <input type="hidden" name="date" value={o.date} />
        <RadioGroup
          name="repeat"
          legend={t('signUpPage.repeat')}
          options={[
            { value: 'once', label: t('signUpPage.once') },
            { value: 'weekly', label: t('signUpPage.weekly') },
          ]}
          defaultValue={typed(values, 'repeat', 'once')}
          error={errors.repeat}
        />
        <TextField
          name="until"
          type="date"
          label={t('signUpPage.until')}
          hint={t('signUpPage.untilHint')}
          min={o.date}
          defaultValue={typed(values, 'until', untilDefault)}
          error={errors.until}
        />
        <button type="submit" className="button">
          {t('signUpPage.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:signUpPage.title');
