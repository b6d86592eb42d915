import { data, type MiddlewareFunction } from 'react-router';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site mutations. Browsers say where a request comes from in Sec-Fetch-Site
 * (and Origin); a form posted from another site is rejected before any action runs.
 * SameSite=Lax on the session cookie is the second line of defence.
 */
export function isCrossSiteMutation(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers.get('Sec-Fetch-Site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('Origin');
  if (origin) {
    if (origin === 'null') return true;
    if (origin !== new URL(request.url).origin) return true;
  }
  return false;
}

export const securityMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (isCrossSiteMutation(request)) {
    throw data({ messageKey: 'common:errors.crossSite' }, { status: 403 });
  }
  const response = await next();
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  return response;
};

/** The client's address as set by Baan's own server (never taken from the client). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-baan-client-address') || 'local';
}
