// Between Node's HTTP server and the app's fetch-style handler: a Node request becomes a
// `Request` and the facts only the server knows (the client's address, page or data; see
// app/lib/server-facts.ts), and the app's `Response` goes back out, compressed when the client
// accepts it.
// This is the hot path of every page, so it does only what a page needs: no router, no
// middleware stack, one compression call for a whole page instead of a stream per chunk.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';
import type { ServerFacts } from '../app/lib/server-facts.ts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Pages are sent whole up to this size; larger bodies (media files) are streamed. */
const WHOLE_LIMIT = 1 << 20;
/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
const COMPRESS_THRESHOLD = 1024;
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;
// Brotli at quality 4, as the `compression` middleware uses for assets: near gzip's speed, smaller output.
export const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * An address as the app keys limits by it; null when not an IP address. IPv4-mapped IPv6 counts
 * as plain IPv4. A proxy that writes a port (`203.0.113.9:5122`, `[2001:db8::1]:443`) is
 * understood. An IPv6 client counts as its /64: one subscriber usually holds a whole /64 and
 * could otherwise take a fresh address, and fresh counters, for every try.
 */
export function normaliseAddress(value: unknown): string | null {
  let text = String(value ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.process(text);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = address.toNormalizedString().split(':').slice(0, 4).join(':');
  return ipaddr.parse(`${prefix}::`).toString() + '/64';
}

/**
 * The value of a header that each trusted proxy appends to (X-Forwarded-For, -Proto, -Host):
 * the `hops`-th entry from the right, as the outermost trusted proxy wrote it; everything
 * further left came from the client. A shorter list (a proxy that sets rather than appends, or
 * a request that skipped one) gives its left-most entry; none gives ''.
 */
export function forwardedValue(header: string | string[] | undefined, hops: number): string {
  const chain = String(header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (chain.length === 0 || hops <= 0) return '';
  return chain[Math.max(0, chain.length - hops)]!;
}

/**
 * The client's address. With no trusted proxy, the socket's peer. Behind `trustedHops` proxies,
 * each of which appends the address it was reached from to X-Forwarded-For, the client is the
 * `trustedHops`-th address from the right: everything left of it was written by the client and
 * proves nothing. A header shorter than that (a request that skipped a proxy) gives its left-most
 * address, the furthest a trusted proxy saw; no usable header gives the peer.
 */
/** The parts of a Node request the address and scheme are read from. */
type Peer = Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined; encrypted?: boolean } };

export function clientAddress(req: Peer, trustedHops = 0): string {
  const peer = normaliseAddress(req.socket.remoteAddress) ?? 'unknown';
  const chosen = forwardedValue(req.headers['x-forwarded-for'], trustedHops);
  return (chosen && normaliseAddress(chosen)) || peer;
}

/** 'https' or 'http': the socket's own, or behind trusted proxies what the outermost one says. */
export function requestProtocol(req: Peer, trustProxy = 0): 'https' | 'http' {
  const forwarded = forwardedValue(req.headers['x-forwarded-proto'], trustProxy);
  return forwarded === 'https' || forwarded === 'http' ? forwarded : req.socket.encrypted ? 'https' : 'http';
}

/** A Node request as the app sees it: the fetch `Request` and what only the server knows of it. */
export type BridgedRequest = { request: Request; facts: ServerFacts };

/**
 * The `Request` the app sees, and its server facts. The URL's host and scheme come from the Host
 * header (or, behind a trusted proxy, its X-Forwarded-* headers); the request's signal aborts when
 * the client goes away; `dropOrigin` leaves the Origin header out. Returns null for a target that is not a URL path (such as `OPTIONS *`),
 * and for TRACE.
 */
