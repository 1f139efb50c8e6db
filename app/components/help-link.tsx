import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { helpPath, type HelpTopic } from '~/domain/help/topics';

/** "Help: how this works", under an area's heading, to its help page. */
export function HelpLink({ topic }: { topic: HelpTopic }) {
  const { t } = useTranslation('help');
  return (
    <p className="help-link">
      <Link to={helpPath(topic)}>{t('link')}</Link>
    </p>
  );
}
