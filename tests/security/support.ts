import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';

export { DEMO_PASSWORD, fillSignIn, phone, signIn, signInRequest } from '../e2e/support.ts';

/**
 * Security tests replay each outside-probe finding against the built app over HTTP, on the same
 * server the e2e journeys use. They never throttle or change the shared demo accounts: a test that
 * needs an account it can lock out, rename or strip of a role makes its own with `newAccount`.
 */
export const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`;

let counter = 0;
/** A unique address for an account a test makes for itself. */
export function uniqueEmail(prefix = 'probe'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@baan.test`;
}

// Where this run's addresses start: random, so reruns against one server do not share counters.
let addressCounter = Math.floor(Math.random() * 131_072);
/**
 * The test server trusts one proxy hop (playwright.config.ts), so a request's client is the
 * right-most X-Forwarded-For address. Sign-in throttling and the request limits (sign-up,
 * password change, inquiry) count per client: a test that sends many sign-ins, sign-ups or
 * inquiries (a fuzz run, a throttling replay) sends `X-Forwarded-For: ownClientAddress()` so
 * it never spends the limits of loopback, where the journeys and the other tests come from.
 *
 * A client address of a test's own, only ever written into X-Forwarded-For (198.18.0.0/15, set
 * aside for testing); each call gives the next one.
 */
export function ownClientAddress(): string {
  addressCounter += 1;
  const n = addressCounter % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** A fresh cookie jar, as a second browser or an attacker's script would have. */
export async function freshContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'Accept-Language': 'en' } });
}

/** Signs up a new account through the form (signed in afterwards in `request`'s cookie jar). */
export async function newAccount(request: APIRequestContext, { email = uniqueEmail(), password = 'probe-password-2026', displayName = 'Probe Person' } = {}) {
  // From an address of its own (the test server trusts one proxy hop), so the many accounts the
  // security tests make never spend the sign-up limit of loopback, where the journeys come from.
  const response = await request.post('/signup', {
    form: { identifier: email, password, displayName, redirectTo: '/' },
    headers: { 'X-Forwarded-For': ownClientAddress() },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
  return { email, password, displayName };
}
