import { redirect } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { userContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { blankSessionCookie, cookieOptionsFor, invalidateSession } from '../session.server.ts';
import type { Route } from './+types/logout';

/** Signing out is a POST (a link could be triggered by another site); GET just goes home. */
export function loader() {
  return redirect('/');
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = context.get(userContext);
  if (user) await invalidateSession(scopeOf(context), user.sessionId);
  return redirectWithFlash(
    '/',
    { key: 'auth:signOut.done', tone: 'info' },
    { headers: { 'Set-Cookie': blankSessionCookie(cookieOptionsFor(request, env.isProduction)) } },
  );
}
