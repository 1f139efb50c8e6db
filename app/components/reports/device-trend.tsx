import { useTranslation } from '~/i18n/use-translation';
import { numberFormat } from '~/i18n/format';
import { TableWrap } from '~/components/ui/table-wrap';

type Trend = {
  years: number[];
  devices: readonly string[];
  counts: (number | null)[][];
  totals: (number | null)[];
};

const PHONES = ['android', 'iphone'];

/**
 * Devices year by year: the share of each, and above the table the smartphones' share (the
 * figure the network has followed since Enter ry's 2016–2018 tallies) as bars.
 */
export function DeviceTrend({ trend, csvHref }: { trend: Trend; csvHref: string }) {
  const { t, i18n } = useTranslation('reports');
  const number = numberFormat(i18n.language, 1);
  const share = (count: number | null, total: number | null) =>
    count === null || total === null ? null : total ? (count / total) * 100 : 0;
  const cell = (value: number | null) =>
    value === null ? t('charts.fewerThan5') : `${number.format(value)} %`;
  const phoneShare = trend.years.map((_, i) => {
    const row = trend.counts[i]!;
    const phones = PHONES.map((d) => row[trend.devices.indexOf(d)]);
    return phones.some((c) => c === null)
      ? null
      : share((phones[0] ?? 0) + (phones[1] ?? 0), trend.totals[i]!);
  });
  return (
    <section className="chart" aria-labelledby="device-trend-title">
      <h2 id="device-trend-title">{t('trend.title')}</h2>
      <p className="muted">{t('trend.lead')}</p>
      {trend.years.length ? (
        <>
          <div className="chart__bars" aria-hidden="true">
            {trend.years.map((year, i) => (
              <div key={year} className="chart__row">
                <span className="chart__label">{t('trend.phonesIn', { year })}</span>
                <svg className="chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  {phoneShare[i] ? <rect width={phoneShare[i]!} height="10" /> : null}
                </svg>
                <span className="chart__value">{cell(phoneShare[i]!)}</span>
              </div>
            ))}
          </div>
          <TableWrap label={t('trend.caption')}>
            <table>
              <caption>{t('trend.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trend.year')}</th>
                  {trend.devices.map((d) => (
                    <th key={d} scope="col">
                      {t(`devices.${d}`)}
                    </th>
                  ))}
                  <th scope="col">{t('trend.sessions')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.years.map((year, i) => (
                  <tr key={year}>
                    <th scope="row">{year}</th>
                    {trend.devices.map((d, j) => (
                      <td key={d}>{cell(share(trend.counts[i]![j]!, trend.totals[i]!))}</td>
                    ))}
                    <td>
                      {trend.totals[i] === null ? t('charts.fewerThan5') : number.format(trend.totals[i]!)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <p>{t('charts.empty')}</p>
      )}
      <p>
        <a href={csvHref} download>
          {t('charts.csv')}
          <span className="visually-hidden">: {t('trend.title')}</span>
        </a>
      </p>
    </section>
  );
}
