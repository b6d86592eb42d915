/**
 * Baan's in-process caches, each made here with a name, a size bound and (when its data can
 * change under it) a time to live. Each app server keeps its own, so servers stay stateless; a
 * cache whose data can change is cleared by the code that changes it, on this server at once
 * and on the others within its time to live.
 *
 * The registry lists every cache (`listCaches`) and clears one or all (`clearCaches`): tests
 * start from a known state with it, and an operator tool can see what the process holds.
 *
 * When a cache is full, the entry stored longest ago makes room (a hit does not reorder: some of
 * these caches are read once per character of a text, and must cost no more than a Map look-up).
 * Only the page cache (server/page-cache.ts, in front of the app) keeps its own store: it holds whole responses
 * with their own rules for sharing.
 */

export type CacheOptions = {
  /** The most entries kept; the oldest one makes room for a new one. */
  max: number;
  /** How long an entry stays valid, in milliseconds; unset: until evicted or cleared. */
  ttlMs?: number;
};

export type CacheInfo = { name: string; size: number; max: number; ttlMs: number | undefined };

type Entry<V> = { value: V; expires: number };

export class Cache<K, V> {
  readonly name: string;
  readonly max: number;
  readonly ttlMs: number | undefined;
  readonly #entries = new Map<K, Entry<V>>();

  constructor(name: string, options: CacheOptions) {
    if (!(options.max > 0)) throw new Error(`cache ${name}: max must be positive`);
    this.name = name;
    this.max = options.max;
    this.ttlMs = options.ttlMs;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value kept for `key`, or undefined when there is none or it has expired. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.ttlMs !== undefined && entry.expires < Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    const entries = this.#entries;
    if (!entries.delete(key) && entries.size >= this.max) entries.delete(entries.keys().next().value as K);
    entries.set(key, { value, expires: this.ttlMs === undefined ? Infinity : Date.now() + this.ttlMs });
  }

  /** The kept value, or the one `make` returns (then kept). */
  remember(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** The kept value, or the one `load` resolves to (then kept; a rejection keeps nothing). */
  async load(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Forgets every entry whose key passes `test` (one owner's entries, say). */
  deleteWhere(test: (key: K) => boolean): void {
    for (const key of this.#entries.keys()) if (test(key)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

const registry = new Map<string, Cache<unknown, unknown>>();

/**
 * A named cache, listed in the registry. Names are unique: making one again under a known name
 * (a module evaluated again by the development server) replaces the old one.
 */
export function createCache<K, V>(name: string, options: CacheOptions): Cache<K, V> {
  const cache = new Cache<K, V>(name, options);
  registry.set(name, cache as Cache<unknown, unknown>);
  return cache;
}

/** Every cache of this process, by name. */
export function listCaches(): CacheInfo[] {
  return [...registry.values()]
    .map((cache) => ({ name: cache.name, size: cache.size, max: cache.max, ttlMs: cache.ttlMs }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Clears the named cache, or every cache when no name is given; false for an unknown name. */
export function clearCaches(name?: string): boolean {
  if (name === undefined) {
    for (const cache of registry.values()) cache.clear();
    return true;
  }
  const cache = registry.get(name);
  cache?.clear();
  return cache !== undefined;
}

const ownerIds = new WeakMap<object, number>();
let nextOwnerId = 0;

/**
 * A short key naming an object (a database, say) for as long as it lives, so one cache can hold
 * several owners' entries apart: `${ownerKey(db)}:${slug}`.
 */
export function ownerKey(owner: object): string {
  let id = ownerIds.get(owner);
  if (id === undefined) ownerIds.set(owner, (id = ++nextOwnerId));
  return `o${id}`;
}
