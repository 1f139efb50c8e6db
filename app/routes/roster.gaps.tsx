import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { askForHelp } from '~/domain/roster/ask.server';
import { gaps } from '~/domain/roster/coverage.server';
import { AskSchema } from '~/domain/roster/schema.server';
import { helpTime } from '~/domain/roster/when';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** Help times of the next 14 days that lack advisers, each with one click to ask suitable ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:manage');
  const list = await gaps(user);
  return json({
    gaps: list.map((g) => ({
      slotId: g.slotId,
      date: g.date,
      start: g.start.toISOString(),
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      state: g.state,
      live: g.live,
      needed: g.needed,
      languages: g.languages,
      point: { slug: g.point.slug, name: g.point.name },
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:manage');
  const parsed = parseForm(AskSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await askForHelp(user, parsed.data.slotId, parsed.data.date, requestMeta(request, context));
  if (!result.ok) return refused(result);
  return done(
    result.asked
      ? { key: 'roster:coverage.asked', values: { count: result.asked } }
      : 'roster:coverage.askedNobody',
  );
}

export default function GapsPage() {
  const { gaps: list } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const { errors } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/roster">{t('coverage.title')}</Link>
      </p>
      <h1>{t('coverage.gapsTitle')}</h1>
      <DoneNotice />
      <ErrorSummary errors={errors} />
      <p className="lead">{t('coverage.gapsLead')}</p>
      {list.length ? (
        <ul className="card-list">
          {list.map((g) => {
            const when = helpTime(g.date, g.startsAt, g.endsAt, i18n.language);
            return (
              <li
                key={`${g.slotId}-${g.date}`}
                className={`card help-time help-time--${g.state === 'short' ? 'short' : 'empty'}`}
              >
                <h2 className="card__title">
                  <time dateTime={g.start}>{when}</time>
                </h2>
                <p>
                  <Link to={`/support-points/${g.point.slug}#help-times`}>{g.point.name}</Link>
                </p>
                <p className="help-time__state">
                  {t(`coverage.state.${g.state}`, { live: g.live, needed: g.needed })}
                </p>
                <p className="muted">
                  {t('languagesOffered', {
                    languages: g.languages.map((l) => tp(`languages.${l}`)).join(', '),
                  })}
                </p>
                <Form method="post">
                  <input type="hidden" name="slotId" value={g.slotId} />
                  <input type="hidden" name="date" value={g.date} />
                  <button
                    type="submit"
                    className="button"
                    aria-label={t('coverage.askNamed', { point: g.point.name, when })}
                  >
                    {t('coverage.ask')}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('coverage.noGaps')}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:coverage.gapsTitle');
