import { expect, test, type APIRequestContext } from '@playwright/test';

// Issue 14, item 9: Baan installs on a phone's home screen (a web app manifest with icons,
// per commune), every page says what it is (a description, its other languages), and a
// commune's calendar is offered as a subscription. Checked on the built app over HTTP.

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

async function manifestOf(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  return (await response.json()) as {
    id: string;
    name: string;
    short_name: string;
    description: string;
    lang: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
}

test('Baan and each commune install as an app: a manifest in the reader’s language, with icons that are what they say', async ({ request }) => {
  const site = await manifestOf(request, '/manifest.webmanifest?lng=en');
  expect(site).toMatchObject({ id: '/', name: 'Baan', start_url: '/', scope: '/', display: 'standalone', lang: 'en' });
  expect(site.description.length).toBeGreaterThan(20);
  expect(site.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  // Chrome installs with a 192 and a 512 px icon; launchers cut the maskable one to their shape.
  expect(site.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of site.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type'], icon.src).toContain(icon.type);
    if (icon.type === 'image/png') expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }

  const commune = await manifestOf(request, '/ta-van/manifest.webmanifest?lng=vi');
  expect(commune).toMatchObject({ id: '/ta-van', start_url: '/ta-van', scope: '/', lang: 'vi' });
  expect(commune.short_name).toContain('Tả Van');
  expect(commune.description).toContain('Tả Van');
  const thai = await manifestOf(request, '/ta-van/manifest.webmanifest?lng=th');
  expect(thai.lang).toBe('th');
  expect(thai.description).not.toBe(commune.description);
  expect((await request.get('/no-such-commune-here/manifest.webmanifest')).status()).toBe(404);
});

test('every page links its manifest, says what it is in a description, and names itself in the other languages', async ({ request }) => {
  const pages = [
    '/',
    '/market',
    '/map',
    '/login',
    '/signup',
    '/reset-password',
    '/cart',
    '/ta-van',
    '/ta-van/tourism',
    '/ta-van/events',
    '/ta-van/handbook',
    '/ta-van/news',
    '/ta-van/contacts',
    '/ta-van/market',
  ];
  for (const path of pages) {
    const response = await request.get(`${path}${path.includes('?') ? '&' : '?'}lng=th`);
    const html = await response.text();
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
    expect(description?.trim().length ?? 0, `${path} has a description`).toBeGreaterThan(15);
    const manifest = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(manifest, path).toBe(path.startsWith('/ta-van') ? '/ta-van/manifest.webmanifest?lng=th' : '/manifest.webmanifest?lng=th');
    const alternates = Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/gi)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(alternates).sort(), path).toEqual(['en', 'th', 'vi', 'x-default']);
    for (const [lang, href] of Object.entries(alternates)) {
      const url = new URL(href.replaceAll('&amp;', '&'));
      expect(url.pathname, path).toBe(path);
      expect(url.searchParams.get('lng'), path).toBe(lang === 'x-default' ? null : lang);
    }
  }
  // The market and the map describe themselves; the others fall back to the commune's or the site's.
  const market = await (await request.get('/market?lng=en')).text();
  expect(/<meta name="description" content="([^"]*)"/.exec(market)?.[1]).toBe('Tea, honey, rice, brocade and more, straight from the villages that make them.');
  const map = await (await request.get('/ta-van/tourism?lng=en')).text();
  expect(/<meta name="description" content="([^"]*)"/.exec(map)?.[1]).toBe('Homestays, sights, food, trails and festivals, from the people who live here.');
  // The description is the reader's language, and a commune's pages speak of the commune.
  const vi = await (await request.get('/ta-van/events?lng=vi')).text();
  expect(/<meta name="description" content="([^"]*)"/.exec(vi)?.[1]).toContain('Tả Van');
});

test('a commune’s events are offered as a calendar subscription, in the reader’s language, and as a file', async ({ request }) => {
  const html = await (await request.get('/ta-van/events?lng=en')).text();
  const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const webcal = links.find((href) => href.startsWith('webcal:'));
  expect(webcal).toMatch(/^webcal:\/\/[^/]+\/ta-van\/events\.ics\?lng=en$/);
  const google = links.find((href) => href.startsWith('https://calendar.google.com/'));
  expect(new URL(google!).searchParams.get('cid')).toBe(webcal!.replace(/^webcal:/, 'http:'));
  // What a calendar app fetches when it subscribes: the same address over HTTP.
  const feed = await request.get(new URL(webcal!.replace(/^webcal:/, 'http:')).pathname + '?lng=en');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  expect(links.filter((href) => /^https?:\/\/[^/]+\/ta-van\/events\.ics\?lng=en$/.test(href))).toHaveLength(1);
});
