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
  // Signed in: the header's sign-out button, in whatever language the next page speaks (a
  // `?lng=` in redirectTo, on a full page load when the click came before hydration).
  await expect(page.locator('form[action="/logout"] button')).toBeVisible();
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

/** A mail the app sent, as the loopback SMTP server received it (tests/support/fakes.ts). */
export type ReadMail = { to: string[]; from: string; subject: string; text: string; html: string; messageId: string; headers: Record<string, string> };
/** An SMS the app sent, as the fake gateway received it. */
export type ReadSms = { to: string; text: string; ref: string; unicode: boolean; id: string };

const fakesUrl = () => process.env.E2E_FAKES_URL ?? 'http://127.0.0.1:3220';

async function readFake<T>(path: string, to: string, { wait = 10_000, count = 1 }: { wait?: number; count?: number }): Promise<T[]> {
  let found: T[] = [];
  await expect
    .poll(
      async () => {
        const response = await fetch(`${fakesUrl()}${path}?to=${encodeURIComponent(to)}`);
        found = (await response.json()) as T[];
        return found.length;
      },
      { timeout: wait, message: `${path.slice(1)} to ${to}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The mail sent to `to` so far, oldest first, waiting until at least `count` arrived (the job runner sends after the commit). */
export const readMail = (to: string, options: { wait?: number; count?: number } = {}) => readFake<ReadMail>('/mail', to, options);

/** The SMS sent to `to` (E.164) so far, oldest first, waiting until at least `count` arrived. */
export const readSms = (to: string, options: { wait?: number; count?: number } = {}) => readFake<ReadSms>('/sms', to, options);
