import { redirect, type MiddlewareFunction } from 'react-router';
import { communeContext, databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { RESERVED_SLUGS } from '~/tenancy/commune.ts';
import { getCommuneByHost } from '~/tenancy/communes.server.ts';
import { resolveCommune } from '~/tenancy/resolve.server.ts';

/**
 * Resolves the commune of the request. On a commune's own host name, a page outside its
 * `/{slug}` tree (other than platform pages) is redirected into it, so every URL names its
 * commune and client-side routing sees the same paths as the server.
 */
export const tenancyMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const database = context.get(databaseContext);
  const url = new URL(request.url);
  const first = url.pathname.split('/')[1] ?? '';
  if ((request.method === 'GET' || request.method === 'HEAD') && !RESERVED_SLUGS.has(first) && !first.startsWith('_') && !first.endsWith('.data')) {
    const hosted = await getCommuneByHost(database.db, url.host);
    if (hosted && first !== hosted.slug) {
      const commune = first ? await resolveCommune(database, request) : null;
      if (!commune) throw redirect(`/${hosted.slug}${url.pathname === '/' ? '' : url.pathname}${url.search}`);
    }
  }
  context.set(communeContext, await resolveCommune(database, request));
  return next();
};

/** On `/{slug}/…` routes: an unknown commune is a translated 404. */
export const requireCommuneMiddleware: MiddlewareFunction<Response> = ({ context }, next) => {
  if (!context.get(communeContext)) notFound();
  return next();
};
