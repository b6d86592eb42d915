// The anonymous page cache, in front of the app (docs/decisions/002). Most traffic on a commune
// site is people reading published pages without an account; for a few seconds they can share
// one rendering. A hit is answered here, from Node's request: no `Request` object, no route
// matching, no middleware, no translation, no database and no compression (each encoding is
// compressed once per rendering and kept).
//
// What may be shared is the app's rule (BaanEntry.pageCachePolicy, server/pages.ts): which
// cookies make a request personal. Here: only GET requests for pages and their data, without
// `?lng=` (a choice the app turns into a cookie), keyed by host, URL, the `lng` cookie and
// Accept-Language (everything the app reads to pick the language, the path naming the commune
// whose default decides when neither does). Only 200 answers that set no cookie, are not marked
// private or no-store and fit in MAX_BYTES are kept.
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { acceptedEncoding, BROTLI_OPTIONS, forwardedValue, type WholeBody } from './http-bridge.ts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** What the app says about sharing (app/entry.server.tsx). */
export type PageCachePolicy = {
  /** How long a rendering is shared; 0 turns the cache off (PAGE_CACHE_SECONDS). */
  seconds: number;
  /** Whether a request's Cookie header carries a cookie that can make its page personal. */
  personal(cookieHeader: string | undefined): boolean;
};

type Encoding = 'br' | 'gzip' | 'identity';

type Entry = {
  expires: number;
  /** Whether the body is worth compressing (type and size), as the bridge decides for any answer. */
  compressible: boolean;
  /** The answer's headers without length and encoding, as a flat list for `writeHead`. */
  headers: string[];
  bodies: Partial<Record<Encoding, Buffer>>;
  /** The full header list of each encoding sent so far (with its length and encoding). */
  heads: Partial<Record<Encoding, string[]>>;
  /** An encoding being compressed for a first hit: later hits in the same encoding wait for it. */
  packing: Partial<Record<Encoding, Promise<Buffer>>>;
  /** The bytes of all its bodies. */
  bytes: number;
};

const MAX_ENTRIES = 1_000;
const MAX_BYTES = 512 * 1024;
/** All renderings with all their encodings: past it the cache sweeps, as past MAX_ENTRIES. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** The request headers an answer may vary on and still be shared: the key holds them (cookies: only `lng`, the others make a request personal). */
const VARY_KEYED = new Set(['accept-encoding', 'accept-language', 'cookie']);
/** A longer Accept-Language or `lng` cookie is no reader's: such requests are not shared. */
const MAX_LANGUAGE_HINT = 256;

