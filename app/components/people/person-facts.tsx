import { useTranslation } from '~/i18n/use-translation';
import { Badge } from '~/components/ui/misc';
import type { Person } from '~/domain/people/constants';

/** What a member shows in the directory: only the fields they chose, and a badge per role beyond adviser. */
export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation('members');
  const skills = [
    ...(person.knowDevices ?? []).map((d) => t(`reports:devices.${d}`)),
    ...(person.knowTopics ?? []).map((topic) => t(`reports:topics.${topic}`)),
  ];
  return (
    <>
      {person.roles
        .filter((role) => role !== 'adviser')
        .map((role) => (
          <Badge key={role} tone="tag">
            {t(`common:roles.${role}`)}
          </Badge>
        ))}
      <dl className="facts">
        {person.organisation ? (
          <>
            <dt>{t('directoryFields.organisation')}</dt>
            <dd>{person.organisation}</dd>
          </>
        ) : null}
        {person.adviseLanguages?.length ? (
          <>
            <dt>{t('directoryFields.languages')}</dt>
            <dd>{person.adviseLanguages.map((l) => t(`profile:languages.${l}`)).join(', ')}</dd>
          </>
        ) : null}
        {person.supportPoints?.length ? (
          <>
            <dt>{t('directoryFields.supportPoints')}</dt>
            <dd>{person.supportPoints.map((p) => p.name).join(', ')}</dd>
          </>
        ) : null}
        {skills.length ? (
          <>
            <dt>{t('directoryFields.skills')}</dt>
            <dd>{skills.join(', ')}</dd>
          </>
        ) : null}
        {person.email ? (
          <>
            <dt>{t('directoryFields.email')}</dt>
            <dd>
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </dd>
          </>
        ) : null}
        {person.phone ? (
          <>
            <dt>{t('directoryFields.phone')}</dt>
            <dd>
              <a href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`}>{person.phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
