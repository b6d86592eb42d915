// The production server's bridge between Node's HTTP server and the app's fetch handler
// (server/http-bridge.ts), over real sockets on loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFacts } from '~/lib/server-facts.ts';
import { parseTrustProxy } from '../../server/config.ts';
import { acceptedEncoding, clientAddress, sendResponse, toRequest } from '../../server/http-bridge.ts';

type Handler = (request: Request) => Promise<Response> | Response;

let handler: Handler = () => new Response('unset');
let seen: Request | null = null;
let facts: ServerFacts | null = null;
let trustProxy = 0;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const bridged = toRequest(req, res, { trustProxy });
    if (!bridged) {
      res.writeHead(400).end();
      return;
    }
    seen = bridged.request;
    facts = bridged.facts;
    await sendResponse(req, res, await handler(bridged.request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET, so the test sees the bytes and headers as sent (fetch would decompress). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const page = '<!DOCTYPE html><html><body>' + '<p>Chè Shan Tuyết · ชาอู่หลง · honey</p>'.repeat(200) + '</body></html>';
const html = { 'Content-Type': 'text/html; charset=utf-8' };

describe('request', () => {
  it('carries method, URL, headers and body; the client address and request kind come from the server, not from headers', async () => {
    handler = async (request) => new Response(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`);
    const response = await fetch(`${base}/gia-phu/market/sell.data?x=1`, {
      method: 'POST',
      body: 'title=Mật+ong',
      headers: { 'accept-language': 'th' },
    });
    expect(await response.text()).toBe('POST /gia-phu/market/sell.data title=Mật+ong');
    expect(facts).toEqual({ clientAddress: '127.0.0.1', requestKind: 'data' });
    expect(seen!.headers.get('accept-language')).toBe('th');
    expect(new URL(seen!.url).search).toBe('?x=1');
  });

  it('believes X-Forwarded-* only behind a trusted proxy', async () => {
    handler = () => new Response('ok');
    const forwarded = { 'x-forwarded-for': '198.51.100.7, 203.0.113.20', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'baan.example' };
    await get('/market', forwarded);
    expect(facts!.clientAddress).toBe('127.0.0.1');
    expect(new URL(seen!.url).origin).toBe(base);
    trustProxy = 1;
    try {
      await get('/market', forwarded);
      // One proxy appends the address it was reached from: the right-most. The rest the client wrote.
      expect(facts!.clientAddress).toBe('203.0.113.20');
      expect(new URL(seen!.url).origin).toBe('https://baan.example');
      expect(facts!.requestKind).toBe('document');
    } finally {
      trustProxy = 0;
    }
  });

  it('trusts exactly N proxy hops: the client is the N-th X-Forwarded-For address from the right', () => {
    const req = (xff: string | undefined, peer = '10.0.0.9') => ({
      headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      socket: { remoteAddress: peer },
    });
    // A client that writes its own X-Forwarded-For gains nothing: the proxies append after it.
    const spoofed = '1.2.3.4, 203.0.113.5, 10.0.0.2';
    expect(clientAddress(req(spoofed), 0)).toBe('10.0.0.9');
    expect(clientAddress(req(spoofed), 1)).toBe('10.0.0.2');
    expect(clientAddress(req(spoofed), 2)).toBe('203.0.113.5');
    expect(clientAddress(req(spoofed), 3)).toBe('1.2.3.4');
    // A shorter header than the hops (a request that skipped a proxy): its left-most address.
    expect(clientAddress(req('203.0.113.5'), 2)).toBe('203.0.113.5');
    // No header, an empty one, or garbage where the trusted proxy's entry should be: the peer.
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.9');
    expect(clientAddress(req(' , '), 1)).toBe('10.0.0.9');
    expect(clientAddress(req('203.0.113.5, not-an-address'), 1)).toBe('10.0.0.9');
    // Addresses are normalised, so one client has one key.
    expect(clientAddress(req(undefined, '::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    // An IPv6 client counts as its /64 (one subscriber's network); ports written by a proxy are dropped.
    expect(clientAddress(req('2001:DB8::0:1'), 1)).toBe('2001:db8::/64');
    expect(clientAddress(req('2001:db8:0:0:ffff:1:2:3'), 1)).toBe('2001:db8::/64');
    expect(clientAddress(req('2001:db8:0:1::9'), 1)).toBe('2001:db8:0:1::/64');
    expect(clientAddress(req('203.0.113.9:5122'), 1)).toBe('203.0.113.9');
    expect(clientAddress(req('[2001:db8::1]:443'), 1)).toBe('2001:db8::/64');
    // Node joins repeated X-Forwarded-For lines with ", ": the order is kept.
    expect(clientAddress(req('198.51.100.1, 198.51.100.2'), 1)).toBe('198.51.100.2');
  });

  it('reads the scheme and host as the outermost trusted proxy wrote them, not as the client claimed', async () => {
    trustProxy = 1;
    try {
      // The client claims https and another host; the one trusted proxy appends what it saw.
      await get('/market', { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'evil.example, baan.example', 'x-forwarded-for': '203.0.113.20' });
      expect(new URL(seen!.url).origin).toBe('http://baan.example');
      // A proxy that sets the header (one value) is believed.
      await get('/market', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'baan.example' });
      expect(new URL(seen!.url).origin).toBe('https://baan.example');
    } finally {
      trustProxy = 0;
    }
  });

  it('reads TRUST_PROXY as a number of hops and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('')).toBe(0);
    expect(parseTrustProxy('0')).toBe(0);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
    for (const bad of ['true', 'yes', '-1', '1.5', 'loopback']) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/);
  });

  it('takes the path of an absolute-form target, and refuses a target that is not a path', async () => {
    handler = (request) => new Response(new URL(request.url).pathname);
    const send = (path: string, method = 'GET') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: new URL(base).port, path, method }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await send('http://elsewhere.example/map?kind=homestay')).toEqual({ status: 200, body: '/map' });
    expect(new URL(seen!.url).host).toBe(new URL(base).host);
    seen = null;
    expect((await send('*', 'OPTIONS')).status).toBe(400);
    expect((await send('/market', 'TRACE')).status).toBe(400);
    expect(seen).toBeNull();
  });
});

describe('response', () => {
  it('compresses a page with gzip, or brotli when the client takes it, and says so', async () => {
    handler = () => new Response(page, { headers: html });
    const gz = await get('/market', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.byteLength);
    expect(gunzipSync(gz.body).toString()).toBe(page);

    const br = await get('/market', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);

    const plain = await get('/market', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it('sends small bodies, images and no-transform responses as they are', async () => {
    handler = () => new Response('<p>ok</p>', { headers: html });
    expect((await get('/a', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    const png = Buffer.alloc(4096, 7);
    handler = () => new Response(png, { headers: { 'Content-Type': 'image/png' } });
    const image = await get('/media/x', { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    handler = () => new Response(page, { headers: { ...html, 'Cache-Control': 'no-transform' } });
    expect((await get('/b', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });

  it('keeps status, every Set-Cookie and the other headers', async () => {
    const headers = new Headers({ Location: '/login', 'X-Frame-Options': 'DENY' });
    headers.append('Set-Cookie', 'cart=1; HttpOnly; Path=/');
    headers.append('Set-Cookie', 'flash=; Max-Age=0; Path=/');
    handler = () => new Response(null, { status: 303, headers });
    const response = await get('/cart');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/login');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['set-cookie']).toEqual(['cart=1; HttpOnly; Path=/', 'flash=; Max-Age=0; Path=/']);
  });

  it('sends no body to HEAD', async () => {
    handler = () => new Response(page, { headers: html });
    const response = await get('/market', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.body.byteLength).toBe(0);
  });

  it('streams a body too large to hold, compressed and whole', async () => {
    const line = 'type,name,lat,lon\n' + 'homestay,Nhà sàn Tả Van,22.29,103.89\n'.repeat(40_000);
    handler = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            const bytes = new TextEncoder().encode(line);
            for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
            controller.close();
          },
        }),
        { headers: { 'Content-Type': 'text/csv' } },
      );
    const response = await get('/places.csv', { 'accept-encoding': 'gzip' });
    expect(Buffer.byteLength(line)).toBeGreaterThan(1 << 20);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(gunzipSync(response.body).toString()).toBe(line);
  });
});

describe('acceptedEncoding', () => {
  it('prefers brotli, honours q=0 and wildcards', () => {
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('gzip;q=0')).toBeNull();
  });
});
