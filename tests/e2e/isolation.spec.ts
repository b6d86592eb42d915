import { expect, test } from '@playwright/test';
import { signIn, signInRequest } from './support.ts';

test('an official of commune B gets 404 on commune A’s private pages and changes nothing', async ({ request, browser }) => {
  // Commune A (gia-phu) has a pending invitation, made by its own official.
  const officialA = await browser.newContext();
  const pageA = await officialA.newPage();
  await signIn(pageA, 'official.giaphu@baan.test');
  await pageA.goto('/gia-phu/members?lng=en');
  await pageA.getByLabel('Email or phone number').fill(`isolation.${Date.now()}@example.vn`);
  await pageA.getByRole('button', { name: 'Send invitation' }).click();
  const link = await pageA.getByTestId('invite-link').inputValue();
  const token = link.split('/').pop()!;
  await pageA.reload();
  const invitationId = await pageA.locator('input[name=invitationId]').first().inputValue();

  // Commune B's official (ta-van) tries everything.
  await signInRequest(request, 'official.tavan@baan.test');
  expect((await request.get('/ta-van/members')).status()).toBe(200);
  expect((await request.get('/gia-phu/members')).status()).toBe(404);
  expect((await request.get('/gia-phu/settings')).status()).toBe(404);
  expect((await request.post('/gia-phu/members', { form: { intent: 'revoke', invitationId }, maxRedirects: 0 })).status()).toBe(404);
  // Through B's own route, A's invitation id is simply not found.
  expect((await request.post('/ta-van/members', { form: { intent: 'revoke', invitationId }, maxRedirects: 0 })).status()).toBe(404);
  // A's invitation token does not work under B's address.
  expect((await request.get(`/ta-van/join/${token}`)).status()).toBe(404);

  await pageA.reload();
  await expect(pageA.locator('input[name=invitationId]').first()).toHaveValue(invitationId);
  await officialA.close();
});

test('a cross-site form post is refused before anything runs', async ({ request }) => {
  // A browser form from another site that sends no Origin, only Sec-Fetch-Site.
  const sneaky = await request.post('/login', {
    form: { identifier: 'buyer@baan.test', password: 'baan-demo-2026' },
    headers: { 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(sneaky.status()).toBe(403);
  expect(await sneaky.text()).toContain('This form was sent from another website');

  const response = await request.post('/login', {
    form: { identifier: 'buyer@baan.test', password: 'baan-demo-2026' },
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  });
  // Refused by Baan's check (403) or React Router's own origin check (400): never run.
  expect([400, 403]).toContain(response.status());
  expect(response.headers()['set-cookie'] ?? '').not.toContain('baan_session=');
});

test('a tampered session cookie is treated as signed out', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'baan_session', value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', url: baseURL! }]);
  const page = await context.newPage();
  const response = await page.goto('/account');
  expect(response?.url()).toContain('/login?redirectTo=%2Faccount');
  await context.close();
});

test('a commune’s own host name serves its site', async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const response = await request.get(`http://127.0.0.1:${port}/`, { headers: { Host: `giaphu.baan.localhost:${port}` }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()['location']).toBe('/gia-phu');
  const page = await request.get(`http://127.0.0.1:${port}/gia-phu`, { headers: { Host: `giaphu.baan.localhost:${port}` } });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('Gia Phú');
});

test('/healthz reports the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
});

test('commune B’s official gets 404 on commune A’s market and tourism desks, shops, orders and listings', async ({ request, browser }) => {
  // A buyer orders from Gia Phú (commune A), so A has an order with a reference.
  const buyer = await browser.newContext();
  const page = await buyer.newPage();
  await signIn(page, 'buyer@baan.test');
  await page.goto('/gia-phu/market/que-kho');
  await page.getByRole('button', { name: 'Buy now' }).click();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await page.getByLabel('Phone number').fill('0900 000 901');
  await page.getByLabel('Province').selectOption({ label: 'Hà Nội' });
  await page.getByLabel('Commune or ward').fill('Phường Hoàn Kiếm');
  await page.getByLabel('Village, street and house number').fill('1 Tràng Tiền');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order BA/ })).toBeVisible();
  const reference = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Order ', '').trim();
  await buyer.close();

  await signInRequest(request, 'official.tavan@baan.test');
  const shop = await request.get('/gia-phu/market/que-kho');
  expect(shop.status()).toBe(200);
  for (const path of [
    '/gia-phu/market/manage',
    `/gia-phu/market/orders/${reference}`,
    '/gia-phu/tourism/manage',
    '/gia-phu/tourism/inquiries',
    '/gia-phu/tourism/new',
    '/gia-phu/tourism/rung-que-gia-phu/edit',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  // The buyer's order page is the buyer's alone.
  expect((await request.get(`/orders/${reference}`)).status()).toBe(404);
  // Posting to A's desk changes nothing.
  expect((await request.post('/gia-phu/market/manage', { form: { intent: 'moderation', on: '1' }, maxRedirects: 0 })).status()).toBe(404);
  expect((await request.post(`/gia-phu/market/orders/${reference}`, { form: { intent: 'confirm' }, maxRedirects: 0 })).status()).toBe(404);
  // Gia Phú's own official finds both as they were: the order still placed, moderation still off.
  const owner = await browser.newContext();
  const desk = await owner.newPage();
  await signIn(desk, 'official.giaphu@baan.test', { redirectTo: `/gia-phu/market/orders/${reference}` });
  await expect(desk.getByText('Placed', { exact: true }).first()).toBeVisible();
  await expect(desk.getByText('Confirmed', { exact: true })).toHaveCount(0);
  await desk.goto('/gia-phu/market/manage?lng=en');
  await expect(desk.getByText('New listings go on sale straight away.')).toBeVisible();
  await owner.close();
});
