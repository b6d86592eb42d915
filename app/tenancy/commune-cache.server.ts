import type { Db } from '#db/client.ts';
import type { Commune } from './commune.ts';

/**
 * A short-lived, per-process memo of commune look-ups (by slug and by host, misses included):
 * nearly every request asks, and communes change rarely. Each app server keeps its own, so
 * servers stay stateless; a change made on this server clears it at once, on other servers
 * within TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

type Entry = { value: Commune | null; expires: number };
const caches = new WeakMap<Db, Map<string, Entry>>();

export async function memoCommune(db: Db, key: string, load: () => Promise<Commune | null>): Promise<Commune | null> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = await load();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { value, expires: now + TTL_MS });
  return value;
}

export function forgetCommunes(db: Db): void {
  caches.get(db)?.clear();
}
