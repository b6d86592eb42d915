import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { cameraPhoto } from '../support/images.ts';
import { fillSignIn, phone, signIn } from './support.ts';

test('a seller lists a product with a photo; a buyer finds it without diacritics, orders from two communes, pays by QR and cash; the seller ships', async ({
  browser,
}) => {
  // The seller lists a product from a phone.
  const seller = await phone(browser);
  await signIn(seller.page, 'seller.tavan@baan.test', { redirectTo: '/ta-van/market/sell' });
  await expect(seller.page.getByRole('heading', { level: 1, name: /Shop of/ })).toBeVisible();
  await seller.page.getByRole('link', { name: '+ List a product' }).click();
  await seller.page.getByLabel('Product name (Tiếng Việt)').fill('Măng tre khô Tả Van');
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7a6a3b' } })
    .jpeg()
    .toBuffer();
  await seller.page.getByLabel(/^Photos/).setInputFiles({ name: 'mang.jpg', mimeType: 'image/jpeg', buffer: photo });
  await seller.page.getByLabel('Price (VND)').fill('85.000');
  await seller.page.getByLabel('How many can you sell?').fill('20');
  await seller.page.getByLabel('Category').selectOption('processed');
  await seller.page.getByRole('button', { name: 'Publish' }).click();
  await expect(seller.page.getByRole('heading', { level: 1, name: 'Măng tre khô Tả Van' })).toBeVisible();
  await expect(seller.page.locator('.product-photo img')).toBeVisible();

  // A buyer, not signed in, finds it by a query without diacritics and fills a cart from two communes.
  const buyer = await phone(browser);
  await buyer.page.goto('/market?lng=en');
  await buyer.page.getByRole('searchbox', { name: 'Search products' }).fill('mang tre kho');
  await buyer.page.getByRole('button', { name: 'Search', exact: true }).click();
  await buyer.page.getByRole('link', { name: 'Măng tre khô Tả Van' }).click();
  await buyer.page.getByLabel('Quantity').fill('2');
  await buyer.page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(buyer.page.getByText('Added to your cart.')).toBeVisible();
  await buyer.page.goto('/gia-phu/market/mat-ong-rung-que');
  await buyer.page.getByRole('button', { name: 'Buy now' }).click();
  await expect(buyer.page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await expect(buyer.page.getByRole('link', { name: 'Măng tre khô Tả Van' })).toBeVisible();

  // Checkout asks to sign in, and the cart is still there afterwards.
  await buyer.page.getByRole('link', { name: 'Go to checkout' }).click();
  await fillSignIn(buyer.page, 'buyer@baan.test');
  await expect(buyer.page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await buyer.page.getByLabel('Phone number').fill('0900 000 901');
  await buyer.page.getByLabel('Province').selectOption({ label: 'Hà Nội' });
  await buyer.page.getByLabel('Commune or ward').fill('Phường Ba Đình');
  await buyer.page.getByLabel('Village, street and house number').fill('12 Phố Đội Cấn');
  await buyer.page
    .getByRole('group', { name: /Tả Van/ })
    .getByLabel('Bank transfer by QR')
    .check();
  await buyer.page
    .getByRole('group', { name: /Gia Phú/ })
    .getByLabel('Cash on delivery')
    .check();
  await buyer.page.getByRole('button', { name: 'Place 2 orders' }).click();
  await expect(buyer.page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
  await expect(buyer.page.getByText('Your 2 orders have been placed.')).toBeVisible();
  // Newest first: the two just placed lead the list (other tests may have ordered before).
  await expect(buyer.page.locator('.order-list > li').nth(0)).toContainText(/Tả Van|Gia Phú/);
  await expect(buyer.page.locator('.order-list > li').nth(1)).toContainText(/Tả Van|Gia Phú/);

  // The Tả Van order shows a VietQR code with the amount and reference; the Gia Phú one is cash.
  await buyer.page.locator('.order-list > li', { hasText: 'Tả Van' }).first().getByRole('link').click();
  await expect(buyer.page.getByRole('img', { name: /Payment QR code for order BA/ })).toBeVisible();
  await expect(buyer.page.locator('.facts')).toContainText('170,000');
  const reference = (await buyer.page.getByRole('heading', { level: 1 }).innerText()).replace('Order ', '').trim();
  expect(reference).toMatch(/^BA[A-Z2-9]{8}$/);
  // Paying from the same phone: the QR as a picture to save (shown as one, to touch and hold), and each value to copy.
  await expect(buyer.page.locator('img.qr')).toHaveAttribute('src', `/orders/${reference}/qr.png`);
  expect(await buyer.page.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(720);
  await expect(buyer.page.getByRole('link', { name: 'Save the QR image' })).toHaveAttribute('href', `/orders/${reference}/qr.png`);
  const saved = await buyer.page.request.get(`/orders/${reference}/qr.png`);
  expect(saved.status()).toBe(200);
  expect(saved.headers()['content-type']).toBe('image/png');
  expect(saved.headers()['cache-control']).toBe('private, no-store');
  expect((await saved.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
  await buyer.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await buyer.page.getByRole('button', { name: 'Copy Reference' }).click();
  await expect(buyer.page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await buyer.page.evaluate(() => navigator.clipboard.readText())).toBe(reference);
  // Nobody else gets the picture (a signed-in stranger: 404).
  const stranger = await phone(browser);
  await signIn(stranger.page, 'seller.giaphu@baan.test');
  expect((await stranger.page.request.get(`/orders/${reference}/qr.png`)).status()).toBe(404);
  await stranger.context.close();
  await buyer.page.goto('/orders');
  await buyer.page.locator('.order-list > li', { hasText: 'Gia Phú' }).first().getByRole('link').click();
  await expect(buyer.page.getByText('Pay the courier in cash when the parcel arrives.')).toBeVisible();

  // The seller confirms and ships.
  await seller.page.goto('/ta-van/market/sell');
  await seller.page.getByRole('link', { name: reference }).click();
  // The seller is told what the buyer was asked, not to scan the code themself.
  await expect(seller.page.getByText('The buyer was asked to pay this amount to your account')).toBeVisible();
  await expect(seller.page.getByText('Open your banking app, scan this VietQR code')).toHaveCount(0);
  await expect(seller.page.getByRole('link', { name: 'Save the QR image' })).toHaveCount(0);
  await seller.page.getByRole('button', { name: 'Confirm the order' }).click();
  await expect(seller.page.getByText('Order confirmed: the buyer has been told.')).toBeVisible();
  await seller.page.getByLabel('Carrier').fill('VNPost');
  await seller.page.getByLabel('Tracking number or note (optional)').fill('EB123456789VN');
  await seller.page.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(seller.page.getByText('Marked as shipped: the buyer has been told, with the carrier and tracking.')).toBeVisible();

  // The buyer sees it on the way.
  await buyer.page.goto(`/orders/${reference}`);
  await expect(buyer.page.locator('.badge-status')).toHaveText('Shipped');
  await expect(buyer.page.getByText('Shipped with VNPost EB123456789VN')).toBeVisible();

  // The parcel arrives; the rating starts with no star chosen, and sending none is refused.
  await buyer.page.getByRole('button', { name: 'Yes, I received it' }).click();
  await expect(buyer.page.getByText('Thank you! The order is complete.')).toBeVisible();
  const rating = buyer.page.getByRole('group', { name: 'Your rating' }).first();
  await expect(rating.getByRole('radio', { checked: true })).toHaveCount(0);
  await buyer.page.getByRole('button', { name: 'Send rating' }).first().click();
  await expect(buyer.page.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await buyer.page.getByRole('group', { name: 'Your rating' }).first().getByLabel('4 stars').check();
  await buyer.page.getByRole('button', { name: 'Send rating' }).first().click();
  await expect(buyer.page.getByText('Thank you for your rating.')).toBeVisible();
  await seller.context.close();
  await buyer.context.close();
});

test('a camera photo is made smaller on the phone before it is sent', async ({ browser }) => {
  // A 12-megapixel camera-like photo, 3.3 MB as JPEG.
  const photo = await cameraPhoto();
  expect(photo.byteLength).toBeGreaterThan(3_000_000);

  const seller = await phone(browser);
  await signIn(seller.page, 'seller.tavan@baan.test', { redirectTo: '/ta-van/market/sell' });
  await seller.page.getByRole('link', { name: '+ List a product' }).click();
  await seller.page.getByLabel('Product name (Tiếng Việt)').fill('Mật ong bạc hà Tả Van');
  const picker = seller.page.getByLabel(/^Photos/);
  await picker.setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo });
  // The picked file is swapped for a copy of at most 1600 px (the page marks when it is done).
  await expect(picker).toHaveAttribute('data-shrunk', /^\d+$/, { timeout: 20_000 });
  const shrunk = Number(await picker.getAttribute('data-shrunk'));
  expect(shrunk).toBeLessThan(photo.byteLength / 5);
  // What the form will post is the copy, under the photo's own name.
  const picked = await picker.evaluate((input: HTMLInputElement) => [...(input.files ?? [])].map((f) => ({ name: f.name, type: f.type, size: f.size })));
  expect(picked).toEqual([{ name: 'IMG_0412.webp', type: 'image/webp', size: shrunk }]);
  await seller.page.getByLabel('Price (VND)').fill('150.000');
  await seller.page.getByLabel('How many can you sell?').fill('8');
  await seller.page.getByLabel('Category').selectOption('honey');
  await seller.page.getByRole('button', { name: 'Publish' }).click();
  await expect(seller.page.getByRole('heading', { level: 1, name: 'Mật ong bạc hà Tả Van' })).toBeVisible();
  // Stored from the copy: still wide enough for the largest variant.
  const srcset = (await seller.page.locator('.product-photo img').first().getAttribute('srcset')) ?? '';
  expect(srcset).toMatch(/ 1280w/);
  await seller.context.close();
});

test('product pages ship no JavaScript and carry schema.org Product JSON-LD', async ({ page }) => {
  await page.goto('/ta-van/market/che-shan-tuyet-ta-van?lng=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Ta Van Shan Tuyet tea' })).toBeVisible();
  await expect(page.locator('script[src], script[type=module]')).toHaveCount(0);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'Product', offers: { '@type': 'Offer', priceCurrency: 'VND', price: '450000' } });
  await expect(page.getByLabel(/OCOP certified, 4 stars/)).toBeVisible();
  // The certificate's expiry reads as a date in the reader's language, not as 2027-05-01.
  const details = page.getByText(/valid until/);
  await expect(details).toHaveText(/valid until (\d{1,2} \w{3,4} \d{4}|\w{3} \d{1,2}, \d{4})$/);
});

test('bad input is refused with a clear message and changes nothing; other communes get 404', async ({ page }) => {
  await page.goto('/ta-van/market/gao-nep-nuong?lng=en');
  await page.getByLabel('Quantity').fill('5000');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('alert')).toContainText('Only');

  await signIn(page, 'seller.giaphu@baan.test', { redirectTo: '/gia-phu/market/sell' });
  await page.getByRole('link', { name: '+ List a product' }).click();
  await page.getByLabel('Product name (Tiếng Việt)').fill('Quế chi');
  await page.getByLabel('Price (VND)').fill('-5');
  await page.getByLabel('How many can you sell?').fill('-3');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Enter a price above zero, in numbers.')).toBeVisible();
  await expect(page.getByText('Enter how many you have, from 0 to 1,000,000.')).toBeVisible();
  await expect(page.getByText('Choose a category.')).toBeVisible();
  await expect(page.getByLabel('Product name (Tiếng Việt)')).toHaveValue('Quế chi');

  // A seller of Gia Phú is nobody in Tả Van's market desk.
  const response = await page.goto('/ta-van/market/manage');
  expect(response?.status()).toBe(404);
});

