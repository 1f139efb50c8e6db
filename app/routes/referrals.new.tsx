import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { Link } from '~/components/ui/link';
import { requirePermission } from '~/auth/guards.server';
import {
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  typed,
  typedList,
  useFormResult,
} from '~/components/ui/form';
import { BRING_ITEMS } from '~/domain/roster/constants';
import { makeReferral, referralChoices } from '~/domain/roster/referrals.server';
import { ReferralSchema } from '~/domain/roster/schema.server';
import { districtName } from '~/domain/support-points/districts';
import { getLanguage } from '~/i18n/i18n.server';
import { LANGUAGE_NAMES } from '~/i18n/config';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/**
 * Making a referral slip for a resident (issue 17 item 5): from the directory (`?to=<point>`)
 * or the guidance log. The slip opens for printing in the resident's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const language = await getLanguage(request);
  const url = new URL(request.url);
  const to = url.searchParams.get('to') ?? '';
  const choices = await referralChoices(user, language, to);
  return json({
    choices,
    // A refused slip without JavaScript comes back here, with the place it was for listed.
    formAction: choices.toPoints.some((p) => p.slug === to) ? `/referrals/new?to=${to}` : '/referrals/new',
    defaults: {
      toKind: 'point',
      toPoint: choices.toPoints.some((p) => p.slug === to) ? to : '',
      fromPoint: choices.usualPointId ?? '',
      language,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const parsed = parseForm(ReferralSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await makeReferral(user, parsed.data);
  if (!result.ok) return refused(result, parsed.values);
  return redirect(`/r/${result.code}?lng=${parsed.data.language}`);
}

export default function NewReferralPage() {
  const { choices, defaults, formAction } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <h1>{t('referral.newTitle')}</h1>
      <p className="lead">{t('referral.newLead')}</p>
      <ErrorSummary errors={errors} />
      {/* A whole page load: the slip is in the resident's language, whose strings this page lacks. */}
      <Form method="post" action={formAction} className="form" reloadDocument>
        <RadioGroup
          name="toKind"
          legend={t('referral.toKind')}
          options={(['point', 'eservice', 'other'] as const).map((k) => ({
            value: k,
            label: t(`referral.kinds.${k}`),
          }))}
          defaultValue={typed(values, 'toKind', defaults.toKind)}
          error={errors.toKind}
        />
        <SelectField
          name="toPoint"
          label={t('referral.toPoint')}
          hint={
            choices.shortened
              ? `${t('referral.toPointHint')} ${t('referral.toPointShortHint')}`
              : t('referral.toPointHint')
          }
          defaultValue={typed(values, 'toPoint', defaults.toPoint)}
          error={errors.toPoint}
          options={[
            { value: '', label: t('referral.choose') },
            ...choices.toPoints.map((p) => ({
              value: p.slug,
              label: `${districtName(p.district, i18n.language)}: ${p.name}`,
            })),
          ]}
        />
        {choices.shortened ? (
          <p>
            <Link to="/support-points">{t('referral.findPoint')}</Link>
          </p>
        ) : null}
        <SelectField
          name="toEservice"
          label={t('referral.toEservice')}
          defaultValue={typed(values, 'toEservice')}
          error={errors.toEservice}
          options={[
            { value: '', label: t('referral.choose') },
            ...choices.services.map((s) => ({ value: s.slug, label: s.name })),
          ]}
        />
        <TextAreaField
          name="toOther"
          label={t('referral.toOther')}
          hint={t('referral.toOtherHint')}
          rows={3}
          maxLength={300}
          defaultValue={typed(values, 'toOther')}
          error={errors.toOther}
        />
        <RadioGroup
          name="language"
          legend={t('referral.language')}
          options={(['fi', 'sv', 'en'] as const).map((l) => ({
            value: l,
            label: <span lang={l}>{LANGUAGE_NAMES[l]}</span>,
          }))}
          defaultValue={typed(values, 'language', defaults.language)}
          error={errors.language}
        />
        <CheckboxGroup
          name="bring"
          legend={t('referral.bring')}
          options={BRING_ITEMS.map((b) => ({ value: b, label: t(`referral.items.${b}`) }))}
          defaultValues={typedList(values, 'bring', [])}
          error={errors.bring}
        />
        <TextField
          name="bringOther"
          label={t('referral.bringOther')}
          maxLength={200}
          defaultValue={typed(values, 'bringOther')}
          error={errors.bringOther}
        />
        <SelectField
          name="fromPoint"
          label={t('referral.fromPoint')}
          hint={t('referral.fromPointHint')}
          defaultValue={typed(values, 'fromPoint', defaults.fromPoint)}
          error={errors.fromPoint}
          options={[
            { value: '', label: t('referral.notAtPoint') },
            ...choices.fromPoints.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <button type="submit" className="button">
          {t('referral.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:referral.newTitle');
