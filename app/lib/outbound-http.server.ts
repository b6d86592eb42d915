import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { env } from '~/lib/env.server.ts';
import { AppError } from '~/lib/errors.ts';

// Every request Baan makes to an address typed by a person (feed imports, later webhooks) goes
// through here. A commune official must not be able to make the server read its own admin
// ports, the cloud metadata service or anything else on a private network (SSRF), nor tie it
// up with a slow or endless answer.

export type FetchLimits = { timeoutMs?: number; maxBytes?: number; maxRedirects?: number; allowHosts?: string[] };
export type FetchedBody = { url: string; status: number; contentType: string; body: Buffer };

type FetchInit = { headers?: Record<string, string>; method?: 'GET' | 'POST'; body?: string };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'Baan feed reader';
// Credentials meant for one site are not handed on to another one it redirects to.
const CROSS_ORIGIN_DROPPED_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * True unless `ip` is an ordinary public unicast address: private, loopback, link-local,
 * unique-local, multicast, broadcast, unspecified, CGNAT, reserved and every IPv6 range that
 * tunnels or translates to IPv4 (mapped, 6to4, Teredo, NAT64) are refused, as is anything that
 * is not a plain IP address at all.
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  // net.isIP only accepts canonical notation; ipaddr.js alone would also read "0177.1" or "0x7f.1".
  if (isIP(bare) === 0) return true;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped address is judged as IPv4.
    address = ipaddr.process(bare);
  } catch {
    return true;
  }
  // The deprecated IPv4-compatible form ::a.b.c.d has no range of its own in ipaddr.js.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return true;
  return address.range() !== 'unicast';
}

function normalizeHost(host: string): string {
  const bare = (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host).toLowerCase().replace(/\.$/, '');
  return isIP(bare) ? ipaddr.parse(bare).toString() : bare;
}

function allowedHosts(limits: FetchLimits): Set<string> {
  const fromEnv = env.outboundAllowHosts;
  return new Set(
    [...(limits.allowHosts ?? []), ...fromEnv]
      .map((h) => h.trim())
      .filter(Boolean)
      .map(normalizeHost),
  );
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new AppError('invalid', 'common:outbound.badUrl');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new AppError('invalid', 'common:outbound.badUrl');
  }
  return url;
}

type Target = { address: string; family: 4 | 6 };

/**
 * Resolves the host once and checks every address it gives. The connection is then made to
 * exactly these addresses, so a second DNS answer (rebinding) cannot point it elsewhere.
 */
async function resolveTarget(url: URL, allow: Set<string>, signal: AbortSignal): Promise<Target[]> {
  const host = normalizeHost(url.hostname);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    const found = await abortable(lookup(host, { all: true, verbatim: true }), signal);
    addresses = found.map((a) => a.address);
  }
  if (addresses.length === 0) throw new AppError('invalid', 'common:outbound.unreachable', { reason: 'ENOTFOUND' });
  if (!allow.has(host) && addresses.some(isForbiddenAddress)) {
    throw new AppError('forbidden', 'common:outbound.privateAddress');
  }
  return addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function pinnedLookup(targets: Target[]): LookupFunction {
  return (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
    if (options.all) callback(null, targets);
    else callback(null, targets[0]!.address, targets[0]!.family);
  };
}

function send(
  url: URL,
  targets: Target[],
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const options: https.RequestOptions = {
      protocol: url.protocol,
      hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method,
      headers: { ...headers, host: url.host },
      lookup: pinnedLookup(targets),
      // A fresh connection each time: a pooled socket would skip the address check above.
      agent: false,
      signal,
    };
    // TLS certificate and SNI are checked against the name that was asked for, not the IP.
    if (secure && !isIP(hostname)) options.servername = hostname;
    const request = (secure ? https : http).request(options, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

function byteCap(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new AppError('payload_too_large', 'common:outbound.tooLarge'));
      else callback(null, chunk);
    },
  });
}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new AppError('invalid', 'common:outbound.unreachable', { reason: `content-encoding ${encoding}` });
  }
}

/** Reads the body, capping both the bytes on the wire and the bytes after decompression (zip bombs). */
async function readBody(response: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  let decoder: Transform | null;
  try {
    decoder = decoderFor(encoding);
  } catch (error) {
    response.destroy();
    throw error;
  }
  const chunks: Buffer[] = [];
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) chunks.push(chunk);
  };
  if (decoder) await pipeline(response, byteCap(maxBytes), decoder, byteCap(maxBytes), collect, { signal });
  else await pipeline(response, byteCap(maxBytes), collect, { signal });
  return Buffer.concat(chunks);
}

/**
 * Fetches a public http(s) address with a time limit (whole request, body included), a size
 * limit and a redirect limit, re-checking the address of every hop. Failures are AppErrors
 * with translation keys under common:outbound.
 */
export async function fetchLimited(url: string, init: FetchInit = {}, limits: FetchLimits = {}): Promise<FetchedBody> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allow = allowedHosts(limits);

  let current = parseUrl(url);
  let method: string = init.method ?? 'GET';
  let body = init.body;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    const key = name.toLowerCase();
    if (key !== 'host' && key !== 'content-length' && key !== 'accept-encoding') headers[key] = value;
  }
  // Only encodings this module can decode (and count) are offered.
  headers['accept-encoding'] = 'gzip, deflate, br';

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const targets = await resolveTarget(current, allow, controller.signal);
      const sent = { ...headers };
      if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body));
      const response = await send(current, targets, method, sent, body, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;

      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (hop >= maxRedirects) {
          throw new AppError('invalid', 'common:outbound.unreachable', { reason: 'too many redirects' });
        }
        const next = parseUrl(location, current);
        if (next.origin !== current.origin) for (const h of CROSS_ORIGIN_DROPPED_HEADERS) delete headers[h];
        // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without a body.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          delete headers['content-type'];
        }
        current = next;
        continue;
      }

      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw new AppError('payload_too_large', 'common:outbound.tooLarge');
      }
      const bytes = await readBody(response, maxBytes, controller.signal);
      return { url: current.href, status, contentType: String(response.headers['content-type'] ?? ''), body: bytes };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) throw new AppError('invalid', 'common:outbound.timeout', { reason: 'timeout' });
    const reason = (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
    throw new AppError('invalid', 'common:outbound.unreachable', { reason });
  } finally {
    clearTimeout(timer);
  }
}
