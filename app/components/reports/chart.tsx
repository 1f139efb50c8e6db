import { useTranslation } from '~/i18n/use-translation';
import { RatingFace } from '~/components/guidance/rating-face';
import { numberFormat } from '~/i18n/format';
import { TableWrap } from '~/components/ui/table-wrap';

// A bar chart with its table. The bars are drawn for the eye (SVG, hidden from screen
// readers; the CSP forbids inline styles, so widths are SVG attributes); the table beside them
// carries the same numbers for everyone, and the CSV link the full list.

export type BarRow = { key: string; label: string; count: number | null; rating?: number };

function percent(count: number, total: number) {
  return total ? Math.round((count / total) * 1000) / 10 : 0;
}

export function ChartFigure({
  id,
  title,
  rows,
  total,
  rest,
  note,
  csvHref,
}: {
  id: string;
  title: string;
  rows: BarRow[];
  total: number | null;
  rest?: { groups: number; count: number | null };
  note?: string;
  csvHref: string;
}) {
  const { t, i18n } = useTranslation('reports');
  const number = numberFormat(i18n.language);
  const all = rest
    ? [...rows, { key: 'rest', label: t('charts.others', { count: rest.groups }), count: rest.count }]
    : rows;
  const max = Math.max(1, ...all.map((r) => r.count ?? 0));
  const shown = (count: number | null) => (count === null ? t('charts.fewerThan5') : number.format(count));
  const share = (count: number | null) =>
    count === null || total === null ? '–' : `${number.format(percent(count, total))} %`;
  return (
    <section className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {note ? <p className="muted">{note}</p> : null}
      {total === 0 ? (
        <p>{t('charts.empty')}</p>
      ) : (
        <>
          <div className="chart__bars" aria-hidden="true">
            {all.map((r) => (
              <div key={r.key} className="chart__row">
                <span className="chart__label">
                  {r.rating ? <RatingFace rating={r.rating} /> : null}
                  {r.label}
                </span>
                <svg className="chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  {r.count ? <rect width={(r.count / max) * 100} height="10" /> : null}
                </svg>
                <span className="chart__value">{shown(r.count)}</span>
              </div>
            ))}
          </div>
          <details className="chart__table">
            <summary>{t('charts.showTable', { title })}</summary>
            <TableWrap label={title}>
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.group')}</th>
                    <th scope="col">{t('charts.count')}</th>
                    <th scope="col">{t('charts.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      <td>{shown(r.count)}</td>
                      <td>{share(r.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </>
      )}
      <p>
        <a href={csvHref} download>
          {t('charts.csv')}
          <span className="visually-hidden">: {title}</span>
        </a>
      </p>
    </section>
  );
}
