import type { MiddlewareFunction, RouterContextProvider } from 'react-router';
import { env } from '~/lib/env.server.ts';
import { carriesPersonalCookie } from '~/lib/security.server.ts';
import { requestKind, type RequestKind } from '~/lib/server-facts.ts';

/**
 * A per-process micro-cache for what anonymous readers see. Most traffic on a commune site is
 * people reading published pages without an account; for a few seconds, they can share one
 * rendering. Only GET requests that carry no cookie but the language one and the sign-in
 * throttle's device cookie (a session, flash or cart cookie, or any cookie added later, can make
 * a page personal) and no `?lng=` are served
 * from it, and only 200 responses that set no cookie and are not marked private are kept,
 * keyed by host, language and URL. Turn it off with PAGE_CACHE_SECONDS=0.
 */
const MAX_ENTRIES = 1_000;
const MAX_BYTES = 512 * 1024;

type Entry = { body: ArrayBuffer; headers: [string, string][]; expires: number };
const entries = new Map<string, Entry>();

const ttlMs = () => env.pageCacheSeconds * 1000;

function cacheable(request: Request, kind: RequestKind | null): boolean {
  // Only behind Baan's own server, which says whether a request is a document or data request.
  if (request.method !== 'GET' || !kind) return false;
  if (carriesPersonalCookie(request)) return false;
  return !new URL(request.url).searchParams.has('lng');
}

export function pageCacheMiddleware(localeOf: (context: Readonly<RouterContextProvider>) => string): MiddlewareFunction<Response> {
  return async ({ request, context }, next) => {
    const ttl = ttlMs();
    const kind = requestKind(context);
    if (!ttl || !cacheable(request, kind)) return next();
    const url = new URL(request.url);
    const key = `${kind}|${url.host}|${localeOf(context)}|${url.pathname}${url.search}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now) return new Response(hit.body.slice(0), { status: 200, headers: hit.headers });

    const response = await next();
    if (
      response.status !== 200 ||
      response.headers.has('Set-Cookie') ||
      /\b(private|no-store)\b/.test(response.headers.get('Cache-Control') ?? '') ||
      !response.body
    )
      return response;
    const body = await response.arrayBuffer();
    if (body.byteLength <= MAX_BYTES) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { body, headers: [...response.headers], expires: now + ttl });
    }
    return new Response(body.slice(0), { status: response.status, headers: response.headers });
  };
}
