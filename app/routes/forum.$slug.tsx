import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { SelectField } from '~/components/ui/form';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { DateTime, Pagination, PersonName } from '~/components/ui/misc';
import { categoryBySlug, setCategoryFollow } from '~/domain/forum/categories.server';
import { DEVICE_TAGS, THREAD_FILTERS } from '~/domain/forum/constants';
import { categoryPage } from '~/domain/forum/threads.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { dataTitle } from '~/utils/meta';
import { ThreadStateBadges } from '~/components/forum/thread-badges';
import { CategoryFollowSchema, ThreadFilterSchema } from '~/domain/forum/schema.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const url = new URL(request.url);
  const f = ThreadFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  const found = await categoryPage(user, params.slug ?? '', await getLanguage(request), {
    ...f,
    tag: f.tag || undefined,
    filter: f.show,
    page,
  });
  if (!found) throw notFound();
  return json({ ...found, page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const category = await categoryBySlug(params.slug ?? '', 'fi', user.id);
  if (!category) throw notFound();
  const parsed = parseForm(CategoryFollowSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  await setCategoryFollow(user, category.id, parsed.data.intent === 'follow');
  return done();
}

export default function CategoryPage() {
  const { category, threads, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/forum">{t('title')}</Link>
      </p>
      <div className="page-header">
        <h1>{category.name}</h1>
        <div className="actions-row">
          <Form method="post" preventScrollReset>
            <button
              type="submit"
              name="intent"
              value={category.following ? 'unfollow' : 'follow'}
              className="button button--secondary"
              aria-pressed={category.following}
            >
              {category.following ? t('category.following') : t('category.follow')}
            </button>
          </Form>
          <Link to={`/forum/new?category=${category.id}`} className="button">
            {t('newThread.open')}
          </Link>
        </div>
      </div>
      {category.description ? <p className="lead">{category.description}</p> : null}
      <Form method="get" className="filters" role="search" aria-label={t('category.filters')}>
        <FilterDisclosure
          label={t('category.narrow')}
          active={
            [params.get('device'), params.get('language'), (params.get('show') ?? 'all') !== 'all'].filter(
              Boolean,
            ).length
          }
        >
          <SelectField
            name="show"
            label={t('category.show')}
            defaultValue={params.get('show') ?? 'all'}
            options={THREAD_FILTERS.map((f) => ({ value: f, label: t(`filters.${f}`) }))}
          />
          <SelectField
            name="device"
            label={t('category.device')}
            defaultValue={params.get('device') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              ...DEVICE_TAGS.map((d) => ({ value: d, label: t(`devices.${d}`) })),
            ]}
          />
          <SelectField
            name="language"
            label={t('category.language')}
            defaultValue={params.get('language') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t('filters.apply')}
          </button>
        </FilterDisclosure>
        {params.get('tag') ? <input type="hidden" name="tag" value={params.get('tag') ?? ''} /> : null}
      </Form>
      <p role="status">
        {t('category.count', { count: total })}
        {params.get('tag') ? ` · #${params.get('tag')}` : ''}
      </p>
      <ul className="thread-list">
        {threads.map((thread) => (
          <li key={thread.id} className={`thread-row${thread.unread ? ' thread-row--unread' : ''}`}>
            <h2 className="thread-row__title" lang={thread.language}>
              <Link to={`/forum/t/${thread.id}`}>{thread.title}</Link>
            </h2>
            <p className="thread-row__badges">
              <ThreadStateBadges thread={thread} />
            </p>
            <p className="muted">
              <PersonName name={thread.author.name} /> · {t('thread.replies', { count: thread.replyCount })} ·{' '}
              {t('index.lastActivity')} <DateTime value={thread.lastPostAt} />
              {thread.unread ? (
                <>
                  {' · '}
                  <Link to={`/forum/t/${thread.id}?unread=1`}>
                    {t('thread.firstUnread')}
                    <span className="visually-hidden">: {thread.title}</span>
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {threads.length === 0 ? <p>{t('category.empty')}</p> : null}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.category.name, 'forum:title');
