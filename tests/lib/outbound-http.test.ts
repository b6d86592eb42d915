import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '~/lib/errors.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { fetchLimited, isForbiddenAddress } from '~/lib/outbound-http.server.ts';

// Real HTTP servers on 127.0.0.1 only. Every refusal of a non-loopback address must happen
// before a connection is attempted, so no packet ever leaves this machine.

const LOOPBACK = { allowHosts: ['127.0.0.1'] };
const MB = 1024 * 1024;

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let base = '';
let server: http.Server;
let silent: http.Server;
let silentBase = '';
let savedEnv: string | undefined;

function listen(s: http.Server): Promise<string> {
  return new Promise((resolve) => {
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`));
  });
}

function streamBytes(res: http.ServerResponse, total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void> = {
  '/hello': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('xin chào');
  },
  '/echo': (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, body }));
  },
  '/to-private': (_req, res) => {
    res.writeHead(302, { location: 'http://10.0.0.1/' });
    res.end();
  },
  '/to-metadata': (_req, res) => {
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
  },
  '/to-localhost-name': (req, res) => {
    res.writeHead(302, { location: `http://localhost:${req.socket.localPort}/hello` });
    res.end();
  },
  '/loop': (_req, res) => {
    res.writeHead(302, { location: '/loop' });
    res.end();
  },
  '/r1': (_req, res) => {
    res.writeHead(301, { location: '/r2' });
    res.end();
  },
  '/r2': (_req, res) => {
    res.writeHead(307, { location: '/hello' });
    res.end();
  },
  '/post-see-other': (_req, res) => {
    res.writeHead(303, { location: '/echo' });
    res.end();
  },
  '/big-stream': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    streamBytes(res, 3 * MB);
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(3 * MB) });
    streamBytes(res, 3 * MB);
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.from('<rss>'.padEnd(100_000, 'x'))));
  },
  '/br': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'br' });
    res.end(zlib.brotliCompressSync(Buffer.from('tin tức '.repeat(1000))));
  },
  '/gzip-bomb': (_req, res) => {
    // About 3 KB on the wire, 3 MB once unpacked.
    res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.alloc(3 * MB)));
  },
  '/trickle': (_req, res) => {
    // Answers at once, then sends a byte now and then forever: the limit covers the body too.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 50);
    res.on('close', () => clearInterval(timer));
  },
};

beforeAll(async () => {
  savedEnv = process.env.OUTBOUND_ALLOW_HOSTS;
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  resetEnv();
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res, body);
      else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  base = await listen(server);
  // Accepts connections and never answers.
  silent = http.createServer(() => {});
  silentBase = await listen(silent);
});

