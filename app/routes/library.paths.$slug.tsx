import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { MaterialLink } from '~/components/library/material-link';
import { PathFields } from '~/components/library/path-fields';
import { Notice, SelectField, TextField, useFormResult } from '~/components/ui/form';
import { canManageLibrary } from '~/domain/library/access.server';
import {
  addableMaterials,
  changePathItems,
  findPath,
  pathDescription,
  pathStats,
  pathSteps,
  pathTitle,
  savePath,
} from '~/domain/library/paths.server';
import { PathItemSchema, PathSchema } from '~/domain/library/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { dataTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'library:read');
  const path = await findPath(params.slug ?? '');
  if (!path) throw notFound();
  const language = await getLanguage(request);
  const manager = canManageLibrary(user);
  // ?find=: a large library's materials to add, by title (addableMaterials).
  const find = (new URL(request.url).searchParams.get('find') ?? '').trim().slice(0, 100);
  const [steps, stats, addable] = await Promise.all([
    pathSteps(user, path, language),
    manager ? pathStats(path) : null,
    manager ? addableMaterials(path, language, find) : null,
  ]);
  return json({
    path: { ...path, title: pathTitle(path, language), description: pathDescription(path, language) },
    steps,
    stats,
    addable: addable ?? { materials: [], shortened: false },
    find,
    manager,
    language,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  const path = await findPath(params.slug ?? '');
  if (!path) throw notFound();
  const form = await readForm(request);
  if (form.get('intent') === 'save-path') {
    const parsed = parseForm(PathSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await savePath(user, path.id, parsed.data, requestMeta(request, context));
    if (!result.ok) return invalid(result.errors, parsed.values);
    return redirect(`/library/paths/${result.slug}`);
  }
  const parsed = parseForm(PathItemSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await changePathItems(path, parsed.data);
  return done();
}

export default function PathPage() {
  const { path, steps, stats, addable, find, manager, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const { errors, values } = useFormResult();
  const done = steps.filter((s) => s.state !== 'todo').length;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> › <Link to="/library/paths">{t('paths.title')}</Link>
      </p>
      <h1>{path.title}</h1>
      {path.description ? <p className="lead">{path.description}</p> : null}
      <p>
        <progress
          max={Math.max(steps.length, 1)}
          value={done}
          aria-label={t('paths.progressOf', { title: path.title })}
        />{' '}
        {t('paths.progress', { done, total: steps.length })}
      </p>
      <ol className="path-steps">
        {steps.map((s, i) => (
          <li key={s.groupId} className={`path-step path-step--${s.state}`}>
            <MaterialLink material={s} language={language} />
            {manager ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="groupId" value={s.groupId} />
                <input type="hidden" name="direction" value={i === 0 ? 'down' : 'up'} />
                {i > 0 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="move-item"
                    className="button button--small button--secondary"
                  >
                    {t('paths.moveUp')}
                    <span className="visually-hidden">: {s.title}</span>
                  </button>
                ) : null}
                <button
                  type="submit"
                  name="intent"
                  value="remove-item"
                  className="button button--small button--secondary"
                >
                  {t('paths.remove')}
                  <span className="visually-hidden">: {s.title}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {steps.length === 0 ? <p>{t('paths.empty')}</p> : null}
      {manager && stats ? (
        <section aria-labelledby="path-admin" className="section">
          <h2 id="path-admin">{t('paths.manage')}</h2>
          <dl className="facts">
            <dt>{t('paths.started')}</dt>
            <dd>{stats.started}</dd>
            <dt>{t('paths.finished')}</dt>
            <dd>{stats.finished}</dd>
          </dl>
          {addable.shortened ? (
            <Form method="get" role="search" className="form" aria-label={t('paths.findMaterial')}>
              <TextField
                type="search"
                name="find"
                label={t('paths.findMaterial')}
                hint={t('paths.findHint')}
                defaultValue={find}
                maxLength={100}
              />
              <button type="submit" className="button button--secondary">
                {t('paths.find')}
              </button>
            </Form>
          ) : null}
          <Form method="post" className="form">
            <SelectField
              name="groupId"
              label={t('paths.addMaterial')}
              hint={
                addable.shortened
                  ? find
                    ? t('paths.found', { count: addable.materials.length, find })
                    : t('paths.findFirst')
                  : undefined
              }
              error={errors.groupId}
              options={[
                { value: '', label: t('paths.pickMaterial') },
                ...addable.materials.map((m) => ({ value: m.groupId, label: m.title })),
              ]}
            />
            <button type="submit" name="intent" value="add-item" className="button button--secondary">
              {t('paths.add')}
            </button>
          </Form>
          <h3>{t('paths.edit')}</h3>
          {errors.slug || errors.titleFi || errors.titleSv || errors.titleEn ? (
            <Notice tone="error">
              <p>{t('form.fixErrors')}</p>
            </Notice>
          ) : null}
          <Form method="post" className="form">
            <PathFields errors={errors} values={values} defaults={path} />
            <button type="submit" name="intent" value="save-path" className="button">
              {t('paths.save')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.path.title, 'library:paths.title');
