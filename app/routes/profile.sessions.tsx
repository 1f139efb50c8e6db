import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { DoneNotice } from '~/components/ui/form';
import { Badge, DateTime } from '~/components/ui/misc';
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from '~/domain/members/profile.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { RevokeSchema } from '~/domain/members/schema.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listOwnSessions(user.id);
  return json({ sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(RevokeSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  if (parsed.data.intent === 'revoke-others') {
    await revokeOtherSessions(user.id, user.sessionId);
    return done('profile:sessions.othersEnded');
  }
  // Someone else's session id matches nothing: answer as if it never existed.
  if (!(await revokeOwnSession(user.id, parsed.data.sessionId)))
    throw new Response('Not found', { status: 404 });
  return done('profile:sessions.ended');
}

export default function SessionsPage() {
  const { sessions } = useLoaderData<typeof loader>();
  const { t } = useTranslation('profile');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/profile">{t('title')}</Link>
      </p>
      <h1>{t('sessions.title')}</h1>
      <p>{t('sessions.intro')}</p>
      <DoneNotice />
      <ul className="card-list">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <p>
              <strong>{s.userAgent ? describeDevice(s.userAgent) : t('sessions.unknownDevice')}</strong>
              {s.current ? <Badge>{t('sessions.current')}</Badge> : null}
            </p>
            <p>
              {t('sessions.started')} <DateTime value={s.createdAt} /> · {t('sessions.lastSeen')}{' '}
              <DateTime value={s.lastSeenAt} />
              {s.ip ? ` · ${s.ip}` : ''}
            </p>
            {s.current ? null : (
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" name="intent" value="revoke" className="button button--secondary">
                  {t('sessions.end')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Form method="post">
          <button type="submit" name="intent" value="revoke-others" className="button button--danger">
            {t('sessions.endOthers')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** "Chrome on Android" is enough for a person to recognise their own phone. */
function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : userAgent.slice(0, 40);
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browser} · ${system}` : browser;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:sessions.title');
