import { expect, test } from '@playwright/test';
import { signIn, signInRequest } from './support.ts';

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
