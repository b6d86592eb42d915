import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { FALLBACK_PORT } from '../../playwright.config.ts';
import { BASE_URL, freshContext, newAccount, signIn, signInRequest } from './support.ts';

// Issue 11, items 3, 10 and 11 and the PUBLIC_URL note, replayed against the built app over HTTP
// (and in Chromium for the service worker and the CSP): caching and security headers on pages and
// files, cookies' flags, absolute links whatever the Host header says, and no staff page kept by
// the service worker after signing out.

/** The nonce a page's Content-Security-Policy names. */
function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1];
  expect(nonce, policy).toBeTruthy();
  return nonce!;
}

test('a signed-in page is private, never stored and varies on Cookie; an anonymous page says it varies on language', async () => {
  const request = await freshContext();
  const anonymous = await request.get('/ta-van/handbook');
  expect(anonymous.headers()['vary']).toMatch(/Accept-Language/);
  expect(anonymous.headers()['vary']).toMatch(/Cookie/);
  expect(anonymous.headers()['baan-cache']).toBe('public');
  await newAccount(request);
  for (const path of ['/account', '/ta-van/handbook', '/orders']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe('private, no-store');
    expect(response.headers()['vary'], path).toMatch(/Cookie/);
    expect(response.headers()['baan-cache'], path).toBeUndefined();
  }
  await request.dispose();
});

test('every page has a nonce-based CSP, and every inline script on it carries that nonce (also from the page cache)', async () => {
  const request = await freshContext();
  for (const path of ['/login', '/login', '/ta-van/tourism', '/ta-van/handbook/activate-vneid-level-2', '/no-such-commune-here']) {
    const response = await request.get(path);
    const policy = response.headers()['content-security-policy'];
    expect(policy, path).toContain("script-src 'self' 'nonce-");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "worker-src 'self' blob:", "form-action 'self'"]) {
      expect(policy, path).toContain(directive);
    }
    const nonce = nonceOf(policy);
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1]!)
      .filter((attrs) => !/\bsrc=/.test(attrs) && !/type="application\/(ld\+)?json"/.test(attrs));
    for (const attrs of inline) expect(attrs, path).toContain(`nonce="${nonce}"`);
    if (path === '/login') expect(inline.length).toBeGreaterThan(0); // a hydrating page: React Router's own inline scripts
  }
  await request.dispose();
});

test('pages and static files carry the security headers; HSTS only over TLS, which a client cannot claim by header', async () => {
  const request = await freshContext();
  const asset = /href="(\/assets\/[^"]+\.css)"/.exec(await (await request.get('/login')).text())?.[1];
  expect(asset).toBeTruthy();
  for (const path of ['/', '/favicon.svg', '/checklist.js', '/sw.js', '/map/offline-style.json', asset!]) {
    // The test server trusts one proxy hop: a client's own claim of https comes before the
    // proxy's entry, which says http.
    const response = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https, http' } });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(self\).*microphone=\(\).*payment=\(\).*usb=\(\)/);
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security'], path).toBeUndefined();
    // When the trusted proxy itself says the request came over TLS, browsers are told to stay on it.
    const overTls = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(overTls.headers()['strict-transport-security'], path).toMatch(/max-age=\d{8,}; includeSubDomains/);
  }
  await request.dispose();
});

test('an answer the server makes itself (a refused TRACE) carries the security headers too', async () => {
  const request = await freshContext();
  const refused = await request.fetch('/', { method: 'TRACE' });
  expect(refused.status()).toBe(400);
  expect(refused.headers()['x-content-type-options']).toBe('nosniff');
  expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await request.dispose();
});

test('cookies are HttpOnly and SameSite, and Secure in production on a public host name', async () => {
  const request = await freshContext();
  const local = (await request.get('/ta-van/handbook?lng=vi', { maxRedirects: 0 })).headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
  expect(local.map((h) => h.value).join('\n')).toMatch(/^lng=[^;]+;.*HttpOnly.*SameSite=Lax/m);
  expect(local.map((h) => h.value).join('\n')).not.toContain('Secure'); // plain http on localhost still works
  const publicHost = { Host: 'baan.example.org' };
  const language = (await request.get('/ta-van/handbook?lng=vi', { headers: publicHost, maxRedirects: 0 }))
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie');
  expect(language.map((h) => h.value)).toEqual([expect.stringMatching(/^lng=[^;]+;.*; Secure$/)]);
  const signOut = (await request.post('/logout', { headers: publicHost, maxRedirects: 0 })).headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
  expect(signOut.map((h) => h.value)).toContainEqual(expect.stringMatching(/^baan_flash=.*; Secure$/));
  await request.dispose();
});

