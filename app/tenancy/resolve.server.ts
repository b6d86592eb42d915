import type { Database } from '#db/client.ts';
import { decodeSegment, hasForbiddenCharacters } from '~/lib/text.ts';
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
    // A segment that cannot be decoded (`/%ZZ`) or holds a control character names no commune.
    const segment = decodeSegment(new URL(request.url).pathname.split('/')[1] ?? '');
    pending = segment && !hasForbiddenCharacters(segment) ? getCommuneBySlug(database.db, segment) : Promise.resolve(null);
    resolved.set(request, pending);
  }
  return pending;
}
