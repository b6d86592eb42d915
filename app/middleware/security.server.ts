import { data, type MiddlewareFunction } from 'react-router';
import { cookieOptionsFor } from '~/auth/session.server.ts';
import { env } from '~/lib/env.server.ts';
import {
  addVary,
  baseSecurityHeaders,
  carriesPersonalCookie,
  contentSecurityPolicy,
  isCrossSiteMutation,
  isOneClickUnsubscribe,
  requestNonce,
} from '~/lib/security.server.ts';
import { requestKind } from '~/lib/server-facts.ts';

/** Whether the request carries a session cookie (valid or not: its answer may be personal either way). */
function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)baan_session=/.test(request.headers.get('Cookie') ?? '');
}

/** Every cookie Baan sets gets `Secure` where the session cookie does (production, not on localhost, or over https). */
function secureCookies(headers: Headers) {
  const cookies = headers.getSetCookie();
  if (!cookies.some((c) => !/;\s*secure\s*(;|$)/i.test(c))) return;
  headers.delete('Set-Cookie');
  for (const cookie of cookies) headers.append('Set-Cookie', /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
}

/**
 * Security and caching headers on every answer of the app:
 * - the base set (nosniff, referrer, framing, permissions, HSTS over TLS) and a CSP. HTML pages
 *   get theirs from app/entry.server.tsx with the nonce their scripts carry; a page served from
 *   the page cache keeps the header it was rendered with, so the two always match.
 * - a signed-in request's answer is personal: `Cache-Control: private, no-store` and
 *   `Vary: Cookie`, unless the route said `public` (feeds, media files: the same for everyone).
 * - pages and their data depend on the language (`?lng=`, the `lng` cookie, Accept-Language)
 *   and the cookies: `Vary: Accept-Language, Cookie`.
 * - `Baan-Cache: public` on a 200 page for a request with no personal cookie (a page that sets
 *   the language cookie is still everyone's page in that language): the only answers the service worker
 *   (public/sw.js) keeps for offline reading.
 */
export const securityMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const nonce = requestNonce(context);
  if (isCrossSiteMutation(request) && !isOneClickUnsubscribe(request)) {
    throw data({ messageKey: 'common:errors.crossSite' }, { status: 403 });
  }
  const response = await next();
  const url = new URL(request.url);
  const { headers } = response;
  for (const [name, value] of Object.entries(baseSecurityHeaders(url.protocol))) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', contentSecurityPolicy(nonce));

  const cacheControl = headers.get('Cache-Control') ?? '';
  const page = (headers.get('Content-Type') ?? '').startsWith('text/html') || requestKind(context) === 'data';
  if (hasSessionCookie(request)) {
    if (!/\bpublic\b/.test(cacheControl)) {
      headers.set('Cache-Control', 'private, no-store');
      addVary(headers, 'Cookie');
    }
  } else if (page && request.method === 'GET' && !carriesPersonalCookie(request) && response.status === 200 && !/\b(private|no-store)\b/.test(cacheControl)) {
    headers.set('Baan-Cache', 'public');
  }
  if (page) addVary(headers, 'Accept-Language', 'Cookie');
  if (cookieOptionsFor(request, env.isProduction).secure) secureCookies(headers);
  return response;
};
