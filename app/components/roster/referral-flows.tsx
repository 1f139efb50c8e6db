import { useTranslation } from 'react-i18next';
import { TableWrap } from '~/components/ui/table-wrap';

type Flow = { from: string | null; to: string; kind: 'point' | 'eservice' | 'other'; count: number | null };

/** The dashboard's referrals, from → to, most first; "fewer than 5" where the rule hides a count. */
export function ReferralFlows({ flows, figure }: { flows: Flow[]; figure: (n: number | null) => string }) {
  const { t } = useTranslation('roster');
  return (
    <section aria-labelledby="referral-flows" className="section">
      <h2 id="referral-flows">{t('referral.flowsTitle')}</h2>
      <p className="muted">{t('referral.flowsLead')}</p>
      {flows.length ? (
        <TableWrap labelledBy="referral-flows">
          <table>
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
                  <td>{f.from ?? t('referral.notAtPointFlow')}</td>
                  <td>{f.kind === 'other' ? t('referral.otherPlace') : f.to}</td>
                  <td>{figure(f.count)}</td>
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
