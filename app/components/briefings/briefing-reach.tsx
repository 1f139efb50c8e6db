import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Notice } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import type { FieldErrors } from '~/utils/forms';
import { TableWrap } from '~/components/ui/table-wrap';

export type BriefingReachData = {
  members: number;
  read: number;
  readLatest: number;
  organisations: { name: string; members: number; read: number }[];
  days: { day: string; read: number; total: number }[];
};

/** For the briefing's writers: who has read it, per organisation and over time, and a reminder. */
export function BriefingReach({
  briefing: b,
  reach,
  errors,
}: {
  briefing: { id: string; remindedAt: string | null };
  reach: BriefingReachData | null;
  errors: FieldErrors;
}) {
  const { t } = useTranslation('briefings');
  return (
    <section aria-labelledby="owner-heading" className="section">
      <h2 id="owner-heading">{t('owner.title')}</h2>
      <p>
        <Link to={`/briefings/${b.id}/edit`}>{t('owner.edit')}</Link>
      </p>
      {reach ? (
        <>
          <p>
            <strong>{t('owner.readBy', { read: reach.read, members: reach.members })}</strong>{' '}
            {t('owner.readLatest', { count: reach.readLatest })}
          </p>
          {reach.members ? (
            <progress max={reach.members} value={reach.read} aria-label={t('owner.progress')} />
          ) : null}
          <TableWrap label={t('owner.perOrganisation')}>
            <table className="by-organisation">
              <caption>{t('owner.perOrganisation')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('owner.organisation')}</th>
                  <th scope="col">{t('owner.members')}</th>
                  <th scope="col">{t('owner.read')}</th>
                </tr>
              </thead>
              <tbody>
                {reach.organisations.map((o) => (
                  <tr key={o.name}>
                    <th scope="row">{o.name}</th>
                    <td>{o.members}</td>
                    <td>{o.read}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {reach.days.length ? (
            <TableWrap label={t('owner.overTime')}>
              <table>
                <caption>{t('owner.overTime')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('owner.day')}</th>
                    <th scope="col">{t('owner.newReaders')}</th>
                    <th scope="col">{t('owner.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reach.days.map((d) => (
                    <tr key={d.day}>
                      <th scope="row">
                        <DateTime value={`${d.day}T00:00:00Z`} dateOnly />
                      </th>
                      <td>{d.read}</td>
                      <td>{d.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <Form method="post" className="form" preventScrollReset>
            {errors.remind ? (
              <Notice tone="error">
                <p>{t(errors.remind.key, errors.remind.values)}</p>
              </Notice>
            ) : null}
            <p>
              {t('owner.remindHelp')}
              {b.remindedAt ? (
                <>
                  {' '}
                  {t('owner.remindedAt')} <DateTime value={b.remindedAt} />.
                </>
              ) : null}
            </p>
            <button type="submit" name="intent" value="remind" className="button button--secondary">
              {t('owner.remind')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
