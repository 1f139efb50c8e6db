import { useTranslation } from 'react-i18next';
import { useSuggestions } from '~/components/search-box';

/** A title shorter than this says too little to compare. */
const MIN_LETTERS = 8;

/**
 * "Has this been asked already?" under a new question's title: threads that share its words,
 * most shared first, while the adviser types. Plain links (a full page load), so the draft is
 * kept on the way out (question-draft.ts) and offered again on the way back.
 */
export function SimilarQuestions({ title }: { title: string }) {
  const { t } = useTranslation('forum');
  const items = useSuggestions([...title.trim()].length >= MIN_LETTERS ? title : '', {
    kind: 'forum_post',
    any: '1',
  });
  return (
    <div aria-live="polite" className="similar-questions">
      {items.length ? (
        <section aria-labelledby="similar-heading" className="notice notice--info">
          <h2 id="similar-heading">{t('newThread.similarTitle')}</h2>
          <p>{t('newThread.similarHint')}</p>
          <ul>
            {items.map((item) => (
              <li key={item.url}>
                <a href={item.url}>{item.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
