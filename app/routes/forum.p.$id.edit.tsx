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
import { RichTextField } from '~/components/editor/rich-text-field';
import { TextField, typed, useFormResult } from '~/components/ui/form';
import { editablePost } from '~/domain/forum/edit.server';
import { editPost } from '~/domain/forum/posts.server';
import { EditSchema } from '~/domain/forum/schema.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const post = await editablePost(user, params.id ?? '');
  if (!post) throw notFound();
  return json({ post: { ...post, bodyJson: JSON.stringify(post.bodyJson) } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const parsed = parseForm(EditSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await editPost(user, params.id ?? '', parsed.data);
  if (!result.ok) return refused(result, parsed.values);
  return redirect(`/forum/p/${params.id}`);
}

export default function EditPostPage() {
  const { post } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const { errors, values } = useFormResult();
  const failed = Object.keys(values).length > 0;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/forum/p/${post.id}`}>{post.thread.title}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <p>{t('edit.historyNote')}</p>
      <Form method="post" className="form">
        {post.isQuestion ? (
          <TextField
            name="title"
            label={t('newThread.titleField')}
            maxLength={200}
            defaultValue={typed(values, 'title', post.thread.title)}
            error={errors.title}
          />
        ) : null}
        <RichTextField
          label={t('edit.body')}
          error={errors.body}
          initialJson={failed ? typed(values, 'body') || undefined : post.bodyJson}
          initialText={typed(values, 'bodyText')}
          loadEditor="now"
        />
        <button type="submit" className="button">
          {t('edit.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:edit.title');
