import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** Every demo account's password (README). */
export const DEMO_PASSWORD = 'baan-demo-2026';

/** Signs in through the form, in English, then goes on to `redirectTo` as a person would. `email`: an e-mail address or a phone number. */
export async function signIn(page: Page, email: string, { redirectTo, password = DEMO_PASSWORD }: { redirectTo?: string; password?: string } = {}) {
  await page.goto(`/login?lng=en${redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : ''}`);
  await fillSignIn(page, email, password);
}

/** Fills in the sign-in form the page shows (e.g. where checkout sent the buyer), and sends it. */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Email or phone number').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs an API context in; its later requests carry the session. */
export async function signInRequest(request: APIRequestContext, email: string) {
  const response = await request.post('/login', { form: { identifier: email, password: DEMO_PASSWORD, redirectTo: '/' }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

/** A phone of its own (360 px, touch, English), for a second person in a test. */
export async function phone(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 }, hasTouch: true });
  return { context, page: await context.newPage() };
}

// ---- Mail and SMS the app sent (placeholder) ---------------------------------------------------
// The delivery part of issue #13 replaces these with readers of the mail and SMS fakes that
// playwright.config.ts starts; the specs of the accounts part call them with these signatures.
/** The mail sent to an address, oldest first. */
export async function readMail(to: string): Promise<{ subject: string; text: string }[]> {
  throw new Error(`readMail(${to}): the mail fake is not wired in yet`);
}
/** The SMS sent to an E.164 number, oldest first. */
export async function readSms(to: string): Promise<{ text: string }[]> {
  throw new Error(`readSms(${to}): the SMS fake is not wired in yet`);
}
