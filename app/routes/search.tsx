import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { Fragment } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { requireUser } from '~/auth/guards.server';
import { SearchBox } from '~/components/search-box';
import { SelectField, TextField } from '~/components/ui/form';
import { Badge, DateTime, Pagination, usePersonName } from '~/components/ui/misc';
import { categoryOptions } from '~/domain/forum/categories.server';
import { SEARCH_KINDS, isDirectoryKind } from '~/domain/search/kinds';
import { SearchQuerySchema } from '~/domain/search/schema.server';
import { search, type SnippetPart } from '~/domain/search/search.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { CheckIcon, VerifiedIcon } from '~/components/ui/icons';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const query = SearchQuerySchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  const [result, categories] = await Promise.all([
    search(user, query, page),
    categoryOptions(await getLanguage(request)),
  ]);
  return json({ ...result, page, categories, query });
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}

/** The fields behind "Narrow the search". */
const FILTERS = ['kind', 'container', 'flag', 'language', 'from', 'to', 'author'] as const;

/** The same search, filters and all, for another query. */
function withQuery(params: URLSearchParams, q: string) {
  const next = new URLSearchParams(params);
  next.set('q', q);
  next.delete('page');
  return next.toString();
}

export default function SearchPage() {
  const { hits, total, more, page, pages, categories, query, suggestion } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const personName = usePersonName();
  const [params] = useSearchParams();
  const activeFilters = FILTERS.filter((name) => params.get(name)).length;
  return (
    <div className="page">
      <h1>{t('search.title')}</h1>
      <Form method="get" className="filters search-form" role="search" aria-label={t('search.title')}>
        <div className="field">
          <SearchBox id="search-q" label={t('search.query')} defaultValue={query.q} />
        </div>
        <FilterDisclosure label={t('search.narrow')} active={activeFilters}>
          <SelectField
            name="kind"
            label={t('search.where')}
            defaultValue={params.get('kind') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              ...SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) })),
            ]}
          />
          <SelectField
            name="container"
            label={t('search.category')}
            defaultValue={params.get('container') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              ...categories.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <SelectField
            name="flag"
            label={t('search.status')}
            defaultValue={params.get('flag') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              { value: 'solved', label: t('filters.solved') },
              { value: 'verified', label: t('filters.verified') },
            ]}
          />
          <SelectField
            name="language"
            label={t('search.language')}
            defaultValue={params.get('language') ?? ''}
            options={[
              { value: '', label: t('filters.any') },
              ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
            ]}
          />
          <TextField name="from" type="date" label={t('search.from')} defaultValue={query.from ?? ''} />
          <TextField name="to" type="date" label={t('search.to')} defaultValue={query.to ?? ''} />
          <TextField
            name="author"
            label={t('search.author')}
            defaultValue={query.author ?? ''}
            maxLength={100}
          />
        </FilterDisclosure>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </Form>
      {query.q ? (
        <p role="status">
          {more
            ? t('search.countMany', { count: total, query: query.q })
            : t('search.count', { count: total, query: query.q })}
        </p>
      ) : (
        <p>{t('search.hint')}</p>
      )}
      {suggestion ? (
        <p className="search-suggestion">
          {t('search.didYouMean')}{' '}
          <Link to={`/search?${withQuery(params, suggestion)}`}>
            <strong>{suggestion}</strong>
          </Link>
          ?
        </p>
      ) : null}
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={hit.url} className="search-result" lang={hit.language}>
            <h2 className="search-result__title">
              <Link to={hit.url}>{hit.title || hit.context}</Link>
            </h2>
            <p className="search-result__snippet">
              <Snippet parts={hit.snippet} />
            </p>
            <p className="muted" lang={undefined}>
              {t(`search.kinds.${hit.kind}`)}
              {hit.authorName !== null ? ` · ${personName(hit.authorName)}` : ''}
              {isDirectoryKind(hit.kind) ? (
                hit.context && hit.title ? (
                  ` · ${hit.context}`
                ) : (
                  ''
                )
              ) : (
                <>
                  {' · '}
                  <DateTime value={hit.publishedAt} />
                </>
              )}
              {hit.flags.includes('solved') ? (
                <Badge tone="accepted">
                  <CheckIcon />
                  {t('thread.solved')}
                </Badge>
              ) : null}
              {hit.flags.includes('verified') ? (
                <Badge tone="verified">
                  <VerifiedIcon />
                  {t('post.verified')}
                </Badge>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:search.title');
