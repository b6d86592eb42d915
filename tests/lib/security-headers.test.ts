import { afterEach, describe, expect, it } from 'vitest';
import { jobLinkOrigin, parsePublicUrl, publicOrigin, resetEnv, setLocalOrigin } from '~/lib/env.server.ts';
import { contentSecurityPolicy, staticFileHeaders } from '~/lib/security.server.ts';
import { securityMiddleware } from '~/middleware/security.server.ts';
import { serverFactsContext } from '~/lib/server-facts.ts';

type Args = Parameters<typeof securityMiddleware>[0];

/** Runs the security middleware in front of a page answering `answer`. */
async function through(url: string, { cookie, answer }: { cookie?: string; answer?: () => Response } = {}) {
  const request = new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
  const next = async () => (answer ? answer() : new Response('<p>page</p>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
  return (await securityMiddleware(
    { request, context: serverFactsContext({ clientAddress: '127.0.0.1', requestKind: 'document' }) } as unknown as Args,
    next as never,
  )) as Response;
}

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['NODE_ENV', 'PUBLIC_URL', 'MAP_STYLE_URL', 'MAP_CONNECT_HOSTS', 'SMTP_URL', 'MAIL_FROM', 'SMS_GATEWAY_URL']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnv();
});

describe('Content-Security-Policy', () => {
  it('allows scripts from Baan itself and with this response nonce only, and no plugins, base or framing', () => {
    const policy = contentSecurityPolicy('abc123==', []);
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self' 'nonce-abc123=='");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['form-action']).toBe("'self'");
    expect(directives['worker-src']).toBe("'self' blob:");
    expect(directives['connect-src']).toBe("'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain('unsafe-inline');
  });

  it('lets the map reach the origin of MAP_STYLE_URL and the hosts an operator lists in MAP_CONNECT_HOSTS', () => {
    process.env.MAP_STYLE_URL = 'https://tiles.example.org/styles/liberty.json';
    process.env.MAP_CONNECT_HOSTS = 'https://glyphs.example.net, not a url https://tiles.example.org/other';
    resetEnv();
    const policy = contentSecurityPolicy('n');
    expect(policy).toContain("connect-src 'self' https://tiles.example.org https://glyphs.example.net;");
    expect(policy).toContain("img-src 'self' data: blob: https://tiles.example.org https://glyphs.example.net;");
  });

  it('gives every page a fresh nonce, and keeps a CSP the page already carries (one rendered with its nonce)', async () => {
    const a = (await through('http://baan.test/ta-van')).headers.get('Content-Security-Policy');
    const b = (await through('http://baan.test/ta-van')).headers.get('Content-Security-Policy');
    expect(a).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(a).not.toBe(b);
    const kept = await through('http://baan.test/ta-van', {
      answer: () => new Response('x', { headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': contentSecurityPolicy('cached') } }),
    });
    expect(kept.headers.get('Content-Security-Policy')).toContain("'nonce-cached'");
  });
});

describe('security headers', () => {
  it('sends nosniff, referrer, framing and permissions on pages, and HSTS only over TLS', async () => {
    const plain = await through('http://baan.test/');
    expect(plain.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(plain.headers.get('X-Frame-Options')).toBe('DENY');
    expect(plain.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(plain.headers.get('Permissions-Policy')).toContain('camera=()');
    expect(plain.headers.get('Permissions-Policy')).toContain('geolocation=(self)');
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
    const tls = await through('https://baan.test/');
    expect(tls.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives static files the same headers and a CSP with no inline script', () => {
    const headers = staticFileHeaders('https:');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Permissions-Policy']).toContain('microphone=()');
    expect(headers['Strict-Transport-Security']).toContain('max-age=31536000');
    expect(headers['Content-Security-Policy']).toContain("script-src 'self';");
    expect(staticFileHeaders('http:')['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('caching headers', () => {
  it('makes a signed-in answer private and not stored, varying on Cookie, and never marks it public', async () => {
    const response = await through('http://baan.test/ta-van/tourism/inquiries', { cookie: 'baan_session=abc' });
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Vary')).toContain('Cookie');
    expect(response.headers.get('Baan-Cache')).toBeNull();
  });

  it('leaves a signed-in answer the route made public (a feed, a media file) shareable', async () => {
    const response = await through('http://baan.test/ta-van/news.rss', {
      cookie: 'baan_session=abc',
      answer: () => new Response('<rss/>', { headers: { 'Content-Type': 'application/rss+xml', 'Cache-Control': 'public, max-age=300' } }),
    });
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('marks an anonymous page public for the service worker, and says it varies on language and cookies', async () => {
    const response = await through('http://baan.test/ta-van/handbook', { cookie: 'lng=vi' });
    expect(response.headers.get('Baan-Cache')).toBe('public');
    expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie');
    expect(response.headers.get('Cache-Control')).toBeNull();
  });

  it('does not mark public a page showing a one-time message, or one that is not a 200', async () => {
    expect((await through('http://baan.test/ta-van/handbook', { cookie: 'baan_flash=x' })).headers.get('Baan-Cache')).toBeNull();
    // A cart (or any cookie added later) can make a page personal; the device cookie cannot.
    expect((await through('http://baan.test/cart', { cookie: 'baan_cart=abc' })).headers.get('Baan-Cache')).toBeNull();
    expect((await through('http://baan.test/ta-van/handbook', { cookie: 'baan_device=abc; lng=vi' })).headers.get('Baan-Cache')).toBe('public');
    const missing = await through('http://baan.test/ta-van/nothing', {
      answer: () => new Response('no', { status: 404, headers: { 'Content-Type': 'text/html' } }),
    });
    expect(missing.headers.get('Baan-Cache')).toBeNull();
  });
});

describe('cookies', () => {
  const setting = () => {
    const headers = new Headers({ 'Content-Type': 'text/html' });
    headers.append('Set-Cookie', 'baan_cart=abc; Path=/; HttpOnly; SameSite=Lax');
    headers.append('Set-Cookie', 'lng=vi; Path=/; HttpOnly; SameSite=Lax');
    headers.append('Set-Cookie', 'baan_session=t; Path=/; HttpOnly; SameSite=Lax; Secure');
    return new Response('x', { headers });
  };

  it('are all Secure in production on a public host name, as the session cookie is', async () => {
    process.env.NODE_ENV = 'production';
    resetEnv();
    const cookies = (await through('http://baan.example.org/cart', { answer: setting })).headers.getSetCookie();
    expect(cookies).toHaveLength(3);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure$/);
    expect(cookies[2]?.match(/Secure/g)).toHaveLength(1);
  });

  it('are Secure over https anywhere, and stay usable over http on localhost', async () => {
    process.env.NODE_ENV = 'production';
    resetEnv();
    for (const cookie of (await through('https://localhost/cart', { answer: setting })).headers.getSetCookie()) expect(cookie).toContain('Secure');
    const local = (await through('http://localhost:3000/cart', { answer: setting })).headers.getSetCookie();
    expect(local.filter((c) => c.includes('Secure'))).toEqual(['baan_session=t; Path=/; HttpOnly; SameSite=Lax; Secure']);
  });
});

describe('PUBLIC_URL', () => {
  it('accepts an absolute http(s) URL and keeps its origin', () => {
    expect(parsePublicUrl('https://baan.example.org/')).toBe('https://baan.example.org');
    expect(parsePublicUrl(' http://localhost:3000 ')).toBe('http://localhost:3000');
    expect(parsePublicUrl('')).toBeNull();
    expect(parsePublicUrl(undefined)).toBeNull();
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['baan.example.org', '/relative', 'ftp://baan.example.org', 'javascript:alert(1)', 'https://user:pw@baan.example.org']) {
      expect(() => parsePublicUrl(bad), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it('names the links whatever Host header a request carries', () => {
    process.env.NODE_ENV = 'production';
    process.env.PUBLIC_URL = 'https://baan.example.org';
    resetEnv();
    expect(publicOrigin(new Request('http://evil.example/ta-van/news.rss'))).toBe('https://baan.example.org');
  });

  it('without it, uses the request origin in development and on localhost, and refuses a public host in production', () => {
    delete process.env.PUBLIC_URL;
    process.env.NODE_ENV = 'development';
    resetEnv();
    expect(publicOrigin(new Request('http://dev.example:5173/x'))).toBe('http://dev.example:5173');
    process.env.NODE_ENV = 'production';
    resetEnv();
    expect(publicOrigin(new Request('http://localhost:3000/x'))).toBe('http://localhost:3000');
    expect(publicOrigin(new Request('http://giaphu.baan.localhost:3000/x'))).toBe('http://giaphu.baan.localhost:3000');
    let thrown: unknown;
    try {
      publicOrigin(new Request('http://evil.example/x'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { init?: { status?: number } }).init?.status).toBe(503);
  });

  it('links in what the job runner sends: PUBLIC_URL, else this machine only while nothing leaves it', () => {
    setLocalOrigin('http://localhost:3000');
    process.env.NODE_ENV = 'production';
    process.env.PUBLIC_URL = 'https://baan.example.org';
    resetEnv();
    expect(jobLinkOrigin()).toBe('https://baan.example.org');
    delete process.env.PUBLIC_URL;
    delete process.env.SMTP_URL;
    delete process.env.SMS_GATEWAY_URL;
    resetEnv();
    expect(jobLinkOrigin()).toBe('http://localhost:3000'); // every message is kept on this machine
    process.env.SMTP_URL = 'smtp://mail.example.org:587';
    process.env.MAIL_FROM = 'Baan <no-reply@baan.example.org>';
    resetEnv();
    expect(jobLinkOrigin()).toBeNull(); // real mail would carry links to localhost: none is queued
    process.env.NODE_ENV = 'development';
    resetEnv();
    expect(jobLinkOrigin()).toBe('http://localhost:3000');
    setLocalOrigin(null);
    expect(jobLinkOrigin()).toBeNull(); // a worker process on its own has no address: PUBLIC_URL is needed
  });
});
