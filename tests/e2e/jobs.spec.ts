import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

test('the operator sees the job queue; anyone else gets no such page', async ({ page }) => {
  await signIn(page, 'operator@baan.test', { redirectTo: '/admin/jobs?lng=en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Failed and dead jobs' })).toBeVisible();
  // The worker runs inside `npm start`: the schedules have queued their first slots.
  await expect(page.getByRole('heading', { name: 'Jobs by kind and state' })).toBeVisible();
  // No horizontal scrolling of the page itself on a phone (the table scrolls in its own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an official cannot open the job queue', async ({ page }) => {
  await signIn(page, 'official.giaphu@baan.test');
  const response = await page.goto('/admin/jobs?lng=en');
  expect(response?.status()).toBe(404);
});
