import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { FeedbackQr } from '~/components/guidance/feedback-qr';
import { GuidanceForm } from '~/components/guidance/guidance-form';
import { SessionList } from '~/components/guidance/session-list';
import { DoneNotice, Notice, useFormResult } from '~/components/ui/form';
import { EDITABLE_DAYS } from '~/domain/guidance/constants';
import { feedbackUrl } from '~/domain/guidance/feedback-link.server';
import { qrDataUrl } from '~/utils/qr.server';
import { dateBounds, listItem, logPageData } from '~/domain/guidance/sessions.server';
import { submitEntry } from '~/domain/guidance/submit.server';
import { getLanguage } from '~/i18n/i18n.server';
import { readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';
import { isUuid } from '~/utils/ids';

/** Logging a session on a phone: the form, the entry just saved with its feedback QR, the last two weeks. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const language = await getLanguage(request);
  const search = new URL(request.url).searchParams;
  const savedId = search.get('saved') ?? '';
  // A place picked in the support point directory ("Log a session here").
  const point = isUuid(search.get('point') ?? '') ? search.get('point')! : '';
  const { defaults, choices, recent } = await logPageData(user, language, [point]);
  // Just saved, so among the entries still to correct.
  const saved = recent.find((s) => s.id === savedId) ?? null;
  const { today, earliest } = dateBounds();
  const url = saved ? feedbackUrl(saved.feedbackCode) : '';
  return json({
    userId: user.id,
    idempotencyKey: crypto.randomUUID(),
    today,
    earliest,
    defaults: {
      ...defaults,
      ...(choices.points.some((p) => p.id === point) ? { supportPointId: point } : {}),
      date: today,
      durationMinutes: '30',
    },
    // Without JavaScript a failed save comes back to this address: the place stays listed.
    formAction: point ? `/reports/log?point=${point}` : '/reports/log',
    choices,
    recent: recent.map((s) => listItem(s, language)),
    saved: saved
      ? {
          id: saved.id,
          path: `/f/${saved.feedbackCode}`,
          url,
          qr: await qrDataUrl(url),
          answered: Boolean(saved.feedback),
        }
      : null,
  });
}

/** Without JavaScript the form posts here; with it, to /reports/log/save (same command). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const result = await submitEntry(user, await readForm(request), null);
  if (result.ok) return redirect(`/reports/log?saved=${result.id}`);
  return refused(result, result.values);
}

export default function GuidanceLogPage() {
  const { userId, idempotencyKey, today, earliest, defaults, choices, recent, saved, formAction } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const { t: tr } = useTranslation('roster');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/reports">{t('title')}</Link>
      </p>
      <h1>{t('log.title')}</h1>
      <HelpLink topic="guidance" />
      <p className="muted">{t('log.lead')}</p>
      <p>
        <Link to="/referrals/new">{tr('referral.makeSlip')}</Link>
      </p>
      <DoneNotice />
      {saved ? (
        <>
          <Notice tone="success">
            <p>{t('log.saved')}</p>
            <p>
              <Link to={`/reports/log/${saved.id}`}>{t('log.editSaved')}</Link>
            </p>
          </Notice>
          {saved.answered ? null : (
            <FeedbackQr
              qr={saved.qr}
              url={saved.url}
              path={saved.path}
              heading={t('qr.sessionHeading')}
              lead={t('qr.sessionLead')}
            />
          )}
          <h2 id="another">{t('log.another')}</h2>
        </>
      ) : null}
      <GuidanceForm
        key={idempotencyKey}
        action={formAction}
        idempotencyKey={idempotencyKey}
        userId={userId}
        today={today}
        earliest={earliest}
        defaults={defaults}
        points={choices.points}
        pointsShortened={choices.pointsShortened}
        services={choices.services}
        errors={errors}
        values={values}
      />
      <h2>{t('log.recentTitle', { days: EDITABLE_DAYS })}</h2>
      <SessionList sessions={recent} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports:log.title');
