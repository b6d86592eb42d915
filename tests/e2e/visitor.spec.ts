import { expect, test } from '@playwright/test';

test('a visitor finds communes by province and searches without diacritics', async ({ page }) => {
  await page.goto('/?lng=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Communes on Baan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Lào Cai/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Mae Hong Son/ })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search communes' }).fill('ta van');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=ta\+van/);
  const results = page.locator('.commune-list a');
  await expect(results).toHaveCount(1);
  await results.first().click();
  await expect(page).toHaveURL(/\/ta-van$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tả Van');
  for (const section of ['Handbook', 'Market', 'Tourism']) {
    await expect(page.locator('.sections').getByRole('link', { name: new RegExp(section) })).toBeVisible();
  }
  await page
    .locator('.sections')
    .getByRole('link', { name: /Market/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Market of Tả Van' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ta Van Shan Tuyet tea' })).toBeVisible();
  await page.goto('/ta-van');
  await page
    .locator('.sections')
    .getByRole('link', { name: /Tourism/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visit Tả Van' })).toBeVisible();
});

test('the language switch changes every page and sticks', async ({ page }) => {
  await page.goto('/ta-van');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  // A plain link afterwards (no ?lng=) keeps Vietnamese: the choice is remembered.
  await page.getByRole('link', { name: 'Baan', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

  await page.getByRole('link', { name: 'ไทย' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await page.goto('/ban-rak-thai');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('บ้านรักไทย');
  await expect(page.getByRole('link', { name: 'เข้าสู่ระบบ' })).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an unknown commune gets a translated 404 page', async ({ page }) => {
  const response = await page.goto('/khong-co-xa-nay?lng=vi');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  const thai = await page.goto('/gia-phu/no-such-page?lng=th');
  expect(thai?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('pages read and search forms work', async ({ page }) => {
    await page.goto('/?lng=en');
    await page.getByRole('searchbox', { name: 'Search communes' }).fill('nam dinh');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('.commune-list a')).toHaveCount(1);
    await expect(page.locator('.commune-list a')).toContainText('Giao Phong');
  });
});

test('the layout fits a 360 px phone without sideways scrolling', async ({ page }) => {
  for (const path of ['/?lng=vi', '/gia-phu?lng=th', '/login?lng=vi', '/signup?lng=en']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
