import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, readMail, readSms } from './support.ts';

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test('a person signs up, signs out and signs in again', async ({ page }) => {
  const email = `lan.${unique()}@example.vn`;
  await page.goto('/?lng=en');
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.getByLabel('Name').fill('Nguyễn Thị Lan');
  await page.getByLabel('Email or phone number').fill(email);
  await page.getByLabel('Password').fill('chè shan tuyết ngon');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Lan' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email or phone number').fill(email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email, phone number or password is not right.');
  await expect(page.getByLabel('Email or phone number')).toHaveValue(email);
  await page.getByLabel('Password').fill('chè shan tuyết ngon');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Lan' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('invalid sign-up shows field errors in Vietnamese and keeps what was typed', async ({ page }) => {
    await page.goto('/signup?lng=vi');
    await page.locator('input[name=displayName]').fill('Lò Văn Páo');
    await page.locator('input[name=identifier]').fill('khong-phai-email');
    await page.locator('input[name=password]').fill('ngan');
    await page.locator('form.stack button[type=submit]').click();
    await expect(page.locator('input[name=displayName]')).toHaveValue('Lò Văn Páo');
    await expect(page.locator('input[name=identifier]')).toHaveValue('khong-phai-email');
    await expect(page.locator('input[name=identifier]')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-error')).toHaveCount(2);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });

  test('a duplicate e-mail gets a clear message', async ({ page }) => {
    await page.goto('/signup?lng=en');
    await page.locator('input[name=displayName]').fill('Someone Else');
    await page.locator('input[name=identifier]').fill('buyer@baan.test');
    await page.locator('input[name=password]').fill('a long enough password');
    await page.locator('form.stack button[type=submit]').click();
    await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
  });
});

test('a villager signs up with a phone number, verifies it with the SMS code, and later resets the password by SMS', async ({ page }) => {
  // A number of its own per run: 091 + 7 digits is a Vietnamese mobile number.
  const local = `091${String(Date.now()).slice(-7)}`;
  const e164 = `+84${local.slice(1)}`;
  await page.goto('/signup?lng=vi');
  await page.getByLabel('Họ và tên').fill('Lò Văn Páo');
  await page.getByLabel('Email hoặc số điện thoại').fill(`${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}`);
  await page.getByLabel('Mật khẩu').fill('ruộng bậc thang mùa lúa');
  await page.locator('form.stack button[type=submit]').click();
  // Straight to the code page.
  await expect(page).toHaveURL(/\/verify/);
  await expect.poll(async () => (await readSms(e164)).length).toBeGreaterThan(0);
  const code = /([0-9]{6})/.exec((await readSms(e164)).at(-1)!.text)![1]!;
  await page.getByLabel('Mã').fill('000000' === code ? '111111' : '000000');
  await page.getByRole('button', { name: 'Xác minh' }).click();
  await expect(page.getByText('Mã không đúng')).toBeVisible();
  await page.getByLabel('Mã').fill(code);
  await page.getByRole('button', { name: 'Xác minh' }).click();
  await expect(page.getByText('Số điện thoại của bạn đã được xác minh.')).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // Forgotten password: the number gets a code by SMS.
  await page.goto('/login?lng=vi');
  await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await page.getByLabel('Email hoặc số điện thoại').fill(local);
  await page.getByRole('button', { name: 'Gửi' }).click();
  await expect(page.getByRole('status')).toContainText('mã đang được gửi qua SMS');
  await page.getByRole('link', { name: /Bạn có mã/ }).click();
  await expect.poll(async () => (await readSms(e164)).length).toBeGreaterThan(1);
  const reset = /([0-9]{6})/.exec((await readSms(e164)).at(-1)!.text)![1]!;
  await expect(page.getByLabel('Email hoặc số điện thoại')).toHaveValue(e164);
  await page.getByLabel('Mã').fill(reset);
  await page.getByLabel('Mật khẩu mới').fill('mật khẩu mới sau khi quên');
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Mật khẩu của bạn đã được đổi')).toBeVisible();
  await page.getByLabel('Email hoặc số điện thoại').fill(e164);
  await page.getByLabel('Mật khẩu').fill('mật khẩu mới sau khi quên');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('link', { name: 'Lò Văn Páo' })).toBeVisible();
});