test('one visitor’s cart is never shown to another, even with the anonymous page cache on', async ({ browser }) => {
  const first = await phone(browser);
  await first.page.goto('/ta-van/market/gao-nep-nuong?lng=en');
  await first.page.getByRole('button', { name: 'Buy now' }).click();
  await expect(first.page.getByRole('link', { name: 'Upland sticky rice' })).toBeVisible();
  const second = await phone(browser);
  await second.page.goto('/cart');
  await expect(second.page.getByText('Your cart is empty.')).toBeVisible();
  await first.page.goto('/cart');
  await expect(first.page.getByRole('link', { name: 'Upland sticky rice' })).toBeVisible();
  await first.context.close();
  await second.context.close();
});

test('with moderation on, a new listing waits; the official refuses it with a reason the seller reads', async ({ browser }) => {
  const official = await phone(browser);
  await signIn(official.page, 'official.giaophong@baan.test', { redirectTo: '/giao-phong/market/manage' });
  await official.page.getByRole('button', { name: 'Review new listings' }).click();
  await expect(official.page.getByText("New listings wait for an official's review.")).toBeVisible();

  const seller = await phone(browser);
  await signIn(seller.page, 'seller.giaophong@baan.test', { redirectTo: '/giao-phong/market/sell' });
  await seller.page.getByRole('link', { name: '+ List a product' }).click();
  await seller.page.getByLabel('Product name (Tiếng Việt)').fill('Nước mắm Giao Phong');
  await seller.page.getByLabel('Price (VND)').fill('90000');
  await seller.page.getByLabel('How many can you sell?').fill('12');
  await seller.page.getByLabel('Category').selectOption('processed');
  await seller.page.getByRole('button', { name: 'Publish' }).click();
  await expect(seller.page.getByText('Saved. An official will review it before it goes on sale.')).toBeVisible();

  await official.page.reload();
  const queue = official.page.getByRole('region', { name: /waiting for review/ });
  await queue.locator('summary', { hasText: 'Refuse' }).click();
  await queue.getByLabel('Reason (the seller sees it)').fill('Please add a photo of the bottle and its label.');
  await queue.getByRole('button', { name: 'Refuse' }).click();
  await expect(official.page.getByText('The listing was sent back to the seller.')).toBeVisible();
  await official.page.getByRole('button', { name: 'Stop reviewing' }).click();

  await seller.page.reload();
  await expect(seller.page.getByText('Not approved: Please add a photo of the bottle and its label.')).toBeVisible();
  await official.context.close();
  await seller.context.close();
});