afterAll(async () => {
  if (savedEnv === undefined) delete process.env.OUTBOUND_ALLOW_HOSTS;
  else process.env.OUTBOUND_ALLOW_HOSTS = savedEnv;
  resetEnv();
  for (const s of [server, silent]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the fetch to fail');
}

function hits(path: string): number {
  return seen.filter((s) => s.url === path).length;
}

describe('fetchLimited on an allowed loopback server', () => {
  it('fetches a body with status, type and final address', async () => {
    const got = await fetchLimited(`${base}/hello`, undefined, LOOPBACK);
    expect(got.status).toBe(200);
    expect(got.contentType).toBe('text/plain; charset=utf-8');
    expect(got.url).toBe(`${base}/hello`);
    expect(got.body.toString('utf8')).toBe('xin chào');
    const request = seen.at(-1)!;
    expect(request.headers['user-agent']).toBe('Baan feed reader');
    expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request.headers.host).toBe(base.replace('http://', ''));
  });

  it('sends caller headers and a POST body', async () => {
    const got = await fetchLimited(
      `${base}/echo`,
      { method: 'POST', body: '{"a":1}', headers: { 'Content-Type': 'application/json', 'X-Baan-Test': 'yes' } },
      LOOPBACK,
    );
    expect(JSON.parse(got.body.toString())).toEqual({ method: 'POST', body: '{"a":1}' });
    expect(seen.at(-1)!.headers['x-baan-test']).toBe('yes');
    expect(seen.at(-1)!.headers['content-length']).toBe('7');
  });

  it('resolves an allowed host name and connects to the address it checked', async () => {
    const port = new URL(base).port;
    const got = await fetchLimited(`http://localhost:${port}/hello`, undefined, { allowHosts: ['LOCALHOST'] });
    expect(got.body.toString()).toBe('xin chào');
    expect(seen.at(-1)!.headers.host).toBe(`localhost:${port}`);
  });

  it('takes allowed hosts from OUTBOUND_ALLOW_HOSTS as well', async () => {
    process.env.OUTBOUND_ALLOW_HOSTS = 'feeds.example.org, 127.0.0.1';
    resetEnv();
    try {
      const got = await fetchLimited(`${base}/hello`);
      expect(got.status).toBe(200);
    } finally {
      delete process.env.OUTBOUND_ALLOW_HOSTS;
      resetEnv();
    }
  });
});

describe('SSRF guard', () => {
  it('refuses a loopback server that is not on the allow-list, before sending anything', async () => {
    const before = hits('/hello');
    const error = await failure(fetchLimited(`${base}/hello`));
    expect(error.code).toBe('forbidden');
    expect(error.messageKey).toBe('common:outbound.privateAddress');
    expect(hits('/hello')).toBe(before);
  });

  it('refuses a host name that resolves to loopback', async () => {
    const port = new URL(base).port;
    const error = await failure(fetchLimited(`http://localhost:${port}/hello`, undefined, LOOPBACK));
    expect(error.code).toBe('forbidden');
  });

  it.each([
    'http://10.0.0.1/',
    'http://192.168.1.1/admin',
    'http://172.16.5.4/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://100.64.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://0.0.0.0/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'https://10.0.0.1:8443/feed.xml',
    'http://[2002:c0a8:101::1]/',
  ])('refuses %s without connecting', async (url) => {
    // A generous time limit: were a connection attempted, the test would hang instead of failing fast.
    const started = Date.now();
    const error = await failure(fetchLimited(url, undefined, { timeoutMs: 60_000 }));
    expect(error.code).toBe('forbidden');
    expect(error.messageKey).toBe('common:outbound.privateAddress');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['203.113.131.1', false],
    ['2001:4860:4860::8888', false],
    ['10.0.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['224.0.0.1', true],
    ['192.0.2.1', true],
    ['198.18.0.1', true],
    ['240.0.0.1', true],
    ['::', true],
    ['::1', true],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['::127.0.0.1', true],
    ['2002:c0a8:0101::1', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['64:ff9b::a00:1', true],
    ['2001:db8::1', true],
    ['[::1]', true],
    ['0177.0.0.1', true],
    ['localhost', true],
    ['', true],
  ] as const)('isForbiddenAddress(%s) is %s', (ip, forbidden) => {
    expect(isForbiddenAddress(ip)).toBe(forbidden);
  });

  it('refuses a redirect to a private address even when the first host is allowed', async () => {
    const error = await failure(fetchLimited(`${base}/to-private`, undefined, { ...LOOPBACK, timeoutMs: 60_000 }));
    expect(error.code).toBe('forbidden');
    expect(error.messageKey).toBe('common:outbound.privateAddress');
    const metadata = await failure(fetchLimited(`${base}/to-metadata`, undefined, { ...LOOPBACK, timeoutMs: 60_000 }));
    expect(metadata.code).toBe('forbidden');
  });

  it('checks a redirect by the host it names, not by the address it resolves to', async () => {
    const before = hits('/hello');
    const error = await failure(fetchLimited(`${base}/to-localhost-name`, undefined, LOOPBACK));
    expect(error.code).toBe('forbidden');
    expect(hits('/hello')).toBe(before);
  });
});

describe('redirects', () => {
  it('follows a short chain and reports the final address', async () => {
    const got = await fetchLimited(`${base}/r1`, undefined, LOOPBACK);
    expect(got.status).toBe(200);
    expect(got.url).toBe(`${base}/hello`);
    expect(got.body.toString()).toBe('xin chào');
  });

  it('turns a POST into a GET after 303 See Other', async () => {
    const got = await fetchLimited(`${base}/post-see-other`, { method: 'POST', body: 'x=1' }, LOOPBACK);
    expect(JSON.parse(got.body.toString())).toEqual({ method: 'GET', body: '' });
  });

  it('caps a redirect loop at five hops', async () => {
    const before = hits('/loop');
    const error = await failure(fetchLimited(`${base}/loop`, undefined, LOOPBACK));
    expect(error.code).toBe('invalid');
    expect(error.messageKey).toBe('common:outbound.unreachable');
    expect(hits('/loop') - before).toBe(6);
  });

  it('follows no redirect when maxRedirects is 0', async () => {
    const error = await failure(fetchLimited(`${base}/r1`, undefined, { ...LOOPBACK, maxRedirects: 0 }));
    expect(error.messageKey).toBe('common:outbound.unreachable');
  });
});

describe('size limits', () => {
  it('refuses a 3 MB body streamed without Content-Length', async () => {
    const error = await failure(fetchLimited(`${base}/big-stream`, undefined, LOOPBACK));
    expect(error.code).toBe('payload_too_large');
    expect(error.messageKey).toBe('common:outbound.tooLarge');
  });

  it('refuses a body whose declared Content-Length is over the limit', async () => {
    const error = await failure(fetchLimited(`${base}/big-declared`, undefined, LOOPBACK));
    expect(error.code).toBe('payload_too_large');
  });

  it('honours a smaller maxBytes', async () => {
    const error = await failure(fetchLimited(`${base}/hello`, undefined, { ...LOOPBACK, maxBytes: 4 }));
    expect(error.code).toBe('payload_too_large');
  });

  it('decompresses gzip and brotli bodies', async () => {
    const gzip = await fetchLimited(`${base}/gzip`, undefined, LOOPBACK);
    expect(gzip.body.length).toBe(100_000);
    expect(gzip.body.subarray(0, 5).toString()).toBe('<rss>');
    const br = await fetchLimited(`${base}/br`, undefined, LOOPBACK);
    expect(br.body.toString()).toBe('tin tức '.repeat(1000));
  });

  it('counts the unpacked size: a small gzip that unpacks to 3 MB is refused', async () => {
    const error = await failure(fetchLimited(`${base}/gzip-bomb`, undefined, LOOPBACK));
    expect(error.code).toBe('payload_too_large');
    // And the unpacked size is what a smaller limit is held to.
    const small = await failure(fetchLimited(`${base}/gzip`, undefined, { ...LOOPBACK, maxBytes: 50_000 }));
    expect(small.code).toBe('payload_too_large');
  });
});

describe('time limit', () => {
  it('gives up on a server that never answers', async () => {
    const started = Date.now();
    const error = await failure(fetchLimited(`${silentBase}/`, undefined, { ...LOOPBACK, timeoutMs: 300 }));
    expect(error.code).toBe('invalid');
    expect(error.messageKey).toBe('common:outbound.timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts the time spent reading the body', async () => {
    const error = await failure(fetchLimited(`${base}/trickle`, undefined, { ...LOOPBACK, timeoutMs: 300 }));
    expect(error.messageKey).toBe('common:outbound.timeout');
  });

  it('reports a closed port as unreachable', async () => {
    const closed = http.createServer();
    const address = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchLimited(`${address}/`, undefined, LOOPBACK));
    expect(error.messageKey).toBe('common:outbound.unreachable');
    expect(error.details?.reason).toBe('ECONNREFUSED');
  });
});

describe('address checks', () => {
  it.each(['file:///etc/passwd', 'ftp://example.com/feed.xml', 'javascript:alert(1)', 'gopher://127.0.0.1:25/', 'not a url', ''])('refuses %s', async (url) => {
    const error = await failure(fetchLimited(url, undefined, LOOPBACK));
    expect(error.code).toBe('invalid');
    expect(error.messageKey).toBe('common:outbound.badUrl');
  });
});
