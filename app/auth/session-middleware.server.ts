import type { MiddlewareFunction } from 'react-router';
import { databaseContext, userContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { blankSessionCookie, cookieOptionsFor, readSessionToken, sessionCookie, validateSessionToken } from './session.server.ts';

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
  if (!session) {
    response.headers.append('Set-Cookie', blankSessionCookie(options));
  } else if (session.refreshed && !response.headers.get('Set-Cookie')?.includes('baan_session=')) {
    response.headers.append('Set-Cookie', sessionCookie(token, session.expiresAt, options));
  }
  return response;
};