export function toRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { trustProxy = 0, dropOrigin = false }: { trustProxy?: number; dropOrigin?: boolean } = {},
): BridgedRequest | null {
  let target = req.url ?? '';
  // The absolute form (`GET http://host/path`), which HTTP/1.1 servers must accept: its path counts.
  if (/^https?:\/\//i.test(target)) {
    try {
      const absolute = new URL(target);
      target = absolute.pathname + absolute.search;
    } catch {
      return null;
    }
  }
  // TRACE and TRACK are refused (a fetch Request cannot carry them).
  if (!target.startsWith('/') || /^TRAC[EK]$/i.test(req.method ?? '')) return null;
  const forwardedHost = forwardedValue(req.headers['x-forwarded-host'], trustProxy);
  const host = (forwardedHost || req.headers.host || 'localhost').split(/[\\/?#@\s]/)[0] || 'localhost';
  const protocol = requestProtocol(req, trustProxy);
  let url: URL;
  try {
    url = new URL(`${protocol}://${host}${target}`);
  } catch {
    return null;
  }

  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  // Several Cookie lines (HTTP/2 splits them; a proxy may forward them so) are one list joined by
  // '; ', as Node joins them for the page cache's key, not by the ', ' of `append`.
  if (req.headers.cookie !== undefined) headers.set('Cookie', req.headers.cookie);
  if (dropOrigin) headers.delete('Origin');

  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return {
    request: new Request(url, init),
    facts: {
      clientAddress: clientAddress(req, trustProxy),
      // React Router rewrites a client-side navigation's `/x.data` to `/x` before the app sees
      // it: the page cache must still tell the two apart.
      requestKind: url.pathname.endsWith('.data') ? 'data' : 'document',
    },
  };
}

/** 'br', 'gzip' or null: what the client accepts, brotli first (as the `compression` middleware chooses). */
export function acceptedEncoding(header: string | undefined | null): 'br' | 'gzip' | null {
  if (!header) return null;
  let gzipOk = false;
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';') as [string, ...string[]];
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip' || name === '*') gzipOk = true;
  }
  return gzipOk ? 'gzip' : null;
}

/** A body sent whole: as the app gave it, and as it went out when compressed. */
export type WholeBody = {
  body: Buffer;
  /** Whether its type and size are worth compressing, whatever this client accepted. */
  compressible: boolean;
  encoding: 'br' | 'gzip' | null;
  packed: Buffer | null;
};

/**
 * Writes the app's response. Bodies up to WHOLE_LIMIT are read whole and compressed in one call
 * on the thread pool (and returned, for the page cache); larger ones (media files) are piped
 * through, and so are HEAD answers and empty bodies (null).
 */
export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<WholeBody | null> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);

  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return null;
  }

  const type = response.headers.get('content-type') ?? '';
  const compressible =
    COMPRESSIBLE.test(type) && !response.headers.has('content-encoding') && !/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '');
  if (compressible) res.appendHeader('Vary', 'Accept-Encoding');
  const encoding = compressible ? acceptedEncoding(req.headers['accept-encoding']) : null;

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      const body = chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks);
      const worthIt = compressible && body.byteLength >= COMPRESS_THRESHOLD;
      if (!encoding || !worthIt) {
        res.setHeader('Content-Length', body.byteLength);
        res.end(body);
        return { body, compressible: worthIt, encoding: null, packed: null };
      }
      const packed = await (encoding === 'br' ? brotli(body, BROTLI_OPTIONS) : gzip(body));
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', packed.byteLength);
      res.end(packed);
      return { body, compressible: worthIt, encoding, packed };
    }
    chunks.push(value);
    size += value.byteLength;
    if (size > WHOLE_LIMIT) break;
  }

  // Too large to hold: stream what was read, then the rest.
  if (encoding) {
    res.removeHeader('Content-Length');
    res.setHeader('Content-Encoding', encoding);
  }
  async function* rest() {
    for (const chunk of chunks) yield chunk;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const source = Readable.from(rest(), { objectMode: false });
  try {
    if (encoding) await pipeline(source, encoding === 'br' ? zlib.createBrotliCompress(BROTLI_OPTIONS) : zlib.createGzip(), res);
    else await pipeline(source, res);
  } catch (error) {
    await reader.cancel().catch(() => {});
    // A client that went away mid-download is not an error of the server's.
    if ((error as NodeJS.ErrnoException | null)?.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('sending a streamed response failed', error);
  }
  return null;
}
