import type { Db } from '#db/client.ts';
import { createCache, ownerKey } from '~/lib/cache.server.ts';
import type { Commune } from './commune.ts';

/**
 * A short-lived, per-process memo of commune look-ups (by slug and by host, misses included):
 * nearly every request asks, and communes change rarely. A change made on this server clears
 * it at once, on other servers within its time to live (10 s). Entries are kept per database.
 */
const communes = createCache<string, Commune | null>('tenancy.communes', { max: 5_000, ttlMs: 10_000 });

export function memoCommune(db: Db, key: string, load: () => Promise<Commune | null>): Promise<Commune | null> {
  return communes.load(`${ownerKey(db)}:${key}`, load);
}

export function forgetCommunes(db: Db): void {
  const prefix = `${ownerKey(db)}:`;
  communes.deleteWhere((key) => key.startsWith(prefix));
}
