import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { EMPTY_ESERVICE, EServiceFields } from '~/components/briefings/eservice-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { saveEService } from '~/domain/briefings/eservices.server';
import { EServiceSchema } from '~/domain/briefings/schema.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'eservices:manage');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'eservices:manage');
  const parsed = parseForm(EServiceSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveEService(user, null, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirect(`/eservices/${result.slug}`);
}

export default function NewEServicePage() {
  const { t } = useTranslation('briefings');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/eservices">{t('eservices.title')}</Link>
      </p>
      <h1>{t('eservices.new')}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <EServiceFields defaults={EMPTY_ESERVICE} errors={errors} values={values} />
        <button type="submit" className="button">
          {t('eservices.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'briefings:eservices.new');
