import { createContext, type RouterContextProvider } from 'react-router';
import { DEVICE_COOKIE } from '~/auth/throttle.server.ts';
import { env } from './env.server.ts';

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

/**
 * The one cross-site POST Baan accepts: a one-click unsubscribe (RFC 8058) to
 * `/unsubscribe/{token}`, which mail providers send from their own servers or webmail pages,
 * without Baan's cookies and from another origin. It is safe to let through: the action reads
 * no session and no cookie, needs the unguessable token from the mail, and can only turn
 * one kind of message off for the address the token was made for (twice is the same as once).
 */
export function isOneClickUnsubscribe(request: Request): boolean {
  return isOneClickUnsubscribeTarget(request.method, new URL(request.url).pathname);
}

/**
 * The same test on a method and a path, for Baan's server (server/pages.ts): React Router
 * refuses an action whose `Origin` names another site (a bare 400) before any middleware runs,
 * so the server hands this one request over without that header.
 */
export function isOneClickUnsubscribeTarget(method: string | undefined, pathname: string): boolean {
  return method === 'POST' && /^\/unsubscribe\/[A-Za-z0-9_-]{16,64}$/.test(pathname);
}

/** A fresh CSP nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

const nonceContext = createContext<string | null>(null);

/** This request's CSP nonce (made on first use): the page's scripts carry it, its header names it. */
export function requestNonce(context: Readonly<RouterContextProvider>): string {
  let nonce = context.get(nonceContext);
  if (!nonce) {
    nonce = newNonce();
    (context as RouterContextProvider).set(nonceContext, nonce);
  }
  return nonce;
}

/** Origins (scheme://host[:port]) in a space- or comma-separated list; anything else is dropped. */
function origins(list: string | undefined | null): string[] {
  const found: string[] = [];
  for (const item of (list ?? '').split(/[\s,]+/)) {
    if (!item) continue;
    try {
      const url = new URL(item);
      if (url.protocol === 'https:' || url.protocol === 'http:') found.push(url.origin);
    } catch {
      // not a URL: ignored (the README says what the list holds)
    }
  }
  return [...new Set(found)];
}

/** Where the map may fetch from beyond Baan itself: MAP_STYLE_URL's origin and MAP_CONNECT_HOSTS. */
export function mapOrigins(): string[] {
  return [...new Set([...origins(env.mapStyleUrl), ...origins(env.mapConnectHosts)])];
}

/**
 * The Content-Security-Policy of Baan's pages. Scripts run only from Baan's own origin or
 * inline with this response's nonce (React Router's hydration hand-over, scroll restoration).
 * Style attributes are allowed (`style-src-attr 'unsafe-inline'`): the place pages colour each
 * kind's tag and swatch with one, and MapLibre positions its markers and controls with inline
 * styles; <style> elements and style sheets from elsewhere stay refused. MapLibre runs its
 * worker from a blob or Baan's own file, and fetches its style, tiles, glyphs and sprites from
 * the basemap's hosts.
 */
export function contentSecurityPolicy(nonce: string | null, map: string[] = mapOrigins()): string {
  const hosts = map.length ? ` ${map.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${hosts}`,
    "font-src 'self'",
    `connect-src 'self'${hosts}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Powerful features no Baan page uses are denied; the map's location picker may ask for the position. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=(self)',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every answer carries, pages and files alike. HSTS only when the request reached
 * Baan over TLS (the URL's scheme: the socket, or X-Forwarded-Proto from a trusted proxy), as
 * browsers ignore it over plain HTTP and a local `http://` server must stay reachable.
 */
export function baseSecurityHeaders(protocol: string): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
  if (protocol === 'https:' || protocol === 'https') headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

/** Headers for a static file (server/start.ts): the base set and a policy with no inline script. */
export function staticFileHeaders(protocol: string): Record<string, string> {
  return { ...baseSecurityHeaders(protocol), 'Content-Security-Policy': contentSecurityPolicy(null) };
}

/** Adds each name of `values` to the response's Vary header, once. */
export function addVary(headers: Headers, ...values: string[]) {
  const present = (headers.get('Vary') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (present.includes('*')) return;
  const lower = new Set(present.map((v) => v.toLowerCase()));
  for (const value of values) if (!lower.has(value.toLowerCase())) present.push(value);
  headers.set('Vary', present.join(', '));
}

// Cookies no page reads: the language (part of every cache key) and the sign-in throttle's device.
const UNREAD_BY_PAGES = ['lng=', `${DEVICE_COOKIE}=`];

/**
 * Whether a request carries a cookie that can make its page personal: a session, flash or cart
 * cookie, or any cookie added later. Such an answer is never shared (the page cache) nor kept for
 * offline reading (the service worker).
 */
export function carriesPersonalCookie(request: Request): boolean {
  return personalCookieIn(request.headers.get('Cookie'));
}

/** carriesPersonalCookie, for a Cookie header as it arrived (the page cache reads Node's request: server/page-cache.ts). */
export function personalCookieIn(header: string | null | undefined): boolean {
  if (!header) return false;
  return header
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .some((cookie) => !UNREAD_BY_PAGES.some((prefix) => cookie.startsWith(prefix)));
}
