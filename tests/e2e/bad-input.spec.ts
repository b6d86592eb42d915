import { expect, test } from '@playwright/test';

test('an oversized upload gets a clear message and nothing is stored', async ({ page }) => {
  await page.goto('/login?lng=vi');
  await page.locator('input[name=identifier]').fill('official.giaophong@baan.test');
  await page.locator('input[name=password]').fill('baan-demo-2026');
  await page.locator('form.stack button[type=submit]').click();
  await expect(page.locator('header form button[type=submit]')).toBeVisible();
  await page.goto('/giao-phong/settings');
  const huge = Buffer.alloc(11 * 1024 * 1024, 0);
  huge.set([0xff, 0xd8, 0xff]);
  await page.locator('input[type=file]').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: huge });
  await page.locator('main form button[type=submit]').click();
  await expect(page.getByRole('alert')).toHaveText('Tệp lớn hơn 10 MB. Hãy chọn ảnh nhỏ hơn.');
  await page.goto('/giao-phong');
  await expect(page.locator('.hero img')).toHaveCount(0);
});

test('malformed requests get 4xx pages, never a 500', async ({ request }) => {
  const json = await request.post('/login', { data: { identifier: 'x' }, headers: { 'Content-Type': 'application/json' }, maxRedirects: 0 });
  expect(json.status()).toBe(400);
  const garbage = await request.post('/signup', {
    data: '--x\r\nnot multipart',
    headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
    maxRedirects: 0,
  });
  expect(garbage.status()).toBe(400);
  const huge = await request.post('/login', { form: { identifier: 'a@b.vn', password: 'x'.repeat(100_000) }, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  await request.post('/login', { form: { identifier: 'official.giaphu@baan.test', password: 'baan-demo-2026' }, maxRedirects: 0 });
  const badId = await request.post('/gia-phu/members', { form: { intent: 'revoke', invitationId: "1' or '1'='1" }, maxRedirects: 0 });
  expect(badId.status()).toBe(404);
  const badRole = await request.post('/gia-phu/members', { form: { intent: 'remove', userId: 'nobody', role: 'king' }, maxRedirects: 0 });
  expect(badRole.status()).toBe(404);
  const badIntent = await request.post('/gia-phu/members', { form: { intent: 'explode' }, maxRedirects: 0 });
  expect(badIntent.status()).toBe(400);
  const invite = await request.post('/gia-phu/members', { form: { intent: 'invite', identifier: 'not-an-email', role: 'seller' }, maxRedirects: 0 });
  expect(invite.status()).toBe(400);
  // No Accept-Language: the commune's default language (Vietnamese) answers.
  expect(await invite.text()).toContain('hoặc số điện thoại Việt Nam hay Thái Lan như 0912 345 678');
  const english = await request.post('/gia-phu/members', {
    form: { intent: 'invite', identifier: 'not-an-email', role: 'seller' },
    headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    maxRedirects: 0,
  });
  expect(await english.text()).toContain('Enter an email address, or a Vietnamese or Thai phone number such as 0912 345 678.');
});

test('a forged revision number in the handbook editor is a 400, not a 500', async ({ request }) => {
  await request.post('/login', { form: { identifier: 'editor.tavan@baan.test', password: 'baan-demo-2026' }, maxRedirects: 0 });
  for (const revision of ['abc', '', '1.5', '-3']) {
    const response = await request.post('/ta-van/handbook/pay-by-bank-qr/edit', { form: { intent: 'unpublish', revision }, maxRedirects: 0 });
    expect(response.status(), revision).toBe(400);
  }
  expect((await request.get('/ta-van/handbook/pay-by-bank-qr')).status()).toBe(200);
});
