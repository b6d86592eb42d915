import { RouterContextProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { pageCacheMiddleware } from '~/middleware/page-cache.server.ts';
import { serverFactsContext } from '~/lib/server-facts.ts';

// The anonymous page cache in front of a counting page: what it serves again, and what never.
const middleware = pageCacheMiddleware(() => 'vi');
type Args = Parameters<typeof middleware>[0];
/** A page request as Baan's server hands it over. */
const documentContext = () => serverFactsContext({ clientAddress: '127.0.0.1', requestKind: 'document' });

function page(headers: HeadersInit = {}) {
  let renders = 0;
  const next = async () => {
    renders++;
    return new Response(`render ${renders}`, { status: 200, headers });
  };
  const get = async (path: string, cookie?: string) => {
    const request = new Request(`http://baan.test${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    const response = await middleware({ request, context: documentContext() } as unknown as Args, next as never);
    return (response as Response).text();
  };
  return { get, renders: () => renders };
}

describe('anonymous page cache', () => {
  it('serves a reader without cookies, or with only the language cookie, from one rendering', async () => {
    const p = page();
    expect(await p.get('/cache-a')).toBe('render 1');
    expect(await p.get('/cache-a', 'lng=vi')).toBe('render 1');
    // Someone who signed in once and signed out keeps the throttle's device cookie: still anonymous.
    expect(await p.get('/cache-a', 'baan_device=abc; lng=vi')).toBe('render 1');
    expect(p.renders()).toBe(1);
  });

  it('never serves or keeps a request carrying any other cookie (session, cart, flash, or one added later)', async () => {
    const p = page();
    for (const cookie of ['baan_session=x', 'lng=vi; baan_cart=y', 'baan_flash=z', 'some_new_cookie=1']) await p.get('/cache-b', cookie);
    expect(p.renders()).toBe(4);
    expect(await p.get('/cache-b')).toBe('render 5'); // nothing personal was kept
  });

  it("serves nothing to a request that did not come through Baan's server (it cannot tell a page from its data)", async () => {
    let renders = 0;
    const next = async () => new Response(`render ${++renders}`, { status: 200 });
    for (let i = 0; i < 2; i++)
      await middleware({ request: new Request('http://baan.test/cache-d'), context: new RouterContextProvider() } as unknown as Args, next as never);
    expect(renders).toBe(2);
  });

  it('does not keep a response marked private', async () => {
    const p = page({ 'Cache-Control': 'private, max-age=0' });
    await p.get('/cache-c');
    await p.get('/cache-c');
    expect(p.renders()).toBe(2);
  });
});

describe('anonymous page cache and the Content-Security-Policy', () => {
  it('serves a shared rendering with the header it was rendered with, so its scripts nonce always matches', async () => {
    let renders = 0;
    const next = async () => {
      renders++;
      const nonce = `nonce${renders}`;
      return new Response(`<script nonce="${nonce}"></script>`, { status: 200, headers: { 'Content-Security-Policy': `script-src 'self' 'nonce-${nonce}'` } });
    };
    const get = async () => {
      const request = new Request('http://baan.test/cache-csp');
      return (await middleware({ request, context: documentContext() } as unknown as Args, next as never)) as Response;
    };
    for (let i = 0; i < 3; i++) {
      const response = await get();
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('Content-Security-Policy') ?? '')?.[1];
      expect(await response.text()).toBe(`<script nonce="${nonce}"></script>`);
    }
    expect(renders).toBe(1);
  });
});
