import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { MaterialCard } from '~/components/library/material-card';
import { SelectField } from '~/components/ui/form';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { Pagination } from '~/components/ui/misc';
import { DEVICE_TAGS } from '~/domain/forum/constants';
import { canManageLibrary } from '~/domain/library/access.server';
import { LEVELS, MATERIAL_TYPES, SORTS } from '~/domain/library/constants';
import { listMaterials, tagOptions } from '~/domain/library/queries.server';
import { LibraryFilterSchema } from '~/domain/library/schema.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';

/** The list's filters, counted on the closed disclosure (a chosen order opens it, uncounted). */
const FILTERS = ['type', 'level', 'language', 'device', 'tag', 'eservice', 'status'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'library:read');
  const url = new URL(request.url);
  const filter = LibraryFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  const [result, tags] = await Promise.all([
    listMaterials(
      user,
      { ...filter, tag: filter.tag || undefined, eservice: filter.eservice || undefined },
      page,
      await getLanguage(request),
    ),
    tagOptions(),
  ]);
  return json({ ...result, page, tags, manager: canManageLibrary(user) });
}

export default function LibraryPage() {
  const { items, total, page, pages, tags, manager } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const [params] = useSearchParams();
  const any = { value: '', label: t('filters.any') };
  const select = (name: string, options: { value: string; label: string }[], label: string) => (
    <SelectField
      name={name}
      label={label}
      defaultValue={params.get(name) ?? ''}
      options={[any, ...options]}
    />
  );
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <div className="actions-row">
          <Link to="/library/paths" className="button button--secondary">
            {t('paths.title')}
          </Link>
          {manager ? (
            <>
              <Link to="/library/translations" className="button button--secondary">
                {t('translations.title')}
              </Link>
              <Link to="/library/new" className="button">
                {t('new.open')}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <HelpLink topic="library" />
      <p className="lead">{t('lead')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('filters.label')}>
        <FilterDisclosure
          label={t('filters.narrow')}
          active={FILTERS.filter((name) => params.get(name)).length}
          alsoOpen={(params.get('sort') ?? 'newest') !== 'newest'}
        >
          {select(
            'type',
            MATERIAL_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) })),
            t('filters.type'),
          )}
          {select(
            'level',
            LEVELS.map((v) => ({ value: v, label: t(`levels.${v}`) })),
            t('filters.level'),
          )}
          {select(
            'language',
            LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
            t('filters.language'),
          )}
          {select(
            'device',
            DEVICE_TAGS.map((d) => ({ value: d, label: t(`forum:devices.${d}`) })),
            t('filters.device'),
          )}
          {select(
            'tag',
            tags.topics.map((v) => ({ value: v, label: v })),
            t('filters.tag'),
          )}
          {select(
            'eservice',
            tags.eservices.map((v) => ({ value: v, label: v })),
            t('filters.eservice'),
          )}
          {manager
            ? select(
                'status',
                (['draft', 'scheduled', 'archived'] as const).map((s) => ({
                  value: s,
                  label: t(`statuses.${s}`),
                })),
                t('filters.status'),
              )
            : null}
          <SelectField
            name="sort"
            label={t('filters.sort')}
            defaultValue={params.get('sort') ?? 'newest'}
            options={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
          />
          <button type="submit" className="button button--secondary">
            {t('filters.apply')}
          </button>
        </FilterDisclosure>
      </Form>
      <p role="status">{t('count', { count: total })}</p>
      <ul className="material-list">
        {items.map((item) => (
          <MaterialCard key={item.slug} item={item} />
        ))}
      </ul>
      {items.length === 0 ? <p>{t('empty')}</p> : null}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'library:title');
