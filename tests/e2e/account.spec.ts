import { expect, test } from '@playwright/test';

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test('a person signs up, signs out and signs in again', async ({ page }) => {
  const email = `lan.${unique()}@example.vn`;
  await page.goto('/?lng=en');
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.getByLabel('Name').fill('Nguyễn Thị Lan');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('chè shan tuyết ngon');
  await page.getByLabel('Phone (optional)').fill('0912 345 678');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Lan' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password').fill('chè shan tuyết ngon');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Lan' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('invalid sign-up shows field errors in Vietnamese and keeps what was typed', async ({ page }) => {
    await page.goto('/signup?lng=vi');
    await page.locator('input[name=displayName]').fill('Lò Văn Páo');
    await page.locator('input[name=email]').fill('khong-phai-email');
    await page.locator('input[name=password]').fill('ngan');
    await page.locator('form.stack button[type=submit]').click();
    await expect(page.locator('input[name=displayName]')).toHaveValue('Lò Văn Páo');
    await expect(page.locator('input[name=email]')).toHaveValue('khong-phai-email');
    await expect(page.locator('input[name=email]')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-error')).toHaveCount(2);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });

  test('a duplicate e-mail gets a clear message', async ({ page }) => {
    await page.goto('/signup?lng=en');
    await page.locator('input[name=displayName]').fill('Someone Else');
    await page.locator('input[name=email]').fill('buyer@baan.test');
    await page.locator('input[name=password]').fill('a long enough password');
    await page.locator('form.stack button[type=submit]').click();
    await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
  });
});
