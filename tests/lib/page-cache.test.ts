// The anonymous page cache in front of the app (server/page-cache.ts, docs/decisions/002): the
// production page handler (server/pages.ts) over real sockets on loopback, in front of the
// smallest React Router build whose entry counts its renderings. What it serves again, what
// never, and what a hit sends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createElement } from 'react';
import { RouterContextProvider, type ServerBuild } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personalCookieIn } from '~/lib/security.server.ts';
import { PageCache } from '../../server/page-cache.ts';
import { pagesHandler } from '../../server/pages.ts';

/** How the counting page answers a path: extra headers, a status. */
let answer: (path: string) => { status?: number; headers?: Record<string, string> } = () => ({});
let renders = 0;

function countingBuild(): ServerBuild {
  const route = { hasLoader: false, hasAction: false, hasClientAction: false, hasClientLoader: false, hasClientMiddleware: false, hasErrorBoundary: false };
  return {
    entry: {
      module: {
        default: (request: Request, status: number, headers: Headers) => {
          renders++;
          const url = new URL(request.url);
          const { status: own, headers: extra = {} } = answer(url.pathname);
          const nonce = `n${renders}`;
          headers.set('Content-Type', 'text/html; charset=utf-8');
          headers.set('Content-Security-Policy', `script-src 'nonce-${nonce}'`);
          headers.set('Vary', 'Accept-Language, Cookie');
          for (const [name, value] of Object.entries(extra)) headers.append(name, value);
          // Over a kilobyte, so it is worth compressing.
          const body =
            `<!DOCTYPE html><script nonce="${nonce}"></script><p>render ${renders} ${url.pathname}${url.search}</p>` +
            `<p>cookie ${request.headers.get('cookie') ?? ''};</p>` +
            '<p>Chè Shan Tuyết · ชาอู่หลง</p>'.repeat(60);
          return new Response(body, { status: own ?? status, headers });
        },
        acceptsCrossSitePost: () => false,
        requestContext: () => new RouterContextProvider(),
        staticFileHeaders: () => ({}),
      },
    },
    routes: {
      root: { id: 'root', parentId: undefined, path: '', index: undefined, caseSensitive: undefined, module: { default: () => null } },
      page: { id: 'page', parentId: 'root', path: '*', index: undefined, caseSensitive: undefined, module: { default: () => createElement('p') } },
    },
    assets: {
      entry: { imports: [], module: '/entry.js' },
      routes: { root: { id: 'root', path: '', module: '/root.js', ...route }, page: { id: 'page', parentId: 'root', path: '*', module: '/page.js', ...route } },
      url: '/manifest.js',
      version: '1',
    },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    future: { v8_middleware: true },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
    basename: '/',
  } as unknown as ServerBuild;
}

let server: http.Server;
let base = '';
let cache: PageCache;
let seconds = 60;

