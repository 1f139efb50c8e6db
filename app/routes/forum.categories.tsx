import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, TextField, typed, useFormResult } from '~/components/ui/form';
import { categoriesForAdmin, createCategory, updateCategory } from '~/domain/forum/categories.server';
import { CategoryActionSchema } from '~/domain/forum/schema.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'forum:manage-categories');
  return json({ categories: await categoriesForAdmin() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:manage-categories');
  const parsed = parseForm(CategoryActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { intent, ...input } = parsed.data;
  const meta = requestMeta(request, context);
  const result =
    intent === 'create'
      ? await createCategory(user, input, meta)
      : await updateCategory(user, parsed.data.intent === 'update' ? parsed.data.id : '', input, meta);
  if (!result.ok) return refused(result, parsed.values);
  return done(`forum:categories.${intent}d`);
}

type Category = { id: string; slug: string; position: number } & Record<
  'nameFi' | 'nameSv' | 'nameEn' | 'descriptionFi' | 'descriptionSv' | 'descriptionEn',
  string
>;

function CategoryForm({ category }: { category?: Category }) {
  const { t } = useTranslation('forum');
  const { errors, values } = useFormResult();
  const mine = category ? values.id === category.id : values.intent === 'create';
  const v = (name: keyof Category) => (mine ? typed(values, name, '') : String(category?.[name] ?? ''));
  const e = (name: string) => (mine ? errors[name] : undefined);
  return (
    <Form method="post" className="form">
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      <TextField
        name="slug"
        label={t('categories.slug')}
        hint={t('categories.slugHint')}
        defaultValue={v('slug')}
        error={e('slug')}
      />
      {(['Fi', 'Sv', 'En'] as const).map((l) => (
        <fieldset key={l} className="field">
          <legend>{t(`categories.language${l}`)}</legend>
          <TextField
            name={`name${l}`}
            label={t('categories.name')}
            defaultValue={v(`name${l}`)}
            error={e(`name${l}`)}
            lang={l.toLowerCase()}
          />
          <TextField
            name={`description${l}`}
            label={t('categories.description')}
            defaultValue={v(`description${l}`)}
            error={e(`description${l}`)}
            lang={l.toLowerCase()}
          />
        </fieldset>
      ))}
      <TextField
        name="position"
        type="number"
        min={0}
        max={1000}
        label={t('categories.position')}
        defaultValue={v('position') || '0'}
        error={e('position')}
      />
      <button type="submit" name="intent" value={category ? 'update' : 'create'} className="button">
        {category ? t('categories.save') : t('categories.create')}
      </button>
    </Form>
  );
}

export default function CategoriesPage() {
  const { categories } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const { values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/forum">{t('title')}</Link>
      </p>
      <h1>{t('categories.title')}</h1>
      <DoneNotice />
      {categories.map((c) => (
        <details key={c.id} className="details" open={values.id === c.id || undefined}>
          <summary>
            {c.nameFi} / {c.nameSv} / {c.nameEn}
          </summary>
          <CategoryForm category={c} />
        </details>
      ))}
      <h2>{t('categories.new')}</h2>
      <CategoryForm />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:categories.title');