test('a person adds a phone number and moves the account to a new e-mail address; the old address undoes it and the owner sets a new password', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const oldEmail = `old.${stamp}@example.vn`;
  const newEmail = `new.${stamp}@example.vn`;
  const local = `098${String(stamp).slice(-7)}`;
  const e164 = `+84${local.slice(1)}`;
  await page.goto('/signup?lng=en');
  await page.getByLabel('Name').fill('Vàng Thị Mai');
  await page.getByLabel('Email or phone number').fill(oldEmail);
  await page.getByLabel('Password').fill('terraces in the rain');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('link', { name: 'Vàng Thị Mai' })).toBeVisible();
  await expect.poll(async () => (await readMail(oldEmail)).length).toBeGreaterThan(0);
  const verify = /https?:\/\/[^\s]+\/verify\/email\/[a-z2-7]{32}/.exec((await readMail(oldEmail))[0]!.text)![0];
  await page.goto(new URL(verify).pathname);
  await expect(page).toHaveURL(/\/account$/);

  // A phone number: the code goes to it; the account has it once the code is typed.
  const address = () => page.getByRole('region', { name: 'E-mail address and phone number' });
  await address().getByLabel('New e-mail address or phone number').fill(local);
  await address().getByLabel('Current password').fill('not my password');
  await address().getByRole('button', { name: 'Send a code or link' }).click();
  await expect(address().getByText('Your current password is not right.')).toBeVisible();
  await address().getByLabel('Current password').fill('terraces in the rain');
  await address().getByRole('button', { name: 'Send a code or link' }).click();
  await expect(page).toHaveURL(/\/verify$/);
  await expect(page.getByRole('main')).toContainText(`+84 ${local.slice(1, 3)}`);
  await expect.poll(async () => (await readSms(e164)).length).toBeGreaterThan(0);
  await page.getByLabel('Code').fill(/([0-9]{6})/.exec((await readSms(e164)).at(-1)!.text)![1]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Your phone number is verified.')).toBeVisible();
  await expect.poll(async () => (await readMail(oldEmail)).some((m) => m.subject === 'A phone number was added to your Baan account')).toBe(true);

  // A new e-mail address: nothing changes until its owner, signed in, confirms the link.
  await page.goto('/account?lng=en');
  await address().getByLabel('New e-mail address or phone number').fill(newEmail);
  await address().getByLabel('Current password').fill('terraces in the rain');
  await address().getByRole('button', { name: 'Send a code or link' }).click();
  await expect(page.getByRole('status').first()).toContainText('We sent a link to n•••@example.vn');
  await expect(page.getByRole('main')).toContainText(`Waiting for you to open the link we sent to ${newEmail}`);
  await expect.poll(async () => (await readMail(newEmail)).length).toBeGreaterThan(0);
  const link = new URL(/https?:\/\/[^\s]+\/verify\/email\/[a-z2-7]{32}/.exec((await readMail(newEmail))[0]!.text)![0]).pathname;
  // Opened without the session (a stranger, a scanner): it asks for a sign-in, and changes nothing.
  const stranger = await browser.newContext();
  const strangerTab = await stranger.newPage();
  await strangerTab.goto(link);
  await expect(strangerTab).toHaveURL(/\/login\?redirectTo=/);
  await stranger.close();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Change your e-mail address' })).toBeVisible();
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('status').first()).toContainText(`Your account's e-mail address is now ${newEmail}`);
  await expect(page.getByRole('main')).not.toContainText(oldEmail);
  await expect.poll(async () => (await readMail(oldEmail)).some((m) => m.subject === 'The e-mail address of your Baan account was changed')).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

  // It was not the owner after all: the old address undoes it, everyone is signed out, a new password is set.
  const notice = (await readMail(oldEmail)).find((m) => m.subject === 'The e-mail address of your Baan account was changed')!;
  const undo = new URL(/https?:\/\/[^\s]+\/account\/undo\/[a-z2-7]{32}/.exec(notice.text)![0]).pathname;
  const owner = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
  const ownerTab = await owner.newPage();
  await ownerTab.goto(`${undo}?lng=en`);
  await expect(ownerTab.getByRole('main')).toContainText('o•••@example.vn becomes your account');
  await ownerTab.getByRole('button', { name: 'Undo the change' }).click();
  await expect(ownerTab).toHaveURL(/\/reset-password\/[a-z2-7]{32}$/);
  await expect(ownerTab.getByRole('status').first()).toContainText('The change is undone');
  await ownerTab.getByLabel('New password').fill('the owner takes it back');
  await ownerTab.locator('main form button[type=submit]').click();
  await expect(ownerTab).toHaveURL(/\/login/);
  await owner.close();
  // The session that made the change is over.
  await page.goto('/account?lng=en');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email or phone number').fill(oldEmail);
  await page.getByLabel('Password').fill('the owner takes it back');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Vàng Thị Mai' })).toBeVisible();
});

test('signing in from an English page to a Vietnamese one shows the next page in Vietnamese, as the browser navigates', async ({ page }) => {
  // With the sign-in page hydrated, the redirect is followed in the browser: the server renders
  // the members page's data in Vietnamese (?lng=vi), and the page's own words must follow.
  await page.goto(`/login?lng=en&redirectTo=${encodeURIComponent('/ta-van/members?lng=vi')}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email or phone number').fill('official.tavan@baan.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/ta-van\/members\?lng=vi$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Thành viên' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
});