beforeAll(async () => {
  const build = countingBuild();
  // Rebuilt per test through `seconds`: each test starts with an empty cache.
  let pages = pagesHandler(build, { mode: 'production', trustProxy: 0 });
  server = http.createServer((req, res) => void pages(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reset = () => {
    cache = new PageCache({ seconds, personal: personalCookieIn });
    pages = pagesHandler(build, { mode: 'production', trustProxy: 0, pageCache: cache });
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let reset = () => {};
beforeEach(() => {
  answer = () => ({});
  renders = 0;
  seconds = 60;
  reset();
});

type Sent = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

/** A raw request, so the test sees the bytes and headers as sent (fetch would decompress). */
function get(path: string, headers: Record<string, string | string[]> = {}, method = 'GET') {
  return new Promise<Sent>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const text = (encoding === 'gzip' ? gunzipSync(body) : encoding === 'br' ? brotliDecompressSync(body) : body).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const rendering = (sent: Sent) => /render (\d+)/.exec(sent.text)?.[1];

describe('anonymous page cache', () => {
  it('serves a reader without cookies, or with only the language cookie, from one rendering', async () => {
    const first = await get('/ta-van/handbook');
    expect(rendering(first)).toBe('1');
    expect(rendering(await get('/ta-van/handbook'))).toBe('1');
    expect(rendering(await get('/ta-van/handbook', { cookie: 'lng=vi' }))).toBe('2'); // its own language hint: its own rendering
    expect(rendering(await get('/ta-van/handbook', { cookie: 'lng=vi' }))).toBe('2');
    // Someone who signed in once and signed out keeps the throttle's device cookie: still anonymous.
    expect(rendering(await get('/ta-van/handbook', { cookie: 'baan_device=abc; lng=vi' }))).toBe('2');
    expect(renders).toBe(2);
    expect(cache.size).toBe(2);
  });

  it('never serves or keeps a request carrying any other cookie (session, cart, flash, or one added later)', async () => {
    await get('/market');
    for (const cookie of ['baan_session=x', 'lng=vi; baan_cart=y', 'baan_flash=z', 'some_new_cookie=1']) {
      expect(rendering(await get('/market', { cookie }))).not.toBe('1');
    }
    expect(renders).toBe(5);
    expect(rendering(await get('/market'))).toBe('1'); // nothing personal was kept
  });

  it('hands the app several Cookie lines as one list, as the key reads them', async () => {
    const sent = await get('/lines', { cookie: ['lng=th', 'lng=vi'] });
    expect(sent.text).toContain('cookie lng=th; lng=vi;');
    expect(rendering(await get('/lines', { cookie: 'lng=th; lng=vi' }))).toBe('1');
    // The first `lng` decides, for the key and for the app alike.
    expect(rendering(await get('/lines', { cookie: 'lng=th' }))).toBe('1');
    expect(rendering(await get('/lines', { cookie: 'lng=vi; lng=th' }))).toBe('2');
  });

  it('keys by everything that picks the language, and never shares a `?lng=` choice', async () => {
    await get('/tourism', { 'accept-language': 'th' });
    await get('/tourism', { 'accept-language': 'en-GB,en;q=0.8' });
    await get('/tourism', { 'accept-language': 'th' });
    expect(renders).toBe(2);
    await get('/tourism?lng=en');
    await get('/tourism?lng=en');
    await get('/tourism?x=1&lng');
    await get('/tourism?x=1&lng');
    expect(renders).toBe(6);
    expect(rendering(await get('/tourism?page=2'))).toBe('7'); // another URL, another page
  });

  it('keeps only a 200 that sets no cookie and is not private; never a HEAD or a POST', async () => {
    const answers: Record<string, ReturnType<typeof answer>> = {
      '/private': { headers: { 'Cache-Control': 'private, max-age=0' } },
      '/no-store': { headers: { 'Cache-Control': 'no-store' } },
      '/cookie': { headers: { 'Set-Cookie': 'lng=th; Path=/' } },
      '/missing': { status: 404 },
      // Encoded by the app itself, or varying on a header the key does not hold.
      '/encoded': { headers: { 'Content-Encoding': 'identity' } },
      '/vary-origin': { headers: { Vary: 'Origin' } },
    };
    answer = (path) => answers[path] ?? {};
    for (const path of Object.keys(answers)) {
      await get(path);
      await get(path);
    }
    expect(renders).toBe(12);
    expect(cache.size).toBe(0);
    await get('/head', {}, 'HEAD');
    await get('/head');
    expect(renders).toBe(14);
  });

  it('sends each encoding compressed once, with the headers the rendering was made with', async () => {
    const gzip = await get('/gia-phu', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const br = await get('/gia-phu', { 'accept-encoding': 'br, gzip' });
    const plain = await get('/gia-phu');
    const again = await get('/gia-phu', { 'accept-encoding': 'br' });
    expect(renders).toBe(1);
    expect(br.headers['content-encoding']).toBe('br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const sent of [br, plain, again]) {
      expect(sent.status).toBe(200);
      expect(sent.text).toBe(gzip.text);
      expect(Number(sent.headers['content-length'])).toBe(sent.body.byteLength);
      expect(sent.headers.vary).toBe('Accept-Language, Cookie, Accept-Encoding');
      expect(sent.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(sent.headers.date).toBeTruthy();
    }
    expect(again.body.equals(br.body)).toBe(true);
    // The shared rendering goes out with its own Content-Security-Policy, so its script's nonce always matches.
    const nonce = /'nonce-([^']+)'/.exec(String(plain.headers['content-security-policy']))?.[1];
    expect(plain.text).toContain(`<script nonce="${nonce}">`);
  });

  it('counts the bytes it keeps, each encoding once even when its first readers arrive together, and gives them back on expiry', async () => {
    seconds = 0.3;
    reset();
    const gzip = await get('/gia-phu', { 'accept-encoding': 'gzip' });
    const plainBytes = Buffer.byteLength(gzip.text);
    expect(cache.bytes).toBe(plainBytes + gzip.body.byteLength);
    const brs = await Promise.all(Array.from({ length: 5 }, () => get('/gia-phu', { 'accept-encoding': 'br' })));
    expect(renders).toBe(1);
    for (const br of brs) expect(br.body.equals(brs[0]!.body)).toBe(true);
    expect(cache.bytes).toBe(plainBytes + gzip.body.byteLength + brs[0]!.body.byteLength);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const fresh = await get('/gia-phu');
    expect(rendering(fresh)).toBe('2');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(fresh.body.byteLength);
  });

  it('renders again once the rendering has expired', async () => {
    seconds = 0.2;
    reset();
    await get('/news');
    await get('/news');
    expect(renders).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(rendering(await get('/news'))).toBe('2');
  });

  it('is off at PAGE_CACHE_SECONDS=0', async () => {
    seconds = 0;
    reset();
    await get('/off');
    await get('/off');
    expect(renders).toBe(2);
  });
});
