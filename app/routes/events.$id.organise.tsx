import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import { ActionItem, SearchForm } from '~/components/ui/action-list';
import { DoneNotice, Notice, useFormResult } from '~/components/ui/form';
import { requireEvent } from '~/domain/events/guards.server';
import {
  addOrganiser,
  eventMaterials,
  linkMaterial,
  materialCandidates,
  organiserCandidates,
  removeOrganiser,
  unlinkMaterial,
} from '~/domain/events/links.server';
import { OrganiseSchema } from '~/domain/events/schema.server';
import { eventTitle } from '~/domain/events/titles';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm, refused, searchText } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';

/** Who organises the event and which library materials prepare for it, each found by search. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id, 'organiser');
  const language = await getLanguage(request);
  const search = new URL(request.url).searchParams;
  const who = searchText().parse(search.get('who') ?? '');
  const what = (search.get('what') ?? '').slice(0, 100);
  const [materials, people, found] = await Promise.all([
    eventMaterials(user, event.id, language),
    organiserCandidates(event.id, who),
    materialCandidates(event.id, what, language),
  ]);
  return json({
    id: event.id,
    title: eventTitle(event, language),
    language,
    who,
    what,
    organisers: event.organisers.map((o) => o.user),
    materials,
    people,
    found,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id, 'organiser');
  const parsed = parseForm(OrganiseSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const meta = requestMeta(request, context);
  const input = parsed.data;
  const result =
    'userId' in input
      ? input.intent === 'add-organiser'
        ? await addOrganiser(user, event.id, input.userId, meta)
        : await removeOrganiser(user, event.id, input.userId, meta)
      : input.intent === 'link-material'
        ? await linkMaterial(user, event.id, input.groupId, meta)
        : await unlinkMaterial(user, event.id, input.groupId, meta);
  if (!result.ok) return refused(result, parsed.values);
  return done(`events:organise.done.${input.intent}`);
}

export default function OrganisePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  const { errors } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/events/${data.id}`} lang={data.title.lang}>
          {data.title.text}
        </Link>
      </p>
      <h1>{t('organise.title')}</h1>
      <div role="status">
        <DoneNotice />
      </div>

      <section aria-labelledby="organisers-heading" className="section">
        <h2 id="organisers-heading">{t('event.organisers')}</h2>
        {errors.userId ? (
          <Notice tone="error">
            <p>{t(errors.userId.key)}</p>
          </Notice>
        ) : null}
        <ul className="action-list">
          {data.organisers.map((o) => (
            <ActionItem
              key={o.id}
              field={{ name: 'userId', value: o.id }}
              intent="remove-organiser"
              label={t('organise.remove')}
              subject={o.name}
              tone="secondary"
            >
              <strong>{o.name}</strong>
            </ActionItem>
          ))}
        </ul>
        <SearchForm
          name="who"
          label={t('organise.findPerson')}
          hint={t('organise.findPersonHint')}
          value={data.who}
          button={t('organise.find')}
          keep={{ what: data.what }}
        />
        {data.who.trim().length >= 2 && data.people.length === 0 ? <p>{t('organise.noPeople')}</p> : null}
        {data.people.length ? (
          <ul className="action-list" aria-label={t('organise.results')}>
            {data.people.map((p) => (
              <ActionItem
                key={p.id}
                field={{ name: 'userId', value: p.id }}
                intent="add-organiser"
                label={t('organise.addOrganiser')}
                subject={p.name}
              >
                <span>
                  <strong>{p.name}</strong> <span className="muted">{p.organisation}</span>
                </span>
              </ActionItem>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="materials-heading" className="section">
        <h2 id="materials-heading">{t('event.materials')}</h2>
        <p>{t('organise.materialsHelp')}</p>
        {errors.groupId ? (
          <Notice tone="error">
            <p>{t(errors.groupId.key)}</p>
          </Notice>
        ) : null}
        {data.materials.length ? (
          <ul className="action-list">
            {data.materials.map((m) => (
              <ActionItem
                key={m.groupId}
                field={{ name: 'groupId', value: m.groupId }}
                intent="unlink-material"
                label={t('organise.remove')}
                subject={m.title}
                tone="secondary"
              >
                <Link to={`/library/${m.slug}`} lang={m.language}>
                  {m.title}
                </Link>
              </ActionItem>
            ))}
          </ul>
        ) : (
          <p>{t('organise.noMaterials')}</p>
        )}
        <SearchForm
          name="what"
          label={t('organise.findMaterial')}
          value={data.what}
          button={t('organise.find')}
          keep={{ who: data.who }}
        />
        {data.what.trim().length >= 2 && data.found.length === 0 ? (
          <p>{t('organise.noMaterialsFound')}</p>
        ) : null}
        {data.found.length ? (
          <ul className="action-list" aria-label={t('organise.results')}>
            {data.found.map((m) => (
              <ActionItem
                key={m.groupId}
                field={{ name: 'groupId', value: m.groupId }}
                intent="link-material"
                label={t('organise.link')}
                subject={m.title}
              >
                <span lang={m.language}>{m.title}</span>
              </ActionItem>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'events:organise.title', data?.title.text);
