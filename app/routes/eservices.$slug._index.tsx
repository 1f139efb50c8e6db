import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { BriefingItem } from '~/components/briefings/briefing-badges';
import { StatusBadge } from '~/components/feedback/feedback-labels';
import { DateTime } from '~/components/ui/misc';
import { eservicePage } from '~/domain/briefings/eservice-page.server';
import { getLanguage } from '~/i18n/i18n.server';
import { dataTitle } from '~/utils/meta';

/** One e-service: how to help a resident with it, whom to ask, and everything about it here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const page = await eservicePage(user, params.slug ?? '', await getLanguage(request));
  if (!page) throw notFound();
  return json({ ...page, canManage: can(user, 'eservices:manage') });
}

export default function EServicePage() {
  const { service, serviceId, sessions, briefings, problems, materials, threads, canWrite, canManage } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  const { t: tf } = useTranslation('feedback');
  return (
    <article className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/eservices">{t('eservices.title')}</Link>
      </p>
      <h1>{service.name}</h1>
      <dl className="facts">
        <dt>{t('eservices.form.status')}</dt>
        <dd>{t(`eservices.statuses.${service.status}`)}</dd>
        {service.launchDate ? (
          <>
            <dt>{t('eservices.form.launchDate')}</dt>
            <dd>
              <DateTime value={service.launchDate} dateOnly />
            </dd>
          </>
        ) : null}
        {service.owner ? (
          <>
            <dt>{t('eservices.form.owner')}</dt>
            <dd>{service.owner}</dd>
          </>
        ) : null}
        {service.publicUrl ? (
          <>
            <dt>{t('eservices.form.publicUrl')}</dt>
            <dd>
              <a href={service.publicUrl} rel="noopener noreferrer">
                {service.publicUrl.replace(/^https:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('eservices.contacts')}</dt>
        <dd>
          {service.contacts.length
            ? service.contacts.map((c) => c.name).join(', ')
            : t('eservices.noContacts')}
        </dd>
        <dt>{t('eservices.sessionsYear')}</dt>
        <dd>
          {sessions === null ? t('eservices.fewerThan5') : sessions}{' '}
          <Link to={`/reports?eservice=${serviceId}`}>{t('eservices.sessionFigures')}</Link>
        </dd>
      </dl>
      {canManage ? (
        <p>
          <Link to={`/eservices/${service.slug}/edit`}>{t('eservices.edit')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="help-heading" className="section">
        <h2 id="help-heading">{t('eservices.howToHelp')}</h2>
        {service.help.text ? (
          <div className="prose" lang={service.help.lang}>
            {service.help.text.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : (
          <p>{t('eservices.noHelp')}</p>
        )}
      </section>

      <section aria-labelledby="briefings-heading" className="section">
        <h2 id="briefings-heading">{t('title')}</h2>
        {canWrite ? (
          <p>
            <Link to={`/briefings/new?eservice=${service.slug}`} className="button">
              {t('new.title')}
            </Link>
          </p>
        ) : null}
        {briefings.length ? (
          <ul className="plain-list">
            {briefings.map((b) => (
              <BriefingItem key={b.id} briefing={b} />
            ))}
          </ul>
        ) : (
          <p>{t('eservices.noBriefings')}</p>
        )}
      </section>

      <section aria-labelledby="problems-heading" className="section">
        <h2 id="problems-heading">{tf('top.title')}</h2>
        <p className="actions-row">
          <Link to={`/eservices/${service.slug}/feedback/new`} className="button">
            {tf('new.title')}
          </Link>
          {canWrite ? <Link to={`/eservices/${service.slug}/feedback`}>{tf('queue.pageTitle')}</Link> : null}
        </p>
        {problems.length ? (
          <ul className="action-list">
            {problems.map((p) => (
              <li key={p.id}>
                <span>
                  <Link to={`/feedback/${p.id}`}>{p.whatHappened}</Link> <StatusBadge status={p.status} />{' '}
                  <span className="muted">{tf('report.seenCount', { count: p.seenCount })}</span>
                </span>
                {p.mine || p.seen ? null : (
                  <Form method="post" action={`/feedback/${p.id}`} preventScrollReset>
                    <button type="submit" name="intent" value="seen" className="button button--secondary">
                      {tf('report.seenToo')}
                      <span className="visually-hidden">: {p.whatHappened}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{tf('top.none')}</p>
        )}
      </section>

      <section aria-labelledby="materials-heading" className="section">
        <h2 id="materials-heading">{t('eservices.materials')}</h2>
        {materials.length ? (
          <ul className="plain-list">
            {materials.map((m) => (
              <li key={m.slug}>
                <Link to={`/library/${m.slug}`} lang={m.language}>
                  {m.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('eservices.noMaterials')}</p>
        )}
      </section>

      <section aria-labelledby="threads-heading" className="section">
        <h2 id="threads-heading">{t('eservices.threads')}</h2>
        {threads.length ? (
          <ul className="plain-list">
            {threads.map((th) => (
              <li key={th.id}>
                <Link to={`/forum/t/${th.id}`} lang={th.language}>
                  {th.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('eservices.noThreads')}</p>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.service.name, 'briefings:eservices.title');
