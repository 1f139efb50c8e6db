import { useTranslation } from '~/i18n/use-translation';
import { TableWrap } from '~/components/ui/table-wrap';

type Flow = { from: string | null; to: string; kind: 'point' | 'eservice' | 'other'; count: number | null };

/**
 * The dashboard's referrals, from → to, most first; "fewer than 5" where the rule hides a count.
 * On a phone each row is two lines ("Kallion kirjasto → Kela", "Ohjauksia: 6"): as three columns
 * the place names set the widths and the count was off the screen. The labels in the cells are
 * for that layout only (the column headings are hidden there).
 */
export function ReferralFlows({ flows, figure }: { flows: Flow[]; figure: (n: number | null) => string }) {
  const { t } = useTranslation('roster');
  return (
    <section aria-labelledby="referral-flows" className="section">
      <h2 id="referral-flows">{t('referral.flowsTitle')}</h2>
      <p className="muted">{t('referral.flowsLead')}</p>
      {flows.length ? (
        <TableWrap labelledBy="referral-flows">
          <table className="flows">
            <thead>
              <tr>
                <th scope="col">{t('referral.flowFrom')}</th>
                <th scope="col">{t('referral.flowTo')}</th>
                <th scope="col">{t('referral.flowCount')}</th>
              </tr>
            </thead>
            <tbody>
              {flows.map((f) => (
                <tr key={`${f.from}→${f.kind}:${f.to}`}>
                  <td className="flows__from">
                    <span className="flows__label visually-hidden">{t('referral.flowFrom')}: </span>
                    {f.from ?? t('referral.notAtPointFlow')}
                  </td>
                  <td className="flows__to">
                    <span className="flows__label visually-hidden">{t('referral.flowTo')}: </span>
                    {f.kind === 'other' ? t('referral.otherPlace') : f.to}
                  </td>
                  <td className="flows__count">
                    <span className="flows__label">{t('referral.flowCount')}: </span>
                    {figure(f.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('referral.noFlows')}</p>
      )}
    </section>
  );
}
