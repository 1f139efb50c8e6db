import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { SelectField, TextField, useFormResult } from '~/components/ui/form';
import { THREAD_MODERATION } from '~/domain/forum/constants';

type Props = {
  thread: { id: string; pinned: boolean; lockedAt: string | null; category: { id: string } };
  categories: { id: string; name: string }[];
};

/** Lock, pin, move or merge a thread; each step needs a reason, which the author is told. */
export function ThreadModeration({ thread, categories }: Props) {
  const { t } = useTranslation('forum');
  const { errors, values } = useFormResult();
  const sent = values.intent === 'moderate-thread';
  const steps = THREAD_MODERATION.filter((s) =>
    s === 'lock'
      ? !thread.lockedAt
      : s === 'unlock'
        ? Boolean(thread.lockedAt)
        : s === 'pin'
          ? !thread.pinned
          : s === 'unpin'
            ? thread.pinned
            : true,
  );
  return (
    <details className="moderation-panel" open={sent || undefined}>
      <summary>{t('moderation.thread')}</summary>
      <Form method="post" className="form">
        <SelectField
          name="action"
          label={t('moderation.action')}
          defaultValue={sent ? String(values.action ?? '') : ''}
          error={sent ? errors.action : undefined}
          options={[
            { value: '', label: t('moderation.choose') },
            ...steps.map((s) => ({ value: s, label: t(`moderation.steps.${s}`) })),
          ]}
        />
        <SelectField
          name="categoryId"
          label={t('moderation.moveTo')}
          defaultValue={sent ? String(values.categoryId ?? '') : thread.category.id}
          error={sent ? errors.categoryId : undefined}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField
          name="targetThreadId"
          label={t('moderation.mergeInto')}
          hint={t('moderation.mergeHint')}
          defaultValue={sent ? String(values.targetThreadId ?? '') : ''}
          error={sent ? errors.targetThreadId : undefined}
        />
        <TextField
          name="reason"
          label={t('moderation.reason')}
          hint={t('moderation.reasonHint')}
          maxLength={500}
          defaultValue={sent ? String(values.reason ?? '') : ''}
          error={sent ? errors.reason : undefined}
        />
        <button type="submit" name="intent" value="moderate-thread" className="button">
          {t('moderation.apply')}
        </button>
      </Form>
    </details>
  );
}
