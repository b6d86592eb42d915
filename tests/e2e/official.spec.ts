import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { phone, readMail, signIn } from './support.ts';

test('an official invites a seller by e-mail, who signs up from the link, verifies the address from the mail and accepts: the role is given at once', async ({
  page,
  browser,
}) => {
  const email = `seller.${Date.now()}@example.vn`;
  await signIn(page, 'official.giaphu@baan.test');
  await page.goto('/gia-phu');
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.getByLabel('Email or phone number', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('seller');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/gia-phu\/join\/[a-z2-7]{32}$/);
  await expect(page.getByRole('region', { name: 'Pending invitations' }).getByText(email)).toBeVisible();
  // The invitation went out by mail, in the commune's language, with the same link.
  await expect.poll(async () => (await readMail(email)).some((m) => m.text.includes(link))).toBe(true);

  const invitee = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
  const tab = await invitee.newPage();
  await tab.goto(link);
  await expect(tab.locator('html')).toHaveAttribute('lang', 'vi');
  // Whoever holds the link sees only a hint of the invited address, and types it themselves.
  await expect(tab.getByRole('main')).toContainText('s•••@example.vn');
  await expect(tab.getByRole('main')).not.toContainText(email);
  await tab.getByRole('main').getByRole('link', { name: 'Tạo tài khoản' }).click();
  await expect(tab.getByLabel('Email hoặc số điện thoại')).toHaveValue('');
  await tab.getByLabel('Email hoặc số điện thoại').fill(email);
  await tab.getByLabel('Họ và tên').fill('Lò Thị Xuân');
  await tab.getByLabel('Mật khẩu').fill('mật ong rừng Gia Phú');
  await tab.locator('form.stack button[type=submit]').click();
  await expect(tab).toHaveURL(/\/gia-phu\/join\//);
  // Not verified yet: asked to verify first, with no button to accept.
  await expect(tab.getByRole('main')).toContainText('chưa xác minh');
  await expect(tab.locator('main form button[type=submit]')).toHaveCount(0);

  const verification = (await readMail(email)).map((m) => m.text).join('\n');
  const verify = /https?:\/\/[^\s]+\/verify\/email\/[a-z2-7]{32}/.exec(verification)?.[0];
  expect(verify).toBeTruthy();
  await tab.goto(new URL(verify!).pathname);
  await expect(tab).toHaveURL(/\/account$/);
  await tab.goto(link);
  await tab.locator('main form button[type=submit]').click();
  await expect(tab.getByRole('main')).toContainText('Giờ bạn là người bán của xã này.');
  expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Pending invitations' }).getByText(email)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Waiting for your confirmation' })).toHaveCount(0);
  const row = page.getByRole('row', { name: /Lò Thị Xuân/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Seller');
  await invitee.close();
});

test('an official gives a phone-only member a one-time recovery code, and the member sets a new password with it', async ({ page, browser }) => {
  await signIn(page, 'official.giaphu@baan.test');
  await page.goto('/gia-phu/members?lng=en');
  await page.getByRole('button', { name: 'Make a one-time recovery code for Lò Thị Pằn' }).click();
  const notice = await page.getByTestId('recovery-code').innerText();
  const code = /([0-9]{8})/.exec(notice)?.[1];
  expect(code).toBeTruthy();

  const villager = await phone(browser);
  await villager.page.goto('/login?lng=vi');
  await villager.page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await villager.page.getByRole('link', { name: /Bạn có mã/ }).click();
  // The page before has a field of the same name: wait for the code page before typing.
  await expect(villager.page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới bằng mã' })).toBeVisible();
  await villager.page.getByLabel('Email hoặc số điện thoại').fill('0900 000 103');
  await villager.page.getByLabel('Mã').fill(code!);
  await villager.page.getByLabel('Mật khẩu mới').fill('mật khẩu mới của Pằn');
  await villager.page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(villager.page).toHaveURL(/\/login/);
  await villager.page.getByLabel('Email hoặc số điện thoại').fill('0900 000 103');
  await villager.page.getByLabel('Mật khẩu').fill('mật khẩu mới của Pằn');
  await villager.page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(villager.page.getByRole('link', { name: 'Lò Thị Pằn' })).toBeVisible();
  await villager.context.close();
});

test('an official uploads a cover photo; a bad file gets a clear message', async ({ page }) => {
  await signIn(page, 'official.tavan@baan.test');
  await page.goto('/ta-van/settings?lng=en');
  await page
    .getByLabel('Upload a new cover photo')
    .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a photo at all') });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('This file is not a JPEG, PNG or WebP photo.')).toBeVisible();

  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3b7a57' } })
    .jpeg()
    .toBuffer();
  await page.getByLabel('Upload a new cover photo').setInputFiles({ name: 'terraces.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/ta-van$/);
  await expect(page.getByText('The commune page was updated.')).toBeVisible();
  const image = page.locator('.hero img');
  await expect(image).toHaveAttribute('srcset', /320w.*640w.*1280w/);
  const src = await image.getAttribute('src');
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toContain('immutable');
});

test('an editor or seller does not see the officials’ pages', async ({ page }) => {
  await signIn(page, 'seller.tavan@baan.test');
  const response = await page.goto('/ta-van/members?lng=en');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
