import type { MiddlewareFunction } from 'react-router';
import { databaseContext, userContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { blankSessionCookie, cookieOptionsFor, readSessionToken, SESSION_COOKIE, sessionCookie, validateSessionToken } from '~/auth/session.server.ts';

/**
 * Reads the session cookie. A tampered, unknown or expired token means "signed out" (and the
 * cookie is cleared); a live session half-way to expiry slides forward 30 days.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const token = readSessionToken(request);
  if (!token) return next();
  const database = context.get(databaseContext);
  const options = cookieOptionsFor(request, env.isProduction);
  const session = await validateSessionToken({ db: database.db, tenantId: null, userId: null }, token);
  context.set(userContext, session?.user ?? null);
  const response = await next();
  // A response that sets a session itself (sign-in, sign-up, a password change, sign-out) has
  // the last word: clearing a stale cookie after it would sign the person straight out again.
  if (setsSessionCookie(response)) return response;
  if (!session) {
    response.headers.append('Set-Cookie', blankSessionCookie(options));
  } else if (session.refreshed) {
    response.headers.append('Set-Cookie', sessionCookie(token, session.expiresAt, options));
  }
  return response;
};

function setsSessionCookie(response: Response): boolean {
  return response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
}