test('a spoofed Host header never names the links in feeds, the calendar or invitations: PUBLIC_URL does', async () => {
  // The journeys' server is set up as a public one is: PUBLIC_URL names it (playwright.config.ts).
  const request = await freshContext();
  for (const path of ['/ta-van/news.rss', '/ta-van/news.atom', '/ta-van/events.ics']) {
    const honest = await request.get(path);
    expect(honest.status(), path).toBe(200);
    expect(await honest.text(), path).toContain(BASE_URL);
    const spoofed = await request.get(path, { headers: { Host: 'evil.example' } });
    expect(spoofed.status(), path).toBe(200);
    const text = await spoofed.text();
    expect(text, path).toContain(BASE_URL);
    expect(text, path).not.toContain('evil.example');
  }
  await signInRequest(request, 'official.tavan@baan.test');
  const invited = `invitee-${Date.now().toString(36)}@baan.test`;
  const spoofed = await request.post('/ta-van/members', {
    form: { intent: 'invite', identifier: invited, role: 'editor' },
    headers: { Host: 'evil.example' },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(200);
  const text = await spoofed.text();
  expect(text).toContain(`${BASE_URL}/ta-van/join/`);
  expect(text).not.toContain('evil.example');
  await request.dispose();
});

test('without PUBLIC_URL, a production server refuses to build links for a Host it cannot trust (503) and pages name paths', async () => {
  // The second server (playwright.config.ts FALLBACK_PORT) runs without PUBLIC_URL.
  const request = await playwrightRequest.newContext({ baseURL: `http://localhost:${FALLBACK_PORT}`, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  for (const path of ['/ta-van/news.rss', '/ta-van/news.atom', '/ta-van/events.ics']) {
    const honest = await request.get(path);
    expect(honest.status(), path).toBe(200);
    expect(await honest.text(), path).toContain(`http://localhost:${FALLBACK_PORT}`);
    const spoofed = await request.get(path, { headers: { Host: 'evil.example' } });
    expect(spoofed.status(), path).toBe(503);
    expect(await spoofed.text(), path).not.toContain('evil.example');
  }
  // Pages with structured data still open, their JSON-LD naming paths rather than the spoofed host.
  for (const path of ['/gia-phu/market/que-kho', '/ta-van/tourism/homestay-giang-ta-chai']) {
    const spoofed = await request.get(path, { headers: { Host: 'evil.example' } });
    expect(spoofed.status(), path).toBe(200);
    const html = await spoofed.text();
    expect(html, path).toContain('application/ld+json');
    expect(html, path).not.toContain('evil.example');
  }
  await request.dispose();
});

/** Collects the page's Content-Security-Policy violations (reported in the page and in the console). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return violations;
}

test('in Chromium the CSP blocks nothing Baan does: maps and their worker, hydration, forms, checklists, offline reading', async ({ page }) => {
  const violations = watchCsp(page);
  await page.goto('/ta-van/tourism?lng=en');
  await expect(page.locator('[data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Giang Ta Chai Homestay' }).first().click();
  await page.locator('[data-place-map]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-place-map] canvas')).toBeVisible({ timeout: 30_000 });
  await page.goto('/ta-van/handbook/activate-vneid-level-2?lng=en');
  await page.locator('.checklist input[type=checkbox]').first().check();
  await expect(page.locator('[data-checklist-progress]')).toContainText('1');
  await signIn(page, 'editor.tavan@baan.test', { redirectTo: '/ta-van/handbook/new' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The place editor: a hydrating React page with its own MapLibre map.
  await page.goto('/ta-van/tourism/new');
  await expect(page.locator('[data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
  expect(violations).toEqual([]);
});

test('the service worker keeps no staff page: not while signed in, and nothing kept survives signing out', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const kept = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('baan-pages')) continue;
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
  // A public page installs the worker, which keeps a copy of it.
  await page.goto('/ta-van/handbook?lng=en');
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(kept).toContain('/ta-van/handbook');

  await signIn(page, 'official.tavan@baan.test', { redirectTo: '/ta-van/tourism/inquiries' });
  await expect(page).toHaveURL(/\/ta-van\/tourism\/inquiries/);
  await page.goto('/ta-van/news/manage');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/ta-van/tourism/inquiries');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(300);
  expect((await kept()).filter((p) => /inquiries|manage/.test(p))).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect.poll(kept).toEqual([]);

  await context.setOffline(true);
  await page.goto('/ta-van/tourism/inquiries').catch(() => {});
  await expect(page.locator('body')).not.toContainText('Booking inquiries');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await context.setOffline(false);
  await context.close();
});
