import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { DateTime } from '~/components/ui/misc';
import { TableWrap } from '~/components/ui/table-wrap';

type Row = {
  id: string;
  title: string;
  lang: string;
  startsAt: string;
  going: number;
  attended: number;
  noShows: number;
  walkIns: number;
};

/** Events held in the range and who came: the organisers' check-in lists, added up. */
export function AttendanceTable({ rows, csvHref }: { rows: Row[]; csvHref: string }) {
  const { t } = useTranslation('reports');
  return (
    <>
      <p>{t('attendance.lead')}</p>
      {rows.length ? (
        <TableWrap label={t('attendance.title')}>
          <table>
            <caption className="visually-hidden">{t('attendance.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.event')}</th>
                <th scope="col">{t('attendance.going')}</th>
                <th scope="col">{t('attendance.attended')}</th>
                <th scope="col">{t('attendance.noShows')}</th>
                <th scope="col">{t('attendance.walkIns')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/events/${r.id}`} lang={r.lang}>
                      {r.title}
                    </Link>
                    <br />
                    <span className="muted">
                      <DateTime value={r.startsAt} />
                    </span>
                  </th>
                  <td>{r.going}</td>
                  <td>{r.attended}</td>
                  <td>{r.noShows}</td>
                  <td>{r.walkIns}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('attendance.empty')}</p>
      )}
      <p>
        <a href={csvHref} download>
          {t('charts.csv')}
          <span className="visually-hidden">: {t('attendance.title')}</span>
        </a>
      </p>
    </>
  );
}
