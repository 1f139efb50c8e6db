import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { getUser } from '~/auth/guards.server';
import { setPreferredLanguage } from '~/domain/members/profile.server';
import { isLanguage } from '~/i18n/config';
import { languageCookie } from '~/i18n/i18n.server';
import { safeRedirect } from '~/utils/http';
import { readForm } from '~/utils/forms.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get('language');
  if (!isLanguage(language)) throw new Response('Unknown language', { status: 400 });
  const user = await getUser(request);
  if (user) await setPreferredLanguage(user.id, language);
  return safeRedirect(form.get('redirectTo'), {
    headers: { 'Set-Cookie': await languageCookie.serialize(language) },
  });
}
