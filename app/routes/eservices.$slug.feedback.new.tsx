import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  typed,
  useFormResult,
} from '~/components/ui/form';
import { visibleWhere } from '~/domain/briefings/access.server';
import { eserviceName, findEService } from '~/domain/briefings/eservices.server';
import { FEEDBACK_DEVICES, FREQUENCIES, SEVERITIES } from '~/domain/feedback/constants';
import { fileFeedback } from '~/domain/feedback/feedback.server';
import { findOwnSession } from '~/domain/guidance/sessions.server';
import { formatDate } from '~/i18n/format';
import { FeedbackSchema } from '~/domain/feedback/schema.server';
import { discard, receiveUpload } from '~/domain/uploads/files.server';
import { maxImageBytes } from '~/domain/uploads/images.server';
import { db } from '~/db.server';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

async function requireService(request: Request, slug: string | undefined) {
  const { user } = await requirePermission(request, 'briefings:read');
  const service = await findEService(slug ?? '');
  if (!service) throw notFound();
  return { user, service };
}

/** An adviser reports what residents run into; from a briefing, the report is tied to it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, service } = await requireService(request, params.slug);
  const search = new URL(request.url).searchParams;
  const briefingId = search.get('briefing') ?? '';
  // Opened from one of the adviser's guidance sessions: start from what the entry says.
  const session = await findOwnSession(user, search.get('session') ?? '');
  const briefing = /^[0-9a-f-]{36}$/.test(briefingId)
    ? await db.briefing.findFirst({
        where: { id: briefingId, eserviceId: service.id, ...visibleWhere(user) },
        select: { id: true, title: true },
      })
    : null;
  return json({
    slug: service.slug,
    name: eserviceName(service, await getLanguage(request)),
    briefing,
    fromSession: session ? { date: session.date.toISOString().slice(0, 10), device: session.device } : null,
    maxMb: Math.round(maxImageBytes() / 1048576),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, service } = await requireService(request, params.slug);
  const received = await receiveUpload(request, { field: 'screenshot', maxBytes: maxImageBytes() });
  if (!received.ok) {
    // The picture is refused; everything typed comes back, with every mistake marked at once.
    const typedBack = received.form ? parseForm(FeedbackSchema, received.form) : null;
    const errors = typedBack && !typedBack.ok ? typedBack.errors : {};
    return invalid(
      { ...errors, screenshot: { key: received.key, values: received.values } },
      typedBack?.values ?? {},
      received.status ? { status: received.status } : undefined,
    );
  }
  const parsed = parseForm(FeedbackSchema, received.form);
  if (!parsed.ok) {
    if (received.file) await discard(received.file);
    return invalid(parsed.errors, parsed.values);
  }
  const result = await fileFeedback(user, service, parsed.data, received.file);
  if (!result.ok) return refused(result, parsed.values);
  return redirectDone(`/feedback/${result.id}`, 'feedback:report.filed');
}

export default function NewFeedbackPage() {
  const { slug, name, briefing, fromSession, maxMb } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('feedback');
  const { errors, values } = useFormResult();
  const options = (kind: string, list: readonly string[]) =>
    list.map((v) => ({ value: v, label: t(`${kind}.${v}`) }));
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/eservices/${slug}`}>{name}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p>{t('new.lead')}</p>
      {briefing ? <p>{t('new.fromBriefing', { title: briefing.title })}</p> : null}
      {fromSession ? (
        <p>{t('new.fromSession', { date: formatDate(fromSession.date, i18n.language) })}</p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="briefingId" value={briefing?.id ?? ''} />
        <TextAreaField
          name="whatHappened"
          label={t('form.whatHappened')}
          hint={t('form.whatHappenedHint')}
          rows={5}
          maxLength={3000}
          defaultValue={typed(values, 'whatHappened')}
          error={errors.whatHappened}
        />
        <TextField
          name="step"
          label={t('form.step')}
          hint={t('form.stepHint')}
          maxLength={300}
          defaultValue={typed(values, 'step')}
          error={errors.step}
        />
        <SelectField
          name="device"
          label={t('form.device')}
          defaultValue={typed(values, 'device', fromSession?.device)}
          error={errors.device}
          options={[{ value: '', label: t('form.choose') }, ...options('devices', FEEDBACK_DEVICES)]}
        />
        <TextField
          name="os"
          label={t('form.os')}
          hint={t('form.osHint')}
          maxLength={100}
          defaultValue={typed(values, 'os')}
          error={errors.os}
        />
        <SelectField
          name="frequency"
          label={t('form.frequency')}
          defaultValue={typed(values, 'frequency')}
          error={errors.frequency}
          options={[{ value: '', label: t('form.choose') }, ...options('frequencies', FREQUENCIES)]}
        />
        <SelectField
          name="severity"
          label={t('form.severity')}
          defaultValue={typed(values, 'severity')}
          error={errors.severity}
          options={[{ value: '', label: t('form.choose') }, ...options('severities', SEVERITIES)]}
        />
        <TextField
          type="file"
          name="screenshot"
          accept="image/png,image/jpeg,image/webp,image/gif"
          label={t('form.screenshot')}
          hint={t('form.screenshotHint', { max: maxMb })}
          error={errors.screenshot}
        />
        <button type="submit" className="button">
          {t('new.send')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback:new.title');
