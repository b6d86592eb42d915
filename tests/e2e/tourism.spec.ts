import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support.ts';
import { FALLBACK_PORT } from '../../playwright.config.ts';

type RenderedFeature = { kind?: string; id?: string; cluster?: boolean };

/** Features MapLibre actually drew (points and clusters), read through the page's test hook. */
async function renderedFeatures(page: Page): Promise<RenderedFeature[]> {
  await expect(page.locator('[data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
  return page.evaluate(() => {
    const map = (window as unknown as { __baanMaps: { queryRenderedFeatures: (o: unknown) => { properties: Record<string, unknown> }[] }[] }).__baanMaps[0]!;
    return map.queryRenderedFeatures({ layers: ['places-point', 'places-cluster'] }).map((f) => ({
      kind: f.properties.kind as string | undefined,
      id: f.properties.id as string | undefined,
      cluster: Boolean(f.properties.cluster),
    }));
  });
}

test('a tourist opens the map, filters homestays, taps a marker, opens the place and sends an inquiry', async ({ page }) => {
  await page.goto('/ta-van/tourism?lng=en');
  // The server-rendered list is there before any map code.
  await expect(page.getByRole('heading', { level: 2, name: /places/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Giang Ta Chai Homestay' })).toBeVisible();
  const before = await renderedFeatures(page);
  expect(before.length).toBeGreaterThan(0);

  await page.getByRole('checkbox', { name: 'Homestay' }).check();
  await expect(page).toHaveURL(/kind=homestay/);
  await expect(page.locator('.place-list > li')).toHaveCount(1);
  await expect(page.locator('[data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await renderedFeatures(page)).map((f) => f.kind)).toEqual(['homestay']);

  // Tap the marker where MapLibre drew it.
  await page.locator('[data-map-ready="true"]').scrollIntoViewIfNeeded();
  const point = await page.evaluate(() => {
    const map = (
      window as unknown as {
        __baanMaps: {
          queryRenderedFeatures: (o: unknown) => { geometry: { coordinates: [number, number] } }[];
          project: (c: [number, number]) => { x: number; y: number };
          getCanvas: () => HTMLCanvasElement;
        }[];
      }
    ).__baanMaps[0]!;
    const [feature] = map.queryRenderedFeatures({ layers: ['places-point'] });
    const p = map.project(feature!.geometry.coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(/place=/);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toContainText('Giang Ta Chai Homestay');
  await popup.getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Giang Ta Chai Homestay' })).toBeVisible();
  // The back button returns to the same view of the map.
  await page.goBack();
  await expect(page).toHaveURL(/kind=homestay.*place=|place=.*kind=homestay/);
  await page.goForward();

  // An inquiry with no way to reply is refused, then sent.
  const inquiry = page.getByRole('region', { name: 'Ask about a stay' });
  const inTen = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const inTwelve = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  await inquiry.getByLabel('Arrival').fill(inTen);
  await inquiry.getByLabel('Departure').fill(inTwelve);
  await inquiry.getByLabel('Guests').fill('2');
  await inquiry.getByLabel('Your name').fill('Emma Larsen');
  await inquiry.getByRole('button', { name: 'Send the inquiry' }).click();
  await expect(page.getByText('Give a phone number or an e-mail address so the host can reply.')).toBeVisible();
  await page.getByLabel('E-mail').fill('emma@example.com');
  await page.getByRole('button', { name: 'Send the inquiry' }).click();
  // Where the reader is: in the booking box, in place of the form (not at the top of the page), in view.
  const sent = inquiry.getByRole('status');
  await expect(sent).toHaveText('Your inquiry was sent. The host will contact you.');
  await expect(sent).toBeInViewport();
  await expect(page.locator('body > .flash')).toHaveCount(0);
  await expect(inquiry.getByRole('button', { name: 'Send the inquiry' })).toBeHidden();
  await inquiry.getByText('Send another inquiry').click();
  await expect(inquiry.getByRole('button', { name: 'Send the inquiry' })).toBeVisible();

  // The host sees it in the inbox.
  await signIn(page, 'seller.tavan@baan.test', { redirectTo: '/ta-van/tourism/inquiries' });
  await expect(page.getByRole('heading', { level: 1, name: 'Booking inquiries' })).toBeVisible();
  await expect(page.getByText('Emma Larsen')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as replied' }).first().click();
  await expect(page.getByText('The inquiry was updated.')).toBeVisible();
});

test('the place page ships no framework, loads its small map only when scrolled to, carries JSON-LD, and a trail is drawn', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/ta-van/tourism/homestay-giang-ta-chai?lng=en');
  // Two small scripts: the offline one and the small map's (no React, no React Router).
  const scripts = await page.locator('script[src]').evaluateAll((all) => all.map((s) => s.getAttribute('src') ?? ''));
  expect(scripts.filter((src) => src !== '/offline.js')).toEqual([expect.stringMatching(/^\/assets\/place-map\.browser-[\w-]+\.js$/)]);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => /places-map|maplibre/.test(p))).toEqual([]);
  await page.getByRole('heading', { level: 2, name: 'Where it is' }).scrollIntoViewIfNeeded();
  await expect(page.locator('[data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
  expect(requested.some((p) => /places-map/.test(p))).toBe(true);
  // The place itself is on it, ringed.
  const ringed = await page.evaluate(() => (window as unknown as MapHook).__baanMaps[0]!.getFilter('places-highlight'));
  expect(JSON.stringify(ringed)).toContain('ta-van/homestay-giang-ta-chai');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '[]');
  expect(ld[0]).toMatchObject({ '@type': 'LodgingBusiness', name: 'Giang Ta Chai Homestay', geo: { latitude: 22.3012, longitude: 103.8921 } });
  expect(ld.some((item: { '@type': string }) => item['@type'] === 'Event')).toBe(true);
  await expect(page.getByRole('link', { name: 'Directions' })).toHaveAttribute('href', /^geo:22\.3012,103\.8921/);
  await page.goto('/ta-van/tourism/duong-mon-lao-chai-ta-van?lng=en');
  await expect(page.getByRole('img', { name: /Drawing of the trail/ })).toBeVisible();
});

test('when the configured map style cannot load, the bundled offline style takes over with a notice', async ({ page }) => {
  await page.goto(`http://localhost:${FALLBACK_PORT}/ta-van/tourism?lng=en`);
  await expect(page.getByTestId('map-fallback-notice')).toHaveText('The map service is unreachable: showing a simple offline map.', { timeout: 30_000 });
  const features = await renderedFeatures(page);
  expect(features.length).toBeGreaterThan(0);
  const style = await page.evaluate(
    () => (window as unknown as { __baanMaps: { getStyle: () => { sources: Record<string, unknown> } }[] }).__baanMaps[0]!.getStyle().sources,
  );
  expect(Object.keys(style)).toEqual(expect.arrayContaining(['places']));
});

test('an official adds a place by tapping the map or typing coordinates; bad coordinates are refused', async ({ page }) => {
  await signIn(page, 'official.tavan@baan.test', { redirectTo: '/ta-van/tourism/new' });
  await expect(page.getByRole('heading', { level: 1, name: 'Add a place' })).toBeVisible();
  await page.getByLabel('Kind of place').selectOption('food');
  await page.getByLabel('Name (Tiếng Việt)').fill('Quán thắng cố Tả Van');
  // A tap on the map fills in the coordinates.
  const pickMap = page.locator('[data-map-ready="true"]');
  await expect(pickMap).toBeVisible({ timeout: 30_000 });
  await pickMap.scrollIntoViewIfNeeded();
  await pickMap.click();
  await expect(page.getByLabel('Latitude')).toHaveValue(/^2\d\.\d{6}$/);
  await expect(page.getByLabel('Longitude')).toHaveValue(/^10\d\.\d{6}$/);
  await page.getByLabel('Latitude').fill('95');
  await page.getByLabel('Longitude').fill('103.89');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Latitude is a number from -90 to 90, e.g. 22.3364.')).toBeVisible();
  await expect(page.getByLabel('Name (Tiếng Việt)')).toHaveValue('Quán thắng cố Tả Van');
  await page.getByLabel('Latitude').fill('22.2991');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quán thắng cố Tả Van' })).toBeVisible();
  // Another commune's official gets 404 on this commune's tourism desk.
  await page.context().clearCookies();
  await signIn(page, 'official.giaphu@baan.test');
  expect((await page.goto('/ta-van/tourism/inquiries'))?.status()).toBe(404);
  expect((await page.goto('/ta-van/tourism/homestay-giang-ta-chai/edit'))?.status()).toBe(404);
});

type MapHook = { __baanMaps: { getFilter: (layer: string) => unknown; getCanvas: () => HTMLCanvasElement }[] };

test('the map page runs without a framework; list, map and URL follow each other, and back works', async ({ page }) => {
  const scripts: string[] = [];
  const pageFetches: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    if (request.resourceType() === 'fetch' && new URL(request.url()).pathname === '/ta-van/tourism') pageFetches.push(request.url());
  });
  await page.goto('/ta-van/tourism?lng=en');
  expect((await renderedFeatures(page)).length).toBeGreaterThan(0);
  expect(scripts.some((s) => /explore\.browser/.test(s))).toBe(true);
  expect(scripts.filter((s) => /entry\.client|manifest-|jsx-runtime/.test(s))).toEqual([]);
  const items = page.locator('.place-list > li');
  const total = await items.count();
  expect(total).toBeGreaterThan(1);

  // Hovering a list item rings its marker.
  const item = page.locator('.place-list > li:not([data-kind="trail"])').first();
  const id = (await item.getAttribute('data-place-id'))!;
  await item.hover();
  await expect(item).toHaveClass(/is-active/);
  await expect.poll(() => page.evaluate(() => JSON.stringify((window as unknown as MapHook).__baanMaps[0]!.getFilter('places-highlight')))).toContain(id);

  // "Show on the map" selects it: in the URL, with its popup open, and the list marks it.
  await item.getByRole('link', { name: 'Show on the map' }).click();
  await expect(page).toHaveURL(new RegExp(`place=${encodeURIComponent(id)}`));
  await expect(page.locator('.maplibregl-popup')).toBeVisible();
  await expect(page.locator(`.place-list > li[data-place-id="${id}"]`)).toHaveClass(/is-active/);
  expect(pageFetches).toEqual([]); // the list did not change: the server was not asked

  // A trail, chosen in the list, comes with its track drawn on the map.
  const trail = page.locator('.place-list > li[data-kind="trail"]').first();
  await trail.getByRole('link', { name: 'Show on the map' }).click();
  await expect(trail).toHaveClass(/is-active/);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __baanMaps: { querySourceFeatures: (s: string) => unknown[] }[] }).__baanMaps[0]!.querySourceFeatures('places-track').length,
      ),
    )
    .toBeGreaterThan(0);

  // Moving the map writes the view into the URL and offers to search the area shown.
  await page.locator('[data-map-ready]').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page).toHaveURL(/[?&]z=/);
  await page.getByRole('button', { name: 'Search this area' }).click();
  await expect(page).toHaveURL(/bbox=/);
  // Switching language keeps the view.
  await expect(page.getByRole('link', { name: 'Tiếng Việt' })).toHaveAttribute('href', /^\/ta-van\/tourism\?(?=.*lng=vi)(?=.*bbox=)(?=.*z=)/);
  await expect(page.getByText('Only places in the area you searched.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search this area' })).toBeHidden();
  // The focus moves to the new list, and screen readers hear how many places it holds.
  await expect(page.locator('#places-title')).toBeFocused();
  await expect(page.locator('[data-explore-status]')).toHaveText(/^\d+ places?$/);

  // Back: the whole list again, on the same map (it was never rebuilt).
  await page.goBack();
  await expect(page).not.toHaveURL(/bbox=/);
  await expect(page.getByText('Only places in the area you searched.')).toHaveCount(0);
  await expect(items).toHaveCount(total);
  expect(await page.evaluate(() => (window as unknown as MapHook).__baanMaps.length)).toBe(1);

  // A filter, then back: the boxes show what the list shows.
  await page.getByRole('checkbox', { name: 'Homestay' }).check();
  await expect(items).toHaveCount(1);
  await page.goBack();
  await expect(items).toHaveCount(total);
  await expect(page.getByRole('checkbox', { name: 'Homestay' })).not.toBeChecked();
  await page.goForward();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Homestay' })).toBeChecked();
});

test('the GeoJSON endpoints answer RFC 7946 and refuse a bad bbox with a problem', async ({ request }) => {
  const ok = await request.get('/map/places.geojson?bbox=102,8,110,24&kind=homestay');
  expect(ok.headers()['content-type']).toContain('application/geo+json');
  const collection = await ok.json();
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.features.length).toBeGreaterThan(0);
  expect(collection.features.every((f: { properties: { kind: string } }) => f.properties.kind === 'homestay')).toBe(true);
  for (const bbox of ['10,20,5,30', 'a,b,c,d', '-200,0,0,10']) {
    const bad = await request.get(`/map/places.geojson?bbox=${bbox}`);
    expect(bad.status(), bbox).toBe(400);
    expect(bad.headers()['content-type']).toContain('application/problem+json');
    expect(await bad.json()).toMatchObject({ type: '/problems/invalid-bbox', code: 'invalid_bbox', status: 400 });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the map page lists, filters and selects places', async ({ page }) => {
    // A shared link to an area: filtering keeps the area.
    await page.goto('/ta-van/tourism?lng=en&bbox=103.8,22.2,104.0,22.4');
    await expect(page.getByText('Only places in the area you searched.')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Homestay' }).check();
    await page.getByRole('button', { name: 'Show these' }).click();
    await expect(page).toHaveURL(/kind=homestay/);
    await expect(page).toHaveURL(/bbox=103\.8%2C22\.2%2C104(\.0)?%2C22\.4/);
    await expect(page.locator('.place-list > li')).toHaveCount(1);
    await page.getByRole('link', { name: 'Show on the map' }).click();
    await expect(page).toHaveURL(/place=/);
    await expect(page.locator('.place-list > li.is-active')).toHaveCount(1);
    await expect(page.getByRole('checkbox', { name: 'Homestay' })).toBeChecked();
  });
});

