// Calling loaders and actions the way Remix does: a real Request, params, load context.
import fs from 'node:fs';
import path from 'node:path';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getUser, type AuthUser } from '~/auth/guards.server';
import type { RoleKey } from '~/auth/roles';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { db } from '~/db.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { makeOrganisation, makeUser } from './factories';

export const ORIGIN = 'http://localhost:3000';
export const CLIENT_IP = '203.0.113.7';

type RequestOptions = {
  method?: string;
  form?: Record<string, string | string[]>;
  cookie?: string;
  headers?: Record<string, string>;
};

export function makeRequest(pathname: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('Cookie', options.cookie);
  const method = options.method ?? (options.form ? 'POST' : 'GET');
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
  }
  if (method !== 'GET') headers.set('Origin', ORIGIN);
  return new Request(`${ORIGIN}${pathname}`, { method, headers, body });
}

/** A route module as the tests call it: its loader and action take what Remix passes. */
export type WithLoader = { loader: (args: LoaderFunctionArgs) => unknown };
export type WithAction = { action: (args: ActionFunctionArgs) => unknown };
type Loader = WithLoader['loader'];
type Action = WithAction['action'];

/** Runs a loader or action and always hands back a Response, thrown or returned. */
async function call(fn: Loader | Action, request: Request, params: Record<string, string>) {
  try {
    const result = await fn({ request, params, context: { nonce: '', clientIp: CLIENT_IP } });
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export const callLoader = (route: WithLoader, request: Request, params: Record<string, string> = {}) =>
  call(route.loader, request, params);
export const callAction = (route: WithAction, request: Request, params: Record<string, string> = {}) =>
  call(route.action, request, params);

export async function cookieFor(userId: string) {
  const { token } = await createSession(userId, { ip: CLIENT_IP, userAgent: 'vitest' });
  return `${SESSION_COOKIE}=${token}`;
}

/** A member as a domain command sees them (roles, permissions), read the way a request does. */
export async function memberAsActor(userId: string): Promise<AuthUser> {
  const user = await getUser(makeRequest('/', { cookie: await cookieFor(userId) }));
  if (!user) throw new Error(`no active member ${userId}`);
  return user;
}

/** A member of the given role (in a fresh organisation unless one is given), logged in. */
export async function loginAs(role: RoleKey, organisationId?: string) {
  const orgId = organisationId ?? (await makeOrganisation(db)).id;
  const user = await makeUser(db, { role, organisationId: orgId });
  return { user, cookie: await cookieFor(user.id) };
}

export function sessionTokenFrom(response: Response): string | null {
  const header = response.headers.get('Set-Cookie') ?? '';
  return header.match(/tk_session=([^;]*)/)?.[1] || null;
}

/** Delivers queued mail (to the outbox folder, as without SMTP) and returns the newest to `to`. */
export async function deliveredMailTo(to: string) {
  await runDueJobs();
  const email = await db.email.findFirst({ where: { to }, orderBy: { createdAt: 'desc' } });
  if (!email) throw new Error(`No mail to ${to}`);
  return { ...email, eml: email.outboxFile ? fs.readFileSync(path.resolve(email.outboxFile), 'utf8') : null };
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+(${pathPrefix}[^\\s]+)`));
  if (!match) throw new Error(`No ${pathPrefix} link in:\n${text}`);
  return match[1]!;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
