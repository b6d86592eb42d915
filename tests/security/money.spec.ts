import { expect, test, type APIRequestContext } from '@playwright/test';
import { freshContext, newAccount, phone, signInRequest } from './support.ts';

/**
 * Probe finding 1 (high): an editor recorded a seller's "consent" alone, changed the seller's
 * payout account, and buyers paying by QR were shown the editor's account. Replayed over HTTP
 * as the probe did, on a seller only this test creates (approved by Tả Van's official).
 */

const OWN_ACCOUNT = '0123450001';
const EDITORS_ACCOUNT = '9876500002';

async function sellerIdFromDesk(official: APIRequestContext, shopName: string): Promise<string> {
  const html = await (await official.get('/ta-van/market/manage?lng=en')).text();
  const match = html.match(new RegExp(`<strong>${shopName}</strong>[\\s\\S]*?name="id" value="([0-9a-f-]{36})"`));
  expect(match, 'the new request is on the market desk').not.toBeNull();
  return match![1]!;
}

test('an editor cannot record a seller’s consent alone, and a payout change never reaches QR codes before the seller could cancel it', async ({ browser }) => {
  // A villager with an account asks to sell in Tả Van; the commune's official approves.
  const seller = await phone(browser);
  await newAccount(seller.context.request, { displayName: 'Probe Seller' });
  const shopName = `Probe Shop ${Date.now().toString(36)}`;
  const applied = await seller.context.request.post('/ta-van/market/sell', {
    form: { name: shopName, hamlet: '', phone: '0900 000 777', zalo: '' },
    maxRedirects: 0,
  });
  expect(applied.status()).toBe(302);
  const official = await freshContext();
  await signInRequest(official, 'official.tavan@baan.test');
  const sellerId = await sellerIdFromDesk(official, shopName);
  expect((await official.post('/ta-van/market/manage', { form: { intent: 'approve-seller', id: sellerId }, maxRedirects: 0 })).status()).toBe(302);
  const dashboard = `/ta-van/market/sellers/${sellerId}`;

  // The seller sets their own first account (applies at once: there is none to divert from) and lists a product.
  const own = await seller.context.request.post(dashboard, {
    form: { intent: 'payout', bankBin: '970405', account: OWN_ACCOUNT, accountName: 'PROBE SELLER' },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
  const listed = await seller.context.request.post(`${dashboard}/products/new`, {
    multipart: { 'title.vi': `Chè thử ${shopName}`, price: '50000', unit: 'kg', stock: '5', category: 'tea', intent: 'publish' },
    maxRedirects: 0,
  });
  expect(listed.status()).toBe(302);
  const productPath = listed.headers().location!;

  // The probe: the editor "records consent" and then changes the payout account.
  const editor = await freshContext();
  await signInRequest(editor, 'editor.tavan@baan.test');
  const consent = await editor.post('/ta-van/market/manage', { form: { intent: 'consent', id: sellerId, note: 'Đồng ý qua điện thoại' }, maxRedirects: 0 });
  expect(consent.status()).toBe(302);
  const refused = await editor.post(dashboard, {
    form: { intent: 'payout', bankBin: '970436', account: EDITORS_ACCOUNT, accountName: 'EDITOR' },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  // Nor can the editor skip the code the seller's own screen shows.
  const guessed = await editor.post(dashboard, { form: { intent: 'confirm-code', code: '000000' }, maxRedirects: 0 });
  expect(guessed.status()).toBe(400);

  // Consent the right way: the seller's own screen shows a one-time code they read out.
  await seller.page.goto(`${dashboard}?lng=en`);
  await expect(seller.page.getByText(/from the commune asks to help with your shop: Đồng ý qua điện thoại/)).toBeVisible();
  await seller.page.getByRole('button', { name: 'Show a code to read out' }).click();
  const code = (await seller.page.locator('.consent-code').innerText()).trim();
  expect(code).toMatch(/^[0-9]{6}$/);
  expect((await editor.post(dashboard, { form: { intent: 'confirm-code', code }, maxRedirects: 0 })).status()).toBe(302);

  // Now the editor may ask for a new account, but it waits: the seller sees who asked and can cancel.
  const changed = await editor.post(dashboard, {
    form: { intent: 'payout', bankBin: '970436', account: EDITORS_ACCOUNT, accountName: 'EDITOR' },
    maxRedirects: 0,
  });
  expect(changed.status()).toBe(302);
  await seller.page.goto(`${dashboard}?lng=en`);
  const notice = seller.page.getByRole('alert').filter({ hasText: 'A change to where buyers pay you is waiting' });
  await expect(notice).toContainText(EDITORS_ACCOUNT);
  await expect(notice.getByRole('button', { name: 'Cancel this change' })).toBeVisible();

  // A buyer paying by QR meanwhile is shown the seller's own account, never the editor's.
  const buyer = await phone(browser);
  await newAccount(buyer.context.request, { displayName: 'Probe Buyer' });
  await buyer.page.goto(`${productPath}?lng=en`);
  await buyer.page.getByRole('button', { name: 'Buy now' }).click();
  await buyer.page.getByRole('link', { name: 'Go to checkout' }).click();
  await buyer.page.getByLabel('Phone number').fill('0900 000 901');
  await buyer.page.getByLabel('Province').selectOption({ label: 'Hà Nội' });
  await buyer.page.getByLabel('Commune or ward').fill('Phường Ba Đình');
  await buyer.page.getByLabel('Village, street and house number').fill('12 Phố Đội Cấn');
  await buyer.page
    .getByRole('group', { name: /Tả Van/ })
    .getByLabel('Bank transfer by QR')
    .check();
  await buyer.page.getByRole('button', { name: 'Place order' }).click();
  // One order: the buyer lands on it.
  await expect(buyer.page.getByRole('img', { name: /Payment QR code for order BA/ })).toBeVisible();
  await expect(buyer.page.locator('.facts')).toContainText(OWN_ACCOUNT);
  await expect(buyer.page.locator('.facts')).not.toContainText(EDITORS_ACCOUNT);

  // One click and the change is gone; the seller's history names who did what.
  await notice.getByRole('button', { name: 'Cancel this change' }).click();
  await expect(seller.page.getByText('The change was cancelled.')).toBeVisible();
  const history = seller.page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Payout change requested');
  await expect(history).toContainText('Payout change cancelled');
  await expect(history).toContainText('Consent confirmed');

  await Promise.all([seller.context.close(), buyer.context.close(), official.dispose(), editor.dispose()]);
});

test('an official takes down a live listing with a reason the seller reads; an editor cannot, nor suspend the seller', async ({ browser }) => {
  const seller = await phone(browser);
  await newAccount(seller.context.request, { displayName: 'Probe Seller Two' });
  const shopName = `Probe Takedown ${Date.now().toString(36)}`;
  await seller.context.request.post('/ta-van/market/sell', { form: { name: shopName, hamlet: '', phone: '0900 000 778', zalo: '' }, maxRedirects: 0 });
  const official = await freshContext();
  await signInRequest(official, 'official.tavan@baan.test');
  const sellerId = await sellerIdFromDesk(official, shopName);
  await official.post('/ta-van/market/manage', { form: { intent: 'approve-seller', id: sellerId }, maxRedirects: 0 });
  const dashboard = `/ta-van/market/sellers/${sellerId}`;
  const listed = await seller.context.request.post(`${dashboard}/products/new`, {
    multipart: { 'title.vi': `Mật ong OCOP ${shopName}`, price: '90000', unit: 'bottle', stock: '5', category: 'honey', intent: 'publish' },
    maxRedirects: 0,
  });
  const productPath = listed.headers().location!;
  const html = await (await seller.context.request.get(`${dashboard}?lng=en`)).text();
  const productId = html.match(/name="productId" value="([0-9a-f-]{36})"/)![1]!;

  const editor = await freshContext();
  await signInRequest(editor, 'editor.tavan@baan.test');
  expect((await editor.post(dashboard, { form: { intent: 'take-down', productId, reason: 'Không có chứng nhận OCOP' }, maxRedirects: 0 })).status()).toBe(403);
  expect((await editor.post(dashboard, { form: { intent: 'suspend-seller', reason: 'Bán hàng giả' }, maxRedirects: 0 })).status()).toBe(403);
  expect((await editor.get(productPath)).status()).toBe(200);

  expect((await official.post(dashboard, { form: { intent: 'take-down', productId, reason: 'Không có chứng nhận OCOP' }, maxRedirects: 0 })).status()).toBe(
    302,
  );
  expect((await editor.get(productPath)).status()).toBe(404);
  await seller.page.goto(`${dashboard}?lng=en`);
  await expect(seller.page.getByText('Taken down by the commune: Không có chứng nhận OCOP')).toBeVisible();

  await Promise.all([seller.context.close(), official.dispose(), editor.dispose()]);
});

test('reinstating a suspended seller gives back what moderation decided: a taken-down listing edited into the queue stays off the market', async ({
  browser,
}) => {
  const seller = await phone(browser);
  await newAccount(seller.context.request, { displayName: 'Probe Seller Three' });
  const shopName = `Probe Reinstate ${Date.now().toString(36)}`;
  await seller.context.request.post('/ta-van/market/sell', { form: { name: shopName, hamlet: '', phone: '0900 000 780', zalo: '' }, maxRedirects: 0 });
  const official = await freshContext();
  await signInRequest(official, 'official.tavan@baan.test');
  const sellerId = await sellerIdFromDesk(official, shopName);
  await official.post('/ta-van/market/manage', { form: { intent: 'approve-seller', id: sellerId }, maxRedirects: 0 });
  const dashboard = `/ta-van/market/sellers/${sellerId}`;
  const product = { 'title.vi': `Mật ong OCOP ${shopName}`, price: '90000', unit: 'bottle', stock: '5', category: 'honey', intent: 'publish' };
  const listed = await seller.context.request.post(`${dashboard}/products/new`, { multipart: product, maxRedirects: 0 });
  const productPath = listed.headers().location!;
  const html = await (await seller.context.request.get(`${dashboard}?lng=en`)).text();
  const productId = html.match(/name="productId" value="([0-9a-f-]{36})"/)![1]!;

  // Taken down; the seller edits it and asks to publish (it waits for an official); the seller is suspended, then reinstated.
  expect((await official.post(dashboard, { form: { intent: 'take-down', productId, reason: 'Không có chứng nhận OCOP' }, maxRedirects: 0 })).status()).toBe(
    302,
  );
  expect((await seller.context.request.post(`/ta-van/market/products/${productId}/edit`, { multipart: product, maxRedirects: 0 })).status()).toBe(302);
  expect((await official.post(dashboard, { form: { intent: 'suspend-seller', reason: 'Kiểm tra hàng giả' }, maxRedirects: 0 })).status()).toBe(302);
  expect((await official.post(dashboard, { form: { intent: 'reinstate-seller' }, maxRedirects: 0 })).status()).toBe(302);

  // Still off the market, and waiting in the officials' queue.
  expect((await seller.context.request.get(productPath)).status()).toBe(404);
  expect(await (await official.get('/ta-van/market/manage?lng=en')).text()).toContain(`Mật ong OCOP ${shopName}`);

  await Promise.all([seller.context.close(), official.dispose()]);
});

test('for a seller without an account only an official changes the payout, and the market desk lists the change with a cancel', async () => {
  const official = await freshContext();
  await signInRequest(official, 'official.tavan@baan.test');
  const shopName = `Probe Helped ${Date.now().toString(36)}`;
  const added = await official.post('/ta-van/market/manage', {
    form: { intent: 'add-seller', name: shopName, hamlet: '', phone: '0900 000 781', zalo: '', note: 'Đồng ý tại UBND xã' },
    maxRedirects: 0,
  });
  expect(added.status()).toBe(302);
  const dashboard = new URL(added.headers().location!, 'http://x').pathname;
  const account = `55${Date.now().toString().slice(-8)}`;

  const editor = await freshContext();
  await signInRequest(editor, 'editor.tavan@baan.test');
  expect(
    (
      await editor.post(dashboard, { form: { intent: 'payout', bankBin: '970436', account: EDITORS_ACCOUNT, accountName: 'EDITOR' }, maxRedirects: 0 })
    ).status(),
  ).toBe(403);
  expect((await official.post(dashboard, { form: { intent: 'payout', bankBin: '970436', account, accountName: 'BA THAO' }, maxRedirects: 0 })).status()).toBe(
    302,
  );

  const desk = await (await official.get('/ta-van/market/manage?lng=en')).text();
  const waiting = desk.match(new RegExp(`${account}[\\s\\S]*?name="id" value="([0-9a-f-]{36})"[\\s\\S]*?name="sellerId" value="([0-9a-f-]{36})"`));
  expect(waiting, 'the waiting change is on the desk').not.toBeNull();
  expect(desk).toContain('no account (cannot see the notice)');
  const cancelled = await official.post('/ta-van/market/manage', {
    form: { intent: 'cancel-payout', id: waiting![1]!, sellerId: waiting![2]! },
    maxRedirects: 0,
  });
  expect(cancelled.status()).toBe(302);
  expect(await (await official.get('/ta-van/market/manage?lng=en')).text()).not.toContain(account);
  // An editor cannot use the desk's cancel.
  expect(
    (await editor.post('/ta-van/market/manage', { form: { intent: 'cancel-payout', id: waiting![1]!, sellerId: waiting![2]! }, maxRedirects: 0 })).status(),
  ).toBe(404);

  await Promise.all([official.dispose(), editor.dispose()]);
});