test('a Thai reader on a Vietnamese commune reads the English where there is one, and the page says which language each text is in', async ({ page }) => {
  await page.goto('/ta-van/tourism/homestay-giang-ta-chai?lng=th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.locator('h1')).toHaveText('Giang Ta Chai Homestay');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.lead')).toHaveAttribute('lang', 'en');
  // The place's events in its structured data say their language (schema.org inLanguage).
  const events = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => [JSON.parse(text)].flat());
  expect(events.filter((item) => item['@type'] === 'Event').map((item) => item.inLanguage)).toContain('en');
  // The events page and the calendar feed follow the same order.
  await page.goto('/ta-van/events?lng=th');
  await expect(page.locator('strong[lang="en"]', { hasText: 'Red Dao fire-dance festival' })).toBeVisible();
  const feed = await (await page.request.get('/ta-van/events.ics?lng=th')).text();
  expect(feed).toContain('SUMMARY:Red Dao fire-dance festival');
  // A Vietnamese reader gets the Vietnamese, with no lang of its own (the page's).
  await page.goto('/ta-van/tourism/homestay-giang-ta-chai?lng=vi');
  await expect(page.locator('h1')).toHaveText('Homestay Giàng Tả Chải');
  expect(await page.locator('h1').getAttribute('lang')).toBeNull();
});
