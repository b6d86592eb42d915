import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support.ts';

// axe-core on the phone viewport (360 px, playwright.config.ts) against WCAG 2.0 and 2.1, levels A
// and AA: pages reached by a link from a mail, the reset pages in Vietnamese and Thai, the operator's
// tables, and a form showing its errors. A violation is fixed in the page or its CSS, never by turning
// a rule off.

/** Runs axe on the page as it is and fails with each violation's rule, help and offending nodes. */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

test('a seller’s inbox and notification preferences pass axe on a phone', async ({ page }) => {
  await signIn(page, 'seller.tavan@baan.test', { redirectTo: '/notifications?lng=en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectNoViolations(page);

  await page.goto('/account/notifications?lng=en');
  await expect(page.getByRole('heading', { level: 1, name: 'How you are told' })).toBeVisible();
  await expectNoViolations(page);
  // In Thai the table is wider than the phone: its scrolling box must be reachable by keyboard.
  await page.goto('/account/notifications?lng=th');
  await expectNoViolations(page);
});

test('the account page, with its address form showing an error, passes axe on a phone in Thai', async ({ page }) => {
  await signIn(page, 'buyer@baan.test', { redirectTo: '/account?lng=th' });
  await expect(page.locator('#change-address')).toBeVisible();
  await expectNoViolations(page);
  await page.locator('section[aria-labelledby=change-address] input[name=identifier]').fill('not-an-address@');
  await page.locator('section[aria-labelledby=change-address] button[type=submit]').click();
  await expect(page.locator('section[aria-labelledby=change-address] [id$=-error]').first()).toBeVisible();
  await expectNoViolations(page);
});

test('an official’s members page, with its table of members, passes axe on a phone', async ({ page }) => {
  await signIn(page, 'official.tavan@baan.test', { redirectTo: '/ta-van/members?lng=vi' });
  await expect(page.locator('#members-title')).toBeVisible();
  await expectNoViolations(page);
});

test('the page of an unsubscribe link that does not exist passes axe', async ({ page }) => {
  await page.goto('/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaa?lng=en');
  await expect(page.getByText('This link does not work.')).toBeVisible();
  await expectNoViolations(page);
});

test('the password reset pages pass axe in Vietnamese and in Thai', async ({ page }) => {
  await page.goto('/reset-password?lng=vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Đặt lại mật khẩu' })).toBeVisible();
  await expectNoViolations(page);

  await page.goto('/reset-password/code?lng=th');
  await expect(page.getByRole('heading', { level: 1, name: 'ตั้งรหัสผ่านใหม่ด้วยรหัส' })).toBeVisible();
  await expectNoViolations(page);
});

test('the reset-by-code form sent empty shows its errors and still passes axe', async ({ page }) => {
  await page.goto('/reset-password/code?lng=en');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectNoViolations(page);
});

test('a buyer’s phone verification page passes axe', async ({ page }) => {
  await signIn(page, 'buyer@baan.test', { redirectTo: '/verify?lng=en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your phone number' })).toBeVisible();
  await expectNoViolations(page);
});

test('the operator’s job queue and message log pass axe on a phone', async ({ page }) => {
  await signIn(page, 'operator@baan.test', { redirectTo: '/admin/jobs?lng=en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeVisible();
  await expectNoViolations(page);

  await page.goto('/admin/messages?lng=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin/messages');
  await expectNoViolations(page);
});
