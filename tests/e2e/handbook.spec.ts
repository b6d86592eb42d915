import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';
import sharp from 'sharp';

test('an editor writes an article in Vietnamese and publishes it; a reader reads it in English, then offline', async ({ page, browser }) => {
  const slug = `mang-wifi-${Date.now()}`;
  await page.goto('/login?lng=vi');
  await page.locator('input[name=identifier]').fill('editor.tavan@baan.test');
  await page.locator('input[name=password]').fill('baan-demo-2026');
  await page.locator('form.stack button[type=submit]').click();
  await expect(page.locator('header form button[type=submit]')).toBeVisible();

  await page.goto('/ta-van/handbook/new');
  await page.getByLabel('Địa chỉ trang', { exact: true }).fill(slug);
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Wi-Fi miễn phí ở nhà văn hóa thôn');
  await page
    .getByLabel('Nội dung', { exact: true })
    .fill('## Cách kết nối\n\n- Chọn mạng **NhaVanHoa-TaVan**\n- Hỏi mật khẩu ở tổ công nghệ số\n\n<script>alert(1)</script>');
  await expect(page.locator('.editor .prose h2')).toHaveText('Cách kết nối'); // live preview
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f6f4f' } })
    .jpeg()
    .toBuffer();
  await page.locator('input[name=photo]').setInputFiles({ name: 'nha-van-hoa.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('input[name=photoAlt]').fill('Nhà văn hóa thôn');
  await page.locator('button[value=upload]').click();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue(/!\[Nhà văn hóa thôn\]\(\/media\/[a-z2-7/]+-640\.webp\)/);
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Wi-Fi miễn phí ở nhà văn hóa thôn');
  await expect(page.locator('.editor .prose img')).toHaveAttribute('alt', 'Nhà văn hóa thôn');
  await page.locator('button[value=save]').click();
  await expect(page).toHaveURL(new RegExp(`/ta-van/handbook/${slug}/edit`));
  await page.locator('button[value=publish]').click();
  await expect(page).toHaveURL(new RegExp(`/ta-van/handbook/${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wi-Fi miễn phí ở nhà văn hóa thôn');
  await expect(page.locator('.prose script')).toHaveCount(0);
  await expect(page.locator('.prose img')).toHaveAttribute('src', /^\/media\//);
  await page.goto(`/ta-van/handbook/${slug}/history`);
  await expect(page.locator('.revisions > li')).toHaveCount(2); // created (with the photo), published
  await expect(page.locator('.changes').first()).toContainText('Tiếng Việt');

  const reader = await browser.newContext({ locale: 'en-GB' });
  const tab = await reader.newPage();
  await tab.goto(`/ta-van/handbook/${slug}`);
  await expect(tab.getByRole('note')).toContainText('not yet written in your language; it is shown in Tiếng Việt');
  await expect(tab.locator('article .prose')).toHaveAttribute('lang', 'vi');
  await expect(tab.locator('article h1')).toHaveAttribute('lang', 'vi');
  expect(await tab.locator('article').getAttribute('lang')).toBeNull();
  // The service worker takes over and keeps a copy of the page.
  await tab.waitForFunction(() => navigator.serviceWorker?.controller !== null || navigator.serviceWorker.ready.then(() => true));
  await tab.waitForTimeout(500);
  await tab.reload();
  await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await reader.setOffline(true);
  await tab.reload();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Wi-Fi miễn phí ở nhà văn hóa thôn');
  await expect(tab.locator('.prose li')).toHaveCount(2);
  // A page never opened (nor the index) gets the translated offline notice, in the reader's language.
  await tab.goto('/ta-van/handbook/never-opened-here').catch(() => {});
  await expect(tab.locator('h1')).toHaveText('No connection');
  await reader.setOffline(false);
  await reader.close();
});

test('a checklist tick survives a reload, with no account', async ({ page }) => {
  await page.goto('/ta-van/handbook?lng=en');
  const withChecklist = page.locator('.article-list a').first();
  await expect(withChecklist).toBeVisible();
  // Open the VNeID article, which carries the "activate to level 2" checklist.
  await page.goto('/ta-van/handbook/activate-vneid-level-2?lng=vi');
  const boxes = page.locator('.checklist input[type=checkbox]');
  expect(await boxes.count()).toBeGreaterThan(2);
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await expect(page.locator('[data-checklist-progress]')).toContainText('2');
  await page.reload();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
});

test('handbook search finds Vietnamese without diacritics and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto('/gia-phu/handbook');
  await page.getByRole('searchbox').fill('vneid');
  await page.locator('form[role=search] button').click();
  await expect(page.locator('.results li').first()).toBeVisible();
  await page.getByRole('searchbox').fill('thanh toan');
  await page.locator('form[role=search] button').click();
  await expect(page.locator('.results mark').first()).toBeVisible();
  await context.close();
});

test('commune B’s editor gets 404 on commune A’s editor and history pages', async ({ request }) => {
  await request.post('/login', { form: { identifier: 'editor.tavan@baan.test', password: 'baan-demo-2026' }, maxRedirects: 0 });
  expect((await request.get('/ta-van/handbook/new')).status()).toBe(200);
  expect((await request.get('/gia-phu/handbook/new')).status()).toBe(404);
  expect((await request.get('/gia-phu/handbook/activate-vneid-level-2/edit')).status()).toBe(404);
  expect((await request.get('/gia-phu/handbook/activate-vneid-level-2/history')).status()).toBe(404);
  expect(
    (await request.post('/gia-phu/handbook/activate-vneid-level-2/edit', { form: { intent: 'unpublish', revision: '1' }, maxRedirects: 0 })).status(),
  ).toBe(404);
  expect((await request.get('/gia-phu/handbook/activate-vneid-level-2')).status()).toBe(200);
});

test('a resident finds who to call and the news; the news is a valid feed', async ({ page, request }) => {
  await page.goto('/gia-phu/contacts?lng=vi');
  await expect(page.getByRole('heading', { level: 2, name: 'Tổ công nghệ số cộng đồng' })).toBeVisible();
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  await page.goto('/gia-phu/news?lng=vi');
  await expect(page.locator('.announcement.pinned h3')).toContainText('định danh điện tử');
  const rss = await request.get('/gia-phu/news.rss');
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  expect(await rss.text()).toContain('<rss version="2.0"');
  const atom = await request.get('/gia-phu/news.atom');
  expect(atom.headers()['content-type']).toContain('application/atom+xml');
  expect(await atom.text()).toContain('Hỗ trợ kích hoạt định danh điện tử');
});

test('an official adds an announcement; a feed on a private address is refused clearly', async ({ page }) => {
  await signIn(page, 'official.giaphu@baan.test');
  await page.goto('/gia-phu/news/manage?lng=en');
  await page.locator('input[name="title.vi"]').fill('Lịch thu gom rác mới');
  await page.locator('input[name="expiresAt"]').fill('2020-01-01');
  await page.getByRole('button', { name: 'Publish announcement' }).click();
  await expect(page.getByText('Choose a day in the future.')).toBeVisible();
  await expect(page.locator('input[name="title.vi"]')).toHaveValue('Lịch thu gom rác mới');
  await page.locator('input[name="expiresAt"]').fill('');
  await page.getByRole('button', { name: 'Publish announcement' }).click();
  await expect(page.getByText('The announcement is published.')).toBeVisible();

  await page.getByLabel('Feed address').fill('http://192.168.1.10/rss.xml');
  await page.getByRole('button', { name: 'Add feed' }).click();
  await expect(page.getByText('the first import failed')).toBeVisible();
  await expect(page.locator('.feed-log .error').first()).toContainText('private network');
  await page.goto('/gia-phu/news?lng=vi');
  await expect(page.getByText('Lịch thu gom rác mới')).toBeVisible();

  // A pinned announcement is the first thing on the commune's home page; an unpinned one is not there.
  await page.goto('/gia-phu/news/manage?lng=en');
  await page.locator('input[name="title.vi"]').fill('Cắt nước thứ Bảy');
  await page.locator('input[name="title.en"]').fill('Water cut on Saturday');
  await page.getByLabel('Pin to the top').check();
  await page.getByRole('button', { name: 'Publish announcement' }).click();
  await expect(page.getByText('The announcement is published.')).toBeVisible();
  const home = await page.context().browser()!.newContext({ locale: 'en-GB' });
  const reader = await home.newPage();
  await reader.goto('/gia-phu?lng=en');
  const pinned = reader.getByRole('region', { name: 'Notices from the commune' });
  await expect(pinned.getByRole('heading', { name: 'Water cut on Saturday' })).toBeVisible();
  await expect(reader.getByText('Lịch thu gom rác mới')).toHaveCount(0);
  await home.close();
});

test('an editor adds a checklist step in English; readers see it, and a bad link is refused', async ({ page }) => {
  await signIn(page, 'editor.tavan@baan.test', { redirectTo: '/ta-van/handbook/activate-vneid-level-2/checklist?in=en' });
  await expect(page.getByRole('heading', { level: 1, name: /^Checklist of/ })).toBeVisible();
  const blank = page.locator('.checklist-rows > li').filter({ hasText: 'New step' }).first();
  await blank.getByLabel('What to do').fill('Bring your chip-based citizen ID card');
  await blank.getByLabel('Link (optional)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save the checklist' }).click();
  await expect(page.getByText('Enter an address that starts with https://.')).toBeVisible();
  await page.locator('.checklist-rows > li').filter({ hasText: 'New step' }).first().getByLabel('Link (optional)').fill('');
  await page.getByRole('button', { name: 'Save the checklist' }).click();
  await expect(page.getByText('The checklist was saved.')).toBeVisible();
  await page.goto('/ta-van/handbook/activate-vneid-level-2?lng=en');
  await expect(page.locator('.checklist')).toContainText('Bring your chip-based citizen ID card');
});

test('“Save the whole handbook” is laid out from the first paint where scripts run, so the articles below never move', async ({ browser }) => {
  // Its visibility does not wait for the script: with offline.js not yet arrived it is already in place.
  const scripted = await browser.newContext({ locale: 'en-GB' });
  const page = await scripted.newPage();
  await page.route('**/offline.js', (route) => route.abort());
  await page.goto('/ta-van/handbook');
  await expect(page.locator('.save-offline')).toBeVisible();
  await scripted.close();
  // Without scripts it cannot work, and is not shown.
  const plain = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  const reader = await plain.newPage();
  await reader.goto('/ta-van/handbook');
  await expect(reader.locator('.save-offline')).toBeHidden();
  await expect(reader.locator('.pillar').first()).toBeVisible();
  await plain.close();
});

test('a template article opens in the editor in the commune’s own language', async ({ page }) => {
  // The national template comes in English, Vietnamese and Thai; a Thai commune adapts its Thai.
  await signIn(page, 'official.banrakthai@baan.test');
  await page.goto('/ban-rak-thai/handbook/recognise-scams/edit?lng=en');
  await expect(page.getByText('You are writing in ไทย.')).toBeVisible();
  await expect(page.locator('input[name="locale"]')).toHaveValue('th');
});
