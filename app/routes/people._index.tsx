import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { SelectField, TextField } from '~/components/ui/form';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { Pagination } from '~/components/ui/misc';
import { PersonFacts } from '~/components/people/person-facts';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { activeOrganisationsPart } from '~/domain/organisations/organisations.server';
import { KNOWN_DEVICES, KNOWN_TOPICS } from '~/domain/people/constants';
import { searchPeoplePart } from '~/domain/people/directory.server';
import { readTogether } from '~/db/read-together.server';
import { placesPart } from '~/domain/support-points/place-choices.server';
import { DirectoryFilterSchema } from '~/domain/people/schema.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';

// The member directory (issue 21): who at Kallio library speaks Arabic, who knows the Kela app.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const filter = DirectoryFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  const [result, organisations, { places, shortened }] = await readTogether(
    searchPeoplePart(filter, page),
    activeOrganisationsPart(),
    placesPart(user, filter.point ? [filter.point] : []),
  );
  const points = places.map(({ id, name }) => ({ id, name }));
  return json({ ...result, page, filter, organisations, points, pointsShortened: shortened });
}

export default function PeoplePage() {
  const { people, total, page, pages, filter, organisations, points, pointsShortened } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('members');
  const [params] = useSearchParams();
  // Each filter a member may show or hide (see directory.server.ts), and the role badge.
  const filters = [
    {
      name: 'language',
      options: ADVISE_LANGUAGES.map((l) => ({ value: l, label: t(`profile:languages.${l}`) })),
    },
    { name: 'organisation', options: organisations.map((o) => ({ value: o.id, label: o.name })) },
    {
      name: 'point',
      options: points.map((p) => ({ value: p.id, label: p.name })),
      // A large network lists the member's own places; a place's page names who helps there.
      hint: pointsShortened ? t('directory.pointShortHint') : undefined,
    },
    { name: 'device', options: KNOWN_DEVICES.map((d) => ({ value: d, label: t(`reports:devices.${d}`) })) },
    { name: 'topic', options: KNOWN_TOPICS.map((d) => ({ value: d, label: t(`reports:topics.${d}`) })) },
    {
      name: 'role',
      options: (['trainer', 'coordinator'] as const).map((r) => ({
        value: r,
        label: t(`common:roles.${r}`),
      })),
    },
  ];
  return (
    <div className="page">
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('directory.title')}>
        <TextField
          name="q"
          type="search"
          label={t('directory.name')}
          defaultValue={filter.q}
          maxLength={100}
        />
        <FilterDisclosure
          label={t('directory.narrow')}
          active={filters.filter(({ name }) => params.get(name)).length}
        >
          {filters.map(({ name, options, hint }) => (
            <SelectField
              key={name}
              name={name}
              label={t(`directory.${name}`)}
              hint={hint}
              defaultValue={params.get(name) ?? ''}
              options={[{ value: '', label: t('directory.any') }, ...options]}
            />
          ))}
        </FilterDisclosure>
        <button type="submit" className="button">
          {t('directory.search')}
        </button>
      </Form>
      <p role="status">{t('directory.count', { count: total })}</p>
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.id} className="person-card">
            <h2>
              <Link to={`/people/${person.id}`}>{person.name}</Link>
            </h2>
            <PersonFacts person={person} />
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'members:directory.title');
