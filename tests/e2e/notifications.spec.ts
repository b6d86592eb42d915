import { expect, test } from '@playwright/test';
import { phone, signIn } from './support.ts';

// Unrun in the notifications branch (the coordinator runs e2e after merging). The journey from an
// order to the seller's bell needs the outbox relay running in `npm start` (the jobs part).

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

test('an unsubscribe link that does not exist says so', async ({ page }) => {
  await page.goto('/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaa?lng=en');
  await expect(page.getByText('This link does not work.')).toBeVisible();
});
