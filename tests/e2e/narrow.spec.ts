import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support.ts';

// Issue 14, item 7: every page with a form fits a 360 px phone without sideways scrolling, in the
// language with the longest words on it (date fields made the inquiry and event forms 20 px too
// wide). Each person sees the forms they can open.

async function overflowOf(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main form').first(), `${path} has a form`).toBeAttached();
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectFits(page: Page, paths: string[]) {
  expect(page.viewportSize()?.width).toBe(360);
  for (const path of paths) {
    for (const lng of ['vi', 'th', 'en']) {
      const address = `${path}${path.includes('?') ? '&' : '?'}lng=${lng}`;
      expect(await overflowOf(page, address), address).toBeLessThanOrEqual(0);
    }
  }
}

test('forms anyone opens fit 360 px: sign-in, sign-up, reset, a booking inquiry with its dates, the catalogue filters, selling', async ({ page }) => {
  await expectFits(page, ['/login', '/signup', '/reset-password', '/ta-van/tourism/homestay-giang-ta-chai', '/market', '/']);
});

test('an official’s forms fit 360 px: events with their dates, places, articles, news, contacts, settings, members, the desks', async ({ page }) => {
  await signIn(page, 'official.tavan@baan.test');
  await expectFits(page, [
    '/ta-van/events',
    '/ta-van/tourism/new',
    '/ta-van/handbook/new',
    '/ta-van/news/manage',
    '/ta-van/contacts/manage',
    '/ta-van/settings',
    '/ta-van/members',
    '/ta-van/market/manage',
    '/account',
    '/account/notifications',
  ]);
});

test('a seller’s forms fit 360 px: the shop, a new listing with its certificate dates', async ({ page }) => {
  await signIn(page, 'seller.tavan@baan.test', { redirectTo: '/ta-van/market/sell' });
  // The seller's own shop: the page the "sell" link leads a seller to.
  const dashboard = new URL(page.url()).pathname;
  expect(dashboard).toMatch(/^\/ta-van\/market\/sellers\/[0-9a-f-]{36}$/);
  await expectFits(page, [dashboard, `${dashboard}/products/new`]);
});

test('the operator’s forms fit 360 px: a new commune, the national handbook', async ({ page }) => {
  await signIn(page, 'operator@baan.test');
  await expectFits(page, ['/admin/communes/new', '/admin/handbook']);
});
