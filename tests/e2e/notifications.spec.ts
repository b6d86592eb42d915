import { expect, test } from '@playwright/test';
import { fillSignIn, phone, readMail, signIn, type ReadMail } from './support.ts';

test('the bell, the inbox and the preferences work on a phone without JavaScript', async ({ browser }) => {
  const seller = await phone(browser);
  await signIn(seller.page, 'seller.tavan@baan.test', { redirectTo: '/notifications' });
  await expect(seller.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  // The bell is in the header, with the unread count in its name when there is one.
  await expect(seller.page.getByRole('link', { name: /^Notifications(: \d+ unread)?$/ })).toBeVisible();
  expect(await seller.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await seller.page.getByRole('link', { name: 'Choose how you are told' }).click();
  await expect(seller.page.getByRole('heading', { level: 1, name: 'How you are told' })).toBeVisible();
  await seller.page.getByLabel('New rating by SMS').check();
  await seller.page.getByRole('button', { name: 'Save' }).click();
  await expect(seller.page.getByText('Saved.')).toBeVisible();
  await expect(seller.page.getByLabel('New rating by SMS')).toBeChecked();
  await seller.page.getByLabel('New rating by SMS').uncheck();
  await seller.page.getByRole('button', { name: 'Save' }).click();
  await expect(seller.page.getByLabel('New rating by SMS')).not.toBeChecked();
  await seller.context.close();
});

test('an unsubscribe link that does not exist says so, and a cross-site one-click POST to it reaches the action', async ({ page, request }) => {
  await page.goto('/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaa?lng=en');
  await expect(page.getByText('This link does not work.')).toBeVisible();
  const response = await request.post('/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaa', {
    data: 'List-Unsubscribe=One-Click',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(response.status()).toBe(404); // the action's answer (no such token), not a cross-site refusal
  // Any other cross-site POST is still refused.
  const other = await request.post('/account/notifications', {
    data: 'x=1',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect([400, 403]).toContain(other.status());
});

test('a buyer orders honey: the seller is told in the bell and by a mail that cannot be turned off', async ({ browser }) => {
  const buyer = await phone(browser);
  await buyer.page.goto('/gia-phu/market/mat-ong-rung-que?lng=en');
  await buyer.page.getByRole('button', { name: 'Buy now' }).click();
  await buyer.page.getByRole('link', { name: 'Go to checkout' }).click();
  await fillSignIn(buyer.page, 'buyer@baan.test');
  await buyer.page.getByLabel('Phone number').fill('0900 000 901');
  await buyer.page.getByLabel('Province').selectOption({ label: 'Hà Nội' });
  await buyer.page.getByLabel('Commune or ward').fill('Phường Ba Đình');
  await buyer.page.getByLabel('Village, street and house number').fill('12 Phố Đội Cấn');
  await buyer.page.getByLabel('Cash on delivery').first().check();
  await buyer.page.getByRole('button', { name: 'Place order' }).click();
  await expect(buyer.page.getByText('Your order has been placed.')).toBeVisible();
  const reference = (await buyer.page.getByRole('heading', { level: 1 }).innerText()).replace('Order ', '').trim();
  expect(reference).toMatch(/^BA[A-Z2-9]{8}$/);
  await buyer.context.close();

  // The mail comes through the outbox and the job runner, with the order's link and no unsubscribe (money).
  let mail: ReadMail | undefined;
  await expect
    .poll(async () => (mail = (await readMail('seller.giaphu@baan.test', { wait: 20_000 })).find((m) => m.text.includes(reference))) !== undefined, {
      timeout: 30_000,
    })
    .toBe(true);
  expect(mail!.text).toContain(`/gia-phu/market/orders/${reference}`);
  expect(mail!.headers['list-unsubscribe']).toBeUndefined();

  const seller = await phone(browser);
  await signIn(seller.page, 'seller.giaphu@baan.test', { redirectTo: '/notifications?lng=en' });
  await expect(seller.page.getByText(reference).first()).toBeVisible();
  await seller.context.close();
});

test('a tourist asks a homestay for a room: the host’s mail carries a one-click unsubscribe (RFC 8058) that a mail provider can post from its own site', async ({
  page,
  request,
}) => {
  await page.goto('/ta-van/tourism/homestay-giang-ta-chai?lng=en');
  const inquiry = page.getByRole('region', { name: 'Ask about a stay' });
  const inTwenty = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const inTwentyTwo = new Date(Date.now() + 22 * 86_400_000).toISOString().slice(0, 10);
  await inquiry.getByLabel('Arrival').fill(inTwenty);
  await inquiry.getByLabel('Departure').fill(inTwentyTwo);
  await inquiry.getByLabel('Guests').fill('3');
  await inquiry.getByLabel('Your name').fill('Sofia Unsub');
  await inquiry.getByLabel('E-mail').fill('sofia@example.com');
  await inquiry.getByRole('button', { name: 'Send the inquiry' }).click();
  await expect(page.getByText('Your inquiry was sent. The host will contact you.')).toBeVisible();

  let mail: ReadMail | undefined;
  await expect
    .poll(async () => (mail = (await readMail('seller.tavan@baan.test', { wait: 20_000 })).find((m) => m.text.includes('Sofia Unsub'))) !== undefined, {
      timeout: 30_000,
    })
    .toBe(true);
  expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  const unsubscribeUrl = /<([^>]+)>/.exec(mail!.headers['list-unsubscribe'] ?? '')?.[1];
  expect(unsubscribeUrl).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]+$/);

  const oneClick = await request.post(new URL(unsubscribeUrl!).pathname, {
    data: 'List-Unsubscribe=One-Click',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(oneClick.status()).toBe(200);

  await signIn(page, 'seller.tavan@baan.test', { redirectTo: '/account/notifications?lng=en' });
  const byMail = page.getByLabel(/^New booking inquiry by e-mail$/i);
  await expect(byMail).not.toBeChecked();
  // Turned back on from the preferences page, as the host would.
  await byMail.check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(byMail).toBeChecked();
});
