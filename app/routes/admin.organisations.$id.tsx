import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { OrganisationForm } from '~/components/organisation-form';
import {
  ConfirmPanel,
  DoneNotice,
  ErrorSummary,
  TextField,
  typed,
  useFormResult,
} from '~/components/ui/form';
import {
  getOrganisation,
  organisationSso,
  updateOrganisation,
  updateOrganisationSso,
} from '~/domain/organisations/organisations.server';
import { OrganisationSchema, OrganisationSsoSchema } from '~/domain/organisations/schema.server';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'organisation:manage');
  const organisation = await getOrganisation(params.id ?? '');
  if (!organisation) throw notFound();
  return json({ organisation, sso: await organisationSso(organisation.id) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'organisation:manage');
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'sso' || intent === 'sso-remove') {
    const sso = parseForm(OrganisationSsoSchema, form);
    if (!sso.ok) return invalid(sso.errors, sso.values);
    if (sso.data.intent === 'sso-remove') {
      if (!(await getOrganisation(params.id ?? ''))) throw notFound();
      const ask = confirmFirst(form, 'sso-remove');
      if (ask) return ask;
    }
    const result = await updateOrganisationSso(
      user,
      params.id ?? '',
      sso.data,
      requestMeta(request, context).ip,
    );
    if (!result.ok) return refused(result, sso.values);
    return done(`admin:organisations.sso.done.${sso.data.intent}`);
  }
  const parsed = parseForm(OrganisationSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await updateOrganisation(
    user,
    params.id ?? '',
    parsed.data,
    requestMeta(request, context).ip,
  );
  if (!result.ok) return refused(result, parsed.values);
  return done('admin:organisations.saved');
}

export default function OrganisationPage() {
  const { organisation, sso } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { errors, values, confirm } = useFormResult();
  const location = useLocation();
  const ssoSubmitted = values.intent === 'sso';
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/admin/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{organisation.name}</h1>
      <DoneNotice />
      <OrganisationForm
        initial={organisation}
        errors={ssoSubmitted ? {} : errors}
        values={ssoSubmitted ? {} : values}
        submitLabel={t('organisations.save')}
      />
      {sso ? (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t('organisations.sso.title')}</h2>
          <p>{t('organisations.sso.intro')}</p>
          <p>
            {t('organisations.sso.redirectUri')} <code className="secret-key">{sso.redirectUri}</code>
          </p>
          {ssoSubmitted ? <ErrorSummary errors={errors} /> : null}
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="sso" />
            <TextField
              name="ssoIssuer"
              type="url"
              label={t('organisations.sso.issuer')}
              hint={t('organisations.sso.issuerHint')}
              defaultValue={typed(values, 'ssoIssuer', sso.ssoIssuer ?? '')}
              error={ssoSubmitted ? errors.ssoIssuer : undefined}
            />
            <TextField
              name="ssoClientId"
              label={t('organisations.sso.clientId')}
              defaultValue={typed(values, 'ssoClientId', sso.ssoClientId ?? '')}
              error={ssoSubmitted ? errors.ssoClientId : undefined}
            />
            <TextField
              name="ssoClientSecret"
              type="password"
              autoComplete="off"
              label={t('organisations.sso.clientSecret')}
              hint={sso.hasSecret ? t('organisations.sso.secretKept') : undefined}
              error={ssoSubmitted ? errors.ssoClientSecret : undefined}
            />
            <TextField
              name="ssoEmailDomains"
              label={t('organisations.sso.domains')}
              hint={t('organisations.sso.domainsHint')}
              defaultValue={typed(values, 'ssoEmailDomains', sso.ssoEmailDomains.join(', '))}
              error={ssoSubmitted ? errors.ssoEmailDomains : undefined}
            />
            <button type="submit" className="button">
              {t('organisations.sso.save')}
            </button>
          </Form>
          {sso.ssoIssuer && confirm === 'sso-remove' ? (
            <ConfirmPanel
              intent="sso-remove"
              values={values}
              question={t('organisations.sso.confirmRemove', { organisation: organisation.name })}
              detail={t('organisations.sso.removeExplain')}
              confirmLabel={t('organisations.sso.remove')}
              cancelTo={location.pathname}
            />
          ) : sso.ssoIssuer ? (
            <Form method="post">
              <button type="submit" name="intent" value="sso-remove" className="button button--danger">
                {t('organisations.sso.remove')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <p>
        <Link to={`/members?organisationId=${organisation.id}`}>{t('organisations.showMembers')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:organisations.title');
