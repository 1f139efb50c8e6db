import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ConfirmPanel, DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { confirmErasure, erasable, erasureReview } from '~/domain/privacy/erasure.server';
import { ConfirmErasureSchema } from '~/domain/privacy/schema.server';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// Erasure for admins (issue 16 item 3, ADR 027): members' requests, to confirm sooner than the
// automatic date, and accounts deactivated long enough to be reviewed.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:erase');
  return json(await erasureReview(user, scope));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:erase');
  const form = await readForm(request);
  const parsed = parseForm(ConfirmErasureSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  // Asked to confirm only about a member this admin may erase (otherwise 404, as always).
  const allowed = await erasable(user, scope, parsed.data.memberId);
  if (!allowed.ok) return refused(allowed);
  const ask = confirmFirst(form, 'erase');
  if (ask) return ask;
  const result = await confirmErasure(user, scope, parsed.data.memberId, requestMeta(request, context).ip);
  if (!result.ok) return refused(result);
  return done('admin:erasure.erased');
}

type Row = { id: string; name: string; email: string; organisation: { name: string } };

export default function ErasurePage() {
  const { t } = useTranslation('admin');
  const { requests, dormant, months } = useLoaderData<typeof loader>();
  const { errors, values, confirm } = useFormResult();
  const location = useLocation();
  const pending = confirm === 'erase' ? values.memberId : undefined;
  const everyone: Row[] = [...requests, ...dormant];
  const asked = everyone.find((m) => m.id === pending);
  const eraseButton = (m: Row) => (
    <Form method="post">
      <input type="hidden" name="memberId" value={m.id} />
      <button
        type="submit"
        name="intent"
        value="erase"
        className="button button--danger button--small"
        aria-label={t('erasure.eraseNamed', { name: m.name })}
      >
        {t('erasure.erase')}
      </button>
    </Form>
  );
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/members">{t('members:title')}</Link>
      </p>
      <h1>{t('erasure.title')}</h1>
      <DoneNotice />
      <ErrorSummary errors={errors} />
      <p>{t('erasure.intro')}</p>
      {asked ? (
        <ConfirmPanel
          intent="erase"
          values={values}
          question={t('erasure.confirm', { name: asked.name, email: asked.email })}
          detail={t('erasure.explain')}
          confirmLabel={t('erasure.erase')}
          cancelTo={location.pathname}
        />
      ) : null}
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('erasure.requestsTitle')}</h2>
        {requests.length ? (
          <ul className="card-list">
            {requests.map((m) => (
              <li key={m.id} className="card">
                <p>
                  <Link to={`/members/${m.id}`}>{m.name}</Link> · {m.email} · {m.organisation.name}
                </p>
                <p>
                  {t('erasure.requestedOn')} <DateTime value={m.erasureRequestedAt!} /> · {t('erasure.dueOn')}{' '}
                  <DateTime value={m.dueAt} dateOnly />
                </p>
                <p>{t(m.erasureDeletesPosts ? 'erasure.postsDelete' : 'erasure.postsKeep')}</p>
                {eraseButton(m)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('erasure.noRequests')}</p>
        )}
      </section>
      <section aria-labelledby="dormant-heading">
        <h2 id="dormant-heading">{t('erasure.dormantTitle', { count: months })}</h2>
        {dormant.length ? (
          <ul className="card-list">
            {dormant.map((m) => (
              <li key={m.id} className="card">
                <p>
                  <Link to={`/members/${m.id}`}>{m.name}</Link> · {m.email} · {m.organisation.name}
                </p>
                <p>
                  {t('erasure.deactivatedOn')} <DateTime value={m.deactivatedAt!} dateOnly />
                </p>
                {eraseButton(m)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('erasure.noDormant')}</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:erasure.title');
