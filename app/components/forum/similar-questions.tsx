import { useTranslation } from '~/i18n/use-translation';
import { useSuggestions } from '~/components/search-box';

/** A title of fewer words says too little to compare. */
const MIN_WORDS = 3;

/**
 * "Has this been asked already?" under a new question's title, from its third word: the threads
 * that share most of its words (solved ones first) and library material, while the adviser
 * types. Plain links (a full page load), so the draft is kept on the way out (question-draft.ts)
 * and offered again on the way back.
 */
export function SimilarQuestions({ title }: { title: string }) {
  const { t } = useTranslation('forum');
  const words = title.trim().split(/\s+/).filter(Boolean).length;
  const items = useSuggestions(words >= MIN_WORDS ? title : '', { any: '1' });
  return (
    <div aria-live="polite" className="similar-questions">
      {items.length ? (
        <section aria-labelledby="similar-heading" className="notice notice--info">
          <h2 id="similar-heading">{t('newThread.similarTitle')}</h2>
          <p>{t('newThread.similarHint')}</p>
          <ul>
            {items.map((item) => (
              <li key={item.url}>
                {/* Through the counter (forum.asked-before.ts), which then shows the page. */}
                <a href={`/forum/asked-before?${new URLSearchParams({ to: item.url })}`}>{item.title}</a>
                {item.kind !== 'forum_post' ? (
                  <span className="muted"> · {t(`common:shell.suggestionKinds.${item.kind}`)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
