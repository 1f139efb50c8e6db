import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { redirectWithoutSession } from '~/auth/cookies.server';
import { getUser } from '~/auth/guards.server';
import { logout } from '~/auth/login.server';
import { requestMeta } from '~/auth/request-meta.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (user) await logout(user, requestMeta(request, context).ip);
  return redirectWithoutSession('/login');
}
