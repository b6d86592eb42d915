import { expect, test } from '@playwright/test';
import { readMail, signIn, signInRequest } from './support.ts';

test.describe('delivery health (operator)', () => {
  test.use({ javaScriptEnabled: false });

  test('the operator reads counts per channel and searches by address, without JavaScript, on a phone', async ({ page }) => {
    await signIn(page, 'operator@baan.test', { redirectTo: '/admin/messages' });
    await expect(page.getByRole('heading', { level: 1, name: 'Message delivery' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Last 24 hours' }).getByRole('rowheader', { name: 'E-mail' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Last 7 days' }).getByRole('rowheader', { name: 'SMS' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search by address or phone number' }).fill('nobody@example.org');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/admin\/messages\?q=nobody%40example\.org$/);
    await expect(page.getByRole('heading', { name: 'Messages to “nobody@example.org”' })).toBeVisible();
    await expect(page.getByText('No message to this address.')).toBeVisible();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test('the delivery view does not exist for a commune official, and the dev mailbox not on a production server', async ({ request, playwright }) => {
  await signInRequest(request, 'official.giaphu@baan.test');
  expect((await request.get('/admin/messages')).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get('/dev/mail')).status()).toBe(404);
  await anonymous.dispose();
});

test('a mail the relay accepted and could not deliver shows as bounced to the operator, from the relay’s report', async ({ page, browser }) => {
  // The loopback relay (tests/support/fakes.ts) accepts mail to bounce-later… addresses, then
  // POSTs a bounce report (RFC 3464) to Baan's /hooks/mail/bounces, as a provider's webhook would.
  const address = `bounce-later.${Date.now()}@example.org`;
  const visitor = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
  const tab = await visitor.newPage();
  await tab.goto('/signup?lng=en');
  await tab.getByLabel('Name').fill('Giàng A Dế');
  await tab.getByLabel('Email or phone number').fill(address);
  await tab.getByLabel('Password').fill('a typo in the address');
  await tab.getByRole('button', { name: 'Create account' }).click();
  await expect(tab.getByRole('link', { name: 'Giàng A Dế' })).toBeVisible();
  await expect.poll(async () => (await readMail(address)).length).toBe(1);
  await visitor.close();

  await signIn(page, 'operator@baan.test', { redirectTo: `/admin/messages?q=${encodeURIComponent(address)}` });
  // Listed under the search, and among the week's failures too: the same message.
  const message = page.locator('li.card', { hasText: address }).first();
  await expect
    .poll(async () => {
      await page.reload();
      return message.textContent();
    })
    .toContain('Bounced');
  await expect(message).toContainText('DSN 5.1.1 (failed)');
  await expect(message).toContainText('Recipient address rejected');
});
