import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useRef, useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { RichTextField } from '~/components/editor/rich-text-field';
import { ThreadFields } from '~/components/forum/thread-fields';
import { useQuestionDraft } from '~/components/forum/question-draft';
import { SimilarQuestions } from '~/components/forum/similar-questions';
import { ErrorSummary, Notice, typed, useFormResult } from '~/components/ui/form';
import { categoryOptions } from '~/domain/forum/categories.server';
import { createThread } from '~/domain/forum/posts.server';
import { countAskedAfter, openedSuggestion } from '~/domain/forum/similar-questions.server';
import { ThreadSchema } from '~/domain/forum/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const language = await getLanguage(request);
  const preselected = new URL(request.url).searchParams.get('category') ?? '';
  return json({ categories: await categoryOptions(language), preselected, language, userId: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const parsed = parseForm(ThreadSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createThread(user, parsed.data);
  if (!result.ok) return invalid(result.errors, parsed.values);
  // Asked after all, although a similar question was opened: counted, and forgotten.
  if (await openedSuggestion.parse(request.headers.get('Cookie'))) {
    await countAskedAfter();
    return redirect(`/forum/t/${result.threadId}`, {
      headers: { 'Set-Cookie': await openedSuggestion.serialize('', { maxAge: 0 }) },
    });
  }
  return redirect(`/forum/t/${result.threadId}`);
}

export default function NewThreadPage() {
  const { categories, preselected, language, userId } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const { errors, values: sent } = useFormResult();
  const formRef = useRef<HTMLFormElement>(null);
  const { draft, keep, discard } = useQuestionDraft(userId, formRef);
  // What the server sent back after a refused submit wins over a kept draft.
  const restored = Object.keys(sent).length === 0 && draft !== null;
  const values = restored ? draft : sent;
  // The title as typed, for "asked already?"; until then the one restored or sent back.
  const [title, setTitle] = useState<string | null>(null);
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/forum">{t('title')}</Link>
      </p>
      <h1>{t('newThread.title')}</h1>
      <ErrorSummary errors={errors} />
      {restored ? (
        <Notice tone="info">
          <p>{t('newThread.draftRestored')}</p>
          <button type="button" className="button button--secondary" onClick={discard}>
            {t('newThread.draftDiscard')}
          </button>
        </Notice>
      ) : null}
      {/* Keyed by the draft, so its values fill the fields once the page has read it. Its own
          draft covers a failed submit too: the shell's copy (kept-form.ts) stays out. */}
      <Form
        method="post"
        className="form"
        data-keep="no"
        ref={formRef}
        onSubmit={keep}
        key={restored ? 'draft' : 'blank'}
        onInput={(event) => {
          const field = event.target as HTMLInputElement;
          if (field.name === 'title') setTitle(field.value);
        }}
      >
        <ThreadFields
          categories={categories}
          defaultCategory={preselected}
          defaultLanguage={language}
          errors={errors}
          values={values}
          afterTitle={<SimilarQuestions title={title ?? typed(values, 'title')} />}
        />
        <RichTextField
          label={t('newThread.body')}
          hint={t('newThread.bodyHint')}
          error={errors.body}
          initialJson={typed(values, 'body') || undefined}
          initialText={typed(values, 'bodyText')}
          loadEditor="now"
        />
        <button type="submit" className="button">
          {t('newThread.send')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:newThread.title');
