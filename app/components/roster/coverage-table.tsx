import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { dayWithWeekday } from '~/domain/roster/when';
import { districtName } from '~/domain/support-points/districts';
import { TableWrap } from '~/components/ui/table-wrap';

type Counts = { staffed: number; short: number; empty: number; cancelled: number };
type Row = {
  key: string;
  label: string;
  drill: { district?: string; pointSlug?: string } | null;
  cells: (Counts | null)[];
  detail?: ({ live: number; needed: number; cancelled: number } | null)[];
};
type Grid = { level: 'network' | 'area' | 'point'; days: string[]; rows: Row[]; totals: Counts };

/** The worst state in a cell decides its colour; the numbers say the rest. */
function tone(c: Counts) {
  if (c.empty || c.cancelled) return 'gap';
  if (c.short) return 'short';
  return 'staffed';
}

/**
 * The coverage grid: a row per area, point or help time, a column per day. Each cell says how
 * many help times are staffed of all that day, and how many are empty or cancelled; colour
 * only repeats what the text says. Wide months scroll inside their own region, not the page.
 */
export function CoverageTable({
  grid,
  href,
}: {
  grid: Grid;
  href: (over: Record<string, string>) => string;
}) {
  const { t, i18n } = useTranslation('roster');
  // A month of the network is a thousand cells: each text is translated once, not per cell.
  const said = new Map<string, string>();
  const say = (key: string, values: Record<string, number>) => {
    const id = `${key}|${Object.values(values).join('|')}`;
    let text = said.get(id);
    if (text === undefined) {
      text = t(key, values);
      said.set(id, text);
    }
    return text;
  };
  const total = grid.totals.staffed + grid.totals.short + grid.totals.empty + grid.totals.cancelled;
  return (
    <>
      <p>
        {t('coverage.summary', {
          total,
          staffed: grid.totals.staffed,
          short: grid.totals.short,
          empty: grid.totals.empty,
          cancelled: grid.totals.cancelled,
        })}
      </p>
      <ul className="coverage-legend">
        {(['staffed', 'short', 'gap'] as const).map((k) => (
          <li key={k}>
            <span className={`coverage-swatch coverage--${k}`} aria-hidden="true" />{' '}
            {t(`coverage.legend.${k}`)}
          </li>
        ))}
      </ul>
      {grid.rows.length ? (
        // A month is wider than a phone: the table scrolls in its own region (TableWrap).
        <TableWrap labelledBy="coverage-caption">
          <table className="coverage">
            <caption id="coverage-caption">
              {t(`coverage.caption.${grid.level}`, {
                from: dayWithWeekday(grid.days[0]!, i18n.language),
                to: dayWithWeekday(grid.days.at(-1)!, i18n.language),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`coverage.rowHeader.${grid.level}`)}</th>
                {grid.days.map((d) => (
                  <th key={d} scope="col" className="coverage__day">
                    {dayWithWeekday(d, i18n.language).replace(/\d{4}$/, '')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {row.drill ? (
                      <Link
                        to={href(
                          row.drill.district
                            ? { area: row.drill.district }
                            : { point: row.drill.pointSlug ?? '' },
                        )}
                      >
                        {grid.level === 'network' ? districtName(row.label, i18n.language) : row.label}
                      </Link>
                    ) : (
                      row.label
                    )}
                  </th>
                  {row.cells.map((c, i) => {
                    if (!c) return <td key={grid.days[i]} className="coverage__none" />;
                    const detail = row.detail?.[i];
                    const all = c.staffed + c.short + c.empty + c.cancelled;
                    return (
                      <td key={grid.days[i]} className={`coverage--${tone(c)}`}>
                        {detail ? (
                          <>
                            {say('coverage.cell.slot', { live: detail.live, needed: detail.needed })}
                            {detail.cancelled ? (
                              <span className="coverage__note">
                                {say('coverage.cell.cancelled', { count: detail.cancelled })}
                              </span>
                            ) : null}
                          </>
                        ) : (
                          <>
                            {say('coverage.cell.staffedOf', { staffed: c.staffed, all })}
                            {c.empty ? (
                              <span className="coverage__note">
                                {say('coverage.cell.empty', { count: c.empty })}
                              </span>
                            ) : null}
                            {c.cancelled ? (
                              <span className="coverage__note">
                                {say('coverage.cell.cancelledTimes', { count: c.cancelled })}
                              </span>
                            ) : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('coverage.none')}</p>
      )}
    </>
  );
}
