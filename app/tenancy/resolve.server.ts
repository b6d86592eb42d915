import type { Database } from '#db/client.ts';
import type { Commune } from './commune.ts';
import { getCommuneBySlug } from './communes.server.ts';

const resolved = new WeakMap<Request, Promise<Commune | null>>();

/**
 * The commune a request addresses: the first path segment (`/{slug}/…`). A mapped host name
 * was already rewritten into that form by the server (see host-routing.server.ts).
 * Memoised per request: language detection and tenancy middleware both ask.
 */
export function resolveCommune(database: Database, request: Request): Promise<Commune | null> {
  let pending = resolved.get(request);
  if (!pending) {
    const segment = decodeURIComponent(new URL(request.url).pathname.split('/')[1] ?? '');
    pending = segment ? getCommuneBySlug(database.db, segment) : Promise.resolve(null);
    resolved.set(request, pending);
  }
  return pending;
}
