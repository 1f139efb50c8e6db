import { useTranslation } from '~/i18n/use-translation';
import { DateTime } from '~/components/ui/misc';

/** Only on paper: where the handout came from and when, so a resident's copy can be checked. */
export function PrintFooter({ address, printedAt }: { address: string; printedAt: string }) {
  const { t } = useTranslation('library');
  return (
    <footer className="print-only print-footer">
      {address} · {t('material.printed')} <DateTime value={printedAt} />
    </footer>
  );
}