export class PageCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  readonly #ttlMs: number;
  readonly #personal: PageCachePolicy['personal'];
  readonly #trustProxy: number;

  constructor(policy: PageCachePolicy, { trustProxy = 0 }: { trustProxy?: number } = {}) {
    this.#ttlMs = Math.max(0, policy.seconds) * 1000;
    this.#personal = policy.personal;
    this.#trustProxy = trustProxy;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The bytes the kept renderings hold, every encoding counted. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The key a request is shared under, or null when its answer must be its own. */
  keyFor(req: IncomingMessage): string | null {
    if (this.#ttlMs === 0 || req.method !== 'GET') return null;
    const target = req.url ?? '';
    if (!target.startsWith('/')) return null;
    const query = target.indexOf('?');
    if (query >= 0 && new URLSearchParams(target.slice(query + 1)).has('lng')) return null;
    const cookie = req.headers.cookie;
    if (cookie && this.#personal(cookie)) return null;
    const lng = cookie ? (/(?:^|;\s*)lng=([^;]*)/.exec(cookie)?.[1] ?? '') : '';
    const languages = req.headers['accept-language'] ?? '';
    if (lng.length + languages.length > MAX_LANGUAGE_HINT) return null;
    const host = forwardedValue(req.headers['x-forwarded-host'], this.#trustProxy) || req.headers.host || '';
    const proto = forwardedValue(req.headers['x-forwarded-proto'], this.#trustProxy);
    return `${proto}\0${host}\0${lng}\0${languages}\0${target}`;
  }

  /**
   * Answers `req` from the cache when a live rendering is kept under `key`; false when not.
   * An encoding asked for the first time is compressed now and kept with the rendering.
   */
  serve(key: string, req: IncomingMessage, res: ServerResponse): boolean | Promise<true> {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    if (entry.expires <= Date.now()) {
      this.#drop(key, entry);
      return false;
    }
    const encoding: Encoding = (entry.compressible && acceptedEncoding(req.headers['accept-encoding'])) || 'identity';
    const body = entry.bodies[encoding];
    if (body) {
      write(res, entry, encoding, body);
      return true;
    }
    const identity = entry.bodies.identity!;
    let packing = entry.packing[encoding];
    if (!packing) {
      packing = encoding === 'br' ? brotli(identity, BROTLI_OPTIONS) : gzip(identity);
      entry.packing[encoding] = packing;
      void packing.then(
        (packed) => {
          delete entry.packing[encoding];
          // Kept only while the rendering is still the one under its key.
          if (this.#entries.get(key) !== entry) return;
          entry.bodies[encoding] = packed;
          entry.bytes += packed.byteLength;
          this.#bytes += packed.byteLength;
          if (this.#bytes > MAX_TOTAL_BYTES) this.#sweep();
        },
        () => delete entry.packing[encoding],
      );
    }
    return packing.then(
      (packed) => {
        write(res, entry, encoding, packed);
        return true as const;
      },
      // Compression failing (it should not) costs the reader bytes, never the page.
      () => {
        write(res, entry, 'identity', identity);
        return true as const;
      },
    );
  }

  /** Keeps an answer just sent for `key`, when it is one everybody may share. */
  keep(key: string, res: ServerResponse, sent: WholeBody): void {
    if (res.statusCode !== 200 || res.hasHeader('set-cookie') || sent.body.byteLength > MAX_BYTES) return;
    if (/\b(private|no-store)\b/.test(String(res.getHeader('cache-control') ?? ''))) return;
    // Encoded by the app itself (not by the bridge): kept as sent, its bytes would be served as plain text.
    if (res.hasHeader('content-encoding') && !sent.encoding) return;
    // Varying on anything the key does not hold would serve one reader's variant to another.
    const vary = String(res.getHeader('vary') ?? '').toLowerCase();
    if (vary && vary.split(',').some((name) => !VARY_KEYED.has(name.trim()))) return;
    const headers: string[] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (name === 'content-length' || name === 'content-encoding' || value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
    }
    const bodies: Entry['bodies'] = { identity: sent.body };
    if (sent.encoding && sent.packed) bodies[sent.encoding] = sent.packed;
    const bytes = sent.body.byteLength + (sent.encoding && sent.packed ? sent.packed.byteLength : 0);
    const previous = this.#entries.get(key);
    if (previous) this.#drop(key, previous);
    if (this.#entries.size >= MAX_ENTRIES || this.#bytes + bytes > MAX_TOTAL_BYTES) this.#sweep();
    this.#entries.set(key, { expires: Date.now() + this.#ttlMs, compressible: sent.compressible, headers, bodies, heads: {}, packing: {}, bytes });
    this.#bytes += bytes;
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** Drops the expired renderings; when that frees too little room, all of them (the cache starts again). */
  #sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#drop(key, entry);
    if (this.#entries.size >= MAX_ENTRIES || this.#bytes > MAX_TOTAL_BYTES / 2) {
      this.#entries.clear();
      this.#bytes = 0;
    }
  }
}

function write(res: ServerResponse, entry: Entry, encoding: Encoding, body: Buffer) {
  let head = entry.heads[encoding];
  if (!head) {
    head = [...entry.headers, 'content-length', String(body.byteLength)];
    if (encoding !== 'identity') head.push('content-encoding', encoding);
    entry.heads[encoding] = head;
  }
  res.writeHead(200, head).end(body);
}
