// Issue 11, items 2, 4, 5, 8, 13 and 14, replayed against the built app over HTTP (item 2 also
// in Chromium). The server trusts one proxy hop (playwright.config.ts), so each test that
// throttles or limits itself comes from X-Forwarded-For addresses of its own and never slows the
// journeys, which all come from loopback. Accounts are the tests' own; demo accounts only sign in.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { readMail } from '../e2e/support.ts';
import { BASE_URL, freshContext, newAccount, ownClientAddress, signInRequest, uniqueEmail } from './support.ts';

const ownAddress = ownClientAddress;
const via = (address: string) => ({ 'X-Forwarded-For': address });

function contextFrom(address: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'Accept-Language': 'en', ...via(address) } });
}

function signInForm(request: APIRequestContext, email: string, password: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return request.post('/login', { form: { identifier: email, password, redirectTo: '/', ...extra }, headers, maxRedirects: 0 });
}

test.describe('item 2 and 8: redirectTo after sign-in and sign-up', () => {
  const hostile = ['/\t/evil.example', '/\\evil.example', '//evil.example', '/./\n/evil.example', 'https://evil.example/', '/\r\nSet-Cookie: pwned=1'];

  test('sign-in and sign-up only ever redirect to a path on the site', async () => {
    const setup = await contextFrom(ownAddress());
    const account = await newAccount(setup);
    for (const redirectTo of hostile) {
      const request = await contextFrom(ownAddress());
      const signIn = await signInForm(request, account.email, account.password, { redirectTo });
      expect(signIn.status(), redirectTo).toBe(302);
      const location = signIn.headers()['location']!;
      expect(new URL(location, BASE_URL).origin, `${JSON.stringify(redirectTo)} → ${location}`).toBe(BASE_URL);
      expect(signIn.headers()['set-cookie'] ?? '').not.toContain('pwned');
      const email = uniqueEmail('redirect');
      const signUp = await request.post('/signup', {
        form: { identifier: email, password: 'probe-password-2026', displayName: 'Redirect Probe', redirectTo },
        maxRedirects: 0,
      });
      expect(signUp.status(), redirectTo).toBe(302);
      expect(new URL(signUp.headers()['location']!, BASE_URL).origin).toBe(BASE_URL);
      await request.dispose();
    }
    // The page that carries redirectTo into the form already neutralises it.
    const visitor = await freshContext();
    const page = await visitor.get(`/login?redirectTo=${encodeURIComponent('/\t/evil.example')}`);
    expect(await page.text()).toContain('name="redirectTo" value="/"');
    await Promise.all([setup.dispose(), visitor.dispose()]);
  });

  test('a redirectTo with non-Latin-1 text or CR/LF signs up exactly once and lands on the encoded path', async () => {
    const request = await contextFrom(ownAddress());
    const email = uniqueEmail('dac-san');
    const signUp = await request.post('/signup', {
      form: { identifier: email, password: 'probe-password-2026', displayName: 'Đặc Sản', redirectTo: '/gia-phu/market?q=đặc sản\r\n' },
      maxRedirects: 0,
    });
    expect(signUp.status()).toBe(302);
    expect(signUp.headers()['location']).toBe('/gia-phu/market?q=%C4%91%E1%BA%B7c%20s%E1%BA%A3n');
    expect(signUp.headers()['set-cookie']).toContain('baan_session=');
    // The account exists once: signing up again (as a stranger) is the ordinary "already taken", not a 500.
    const stranger = await contextFrom(ownAddress());
    const again = await stranger.post('/signup', {
      form: { identifier: email, password: 'probe-password-2026', displayName: 'Đặc Sản', redirectTo: '/' },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(409);
    const signIn = await signInForm(request, email, 'probe-password-2026', { redirectTo: '/gia-phu/market?q=đặc' });
    expect(signIn.status()).toBe(302);
    expect(signIn.headers()['location']).toBe('/gia-phu/market?q=%C4%91%E1%BA%B7c');
    await Promise.all([request.dispose(), stranger.dispose()]);
  });

  test('in Chromium, signing in from a hostile link stays on the site', async ({ browser }) => {
    const setup = await contextFrom(ownAddress());
    const account = await newAccount(setup);
    await setup.dispose();
    const context = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: via(ownAddress()) });
    const page = await context.newPage();
    const leftSite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(BASE_URL)) leftSite.push(r.url());
    });
    await page.goto(`/login?lng=en&redirectTo=${encodeURIComponent('/\t/evil.example')}`);
    await page.getByLabel('Email or phone number').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(BASE_URL);
    expect(leftSite.filter((url) => url.includes('evil.example'))).toEqual([]);
    await context.close();
  });
});

test.describe('item 13: a stale session cookie sent with the sign-in form', () => {
  test('does not undo a correct sign-in', async () => {
    const setup = await contextFrom(ownAddress());
    const account = await newAccount(setup);
    await setup.dispose();
    const request = await contextFrom(ownAddress());
    const stale = 'a'.repeat(32); // the shape of a token, for no live session
    const response = await signInForm(request, account.email, account.password, {}, { Cookie: `baan_session=${stale}` });
    expect(response.status()).toBe(302);
    const cookies = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value);
    const session = cookies.filter((c) => c.startsWith('baan_session='));
    // Exactly one session cookie, and it is the new one (no blank one after it).
    expect(session).toHaveLength(1);
    expect(session[0]).toMatch(/^baan_session=[a-z2-7]{32};/);
    const account_ = await request.get('/account', { maxRedirects: 0 });
    expect(account_.status()).toBe(200);
    expect(await account_.text()).toContain(account.email);
    await request.dispose();
  });
});

test.describe('item 5: sign-in throttling', () => {
  test('backs off one (account, client) pair with Retry-After, never the owner elsewhere or on a known device', async () => {
    const home = ownAddress();
    const attacker = ownAddress();
    // The owner signs in once from their phone: it becomes a known device.
    const phone = await contextFrom(home);
    const account = await newAccount(phone);
    const first = await signInForm(phone, account.email, account.password);
    expect(first.status()).toBe(302);
    expect(first.headers()['set-cookie']).toContain('baan_device=');

    const guesser = await contextFrom(attacker);
    for (let i = 0; i < 6; i++) {
      expect((await signInForm(guesser, account.email, `wrong guess ${i}`)).status()).toBe(400);
    }
    // The pair is held, for the right password too, with Retry-After on the HTML form's 429.
    const held = await signInForm(guesser, account.email, account.password);
    expect(held.status()).toBe(429);
    expect(Number(held.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(held.headers()['content-type']).toContain('text/html');
    // The first waits are seconds long, and the page says so.
    expect(await held.text()).toMatch(new RegExp(`Too many failed attempts. Please wait ${held.headers()['retry-after']} seconds?`));
    // Writing another X-Forwarded-For in front, or Baan's own client-address header, changes nothing:
    // with one trusted hop the client is the right-most address.
    const spoofed = await signInForm(
      guesser,
      account.email,
      account.password,
      {},
      { 'X-Forwarded-For': `203.0.113.1, ${attacker}`, 'x-baan-client-address': '203.0.113.2' },
    );
    expect(spoofed.status()).toBe(429);
    // The owner elsewhere, and the owner's known phone from the attacker's very address, sign in.
    const elsewhere = await contextFrom(ownAddress());
    expect((await signInForm(elsewhere, account.email, account.password)).status()).toBe(302);
    const phoneAtAttackerAddress = await signInForm(phone, account.email, account.password, {}, via(attacker));
    expect(phoneAtAttackerAddress.status()).toBe(302);
    await Promise.all([phone.dispose(), guesser.dispose(), elsewhere.dispose()]);
  });
});

test.describe('item 14: limits on anonymous inquiries, sign-ups and the change-password form', () => {
  test('sign-ups per client: 429 with Retry-After and no account once the limit is spent', async () => {
    const request = await contextFrom(ownAddress());
    let refused: Awaited<ReturnType<APIRequestContext['post']>> | null = null;
    let refusedEmail = '';
    for (let i = 0; i < 40 && !refused; i++) {
      const email = uniqueEmail('limit');
      const response = await request.post('/signup', {
        form: { identifier: email, password: 'probe-password-2026', displayName: 'Limit Probe', redirectTo: '/' },
        maxRedirects: 0,
      });
      if (response.status() === 429) {
        refused = response;
        refusedEmail = email;
      } else {
        expect(response.status()).toBe(302);
        // Signed in now: sign out so the next sign-up is a stranger's again.
        await request.post('/logout', { maxRedirects: 0 });
      }
    }
    expect(refused, 'the sign-up limit was reached').not.toBeNull();
    expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(60);
    expect(await refused!.text()).toContain('Too many attempts from here');
    // Nothing was written: the address is still free, from another client.
    const other = await contextFrom(ownAddress());
    const signUp = await other.post('/signup', {
      form: { identifier: refusedEmail, password: 'probe-password-2026', displayName: 'Limit Probe', redirectTo: '/' },
      maxRedirects: 0,
    });
    expect(signUp.status()).toBe(302);
    await Promise.all([request.dispose(), other.dispose()]);
  });

  test('the change-password form: per account and client, checking the current password, 429 with nothing changed', async () => {
    const request = await contextFrom(ownAddress());
    const account = await newAccount(request);
    for (let i = 0; i < 5; i++) {
      const wrong = await request.post('/account', { form: { currentPassword: `not it ${i}`, newPassword: 'a new password 2026' }, maxRedirects: 0 });
      expect(wrong.status()).toBe(400);
      expect(await wrong.text()).toContain('Your current password is not right');
    }
    const held = await request.post('/account', { form: { currentPassword: account.password, newPassword: 'a new password 2026' }, maxRedirects: 0 });
    expect(held.status()).toBe(429);
    expect(Number(held.headers()['retry-after'])).toBeGreaterThan(60);
    expect(await held.text()).toContain('Too many attempts from here');
    // The password did not change.
    const check = await contextFrom(ownAddress());
    expect((await signInForm(check, account.email, account.password)).status()).toBe(302);
    await Promise.all([request.dispose(), check.dispose()]);
  });

  test('anonymous inquiries per client: 429 with Retry-After, nothing sent', async () => {
    const request = await contextFrom(ownAddress());
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const form = { checkIn: day(30), checkOut: day(32), guests: '2', name: 'Limit Probe', phone: '0912 345 678', message: '' };
    const path = '/ban-rak-thai/tourism/lee-wine-tea-house';
    let sent = 0;
    let refused: Awaited<ReturnType<APIRequestContext['post']>> | null = null;
    for (let i = 0; i < 15 && !refused; i++) {
      const response = await request.post(path, { form, maxRedirects: 0 });
      if (response.status() === 429) refused = response;
      else {
        expect(response.status()).toBe(302);
        sent += 1;
      }
    }
    expect(sent).toBe(10);
    expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(60);
    expect(await refused!.text()).toContain('Too many attempts from here');
    await request.dispose();
  });
});

test.describe('item 4: an invitation grants a role only to the verified invited address (ADR 019)', () => {
  const canEdit = async (request: APIRequestContext) => (await request.get('/giao-phong/news/manage', { maxRedirects: 0 })).status();
  /** Opens the verification link mailed to `address` in `request`'s session (the mail fake of playwright.config.ts). */
  async function verifyMailedAddress(request: APIRequestContext, address: string) {
    const mails = await readMail(address);
    const path = /\/verify\/email\/[a-z2-7]{32}/.exec(mails.map((m) => m.text).join('\n'))?.[0];
    expect(path, `a verification link was mailed to ${address}`).toBeTruthy();
    expect((await request.get(path!, { maxRedirects: 0 })).status()).toBe(302);
  }

  test('the link shows no address; an account made from the link alone gets nothing until it verifies the address; then the role is given at once', async () => {
    const official = await freshContext();
    await signInRequest(official, 'official.giaophong@baan.test');
    const invited = uniqueEmail('invited');
    const invite = await official.post('/giao-phong/members', { form: { intent: 'invite', identifier: invited, role: 'editor' } });
    expect(invite.status()).toBe(200);
    const link = /\/giao-phong\/join\/([a-z2-7]{32})/.exec(await invite.text())?.[0];
    expect(link).toBeTruthy();
    const hint = `${invited[0]}•••@baan.test`;
    // The invitation itself was mailed to the invited address.
    expect((await readMail(invited)).some((m) => m.text.includes(link!))).toBe(true);

    // Whoever holds the link, signed out: a masked hint only, and nothing handed to the sign-up form.
    const visitor = await freshContext();
    const page = await (await visitor.get(link!)).text();
    expect(page).not.toContain(invited);
    expect(page).toContain(hint);
    expect(page).not.toContain('identifier=');

    // Another account holding the link: refused, told only the hint, nothing granted.
    const holder = await contextFrom(ownAddress());
    await newAccount(holder);
    expect(await (await holder.get(link!)).text()).not.toContain(invited);
    const refused = await holder.post(link!, { maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    const refusedText = await refused.text();
    expect(refusedText).toContain('This invitation was sent to another address');
    expect(refusedText).not.toContain(invited);
    expect(await canEdit(holder)).toBe(404);

    // Signing up with the invited address from the link alone: unverified, so asked to verify first; nothing granted.
    const acceptor = await contextFrom(ownAddress());
    await newAccount(acceptor, { email: invited.toUpperCase(), displayName: 'Người Nhận Lời' });
    const unverified = await acceptor.post(link!, { maxRedirects: 0 });
    expect(unverified.status()).toBe(403);
    expect(await unverified.text()).toContain('has not verified yet');
    expect(await canEdit(acceptor)).toBe(404);

    await verifyMailedAddress(acceptor, invited);
    const accepted = await acceptor.post(link!, { maxRedirects: 0 });
    expect(accepted.status()).toBe(302);
    expect(await canEdit(acceptor)).toBe(200);
    expect(await (await acceptor.get(link!)).text()).toContain('You are now an editor of this commune.');
    // Spent: accepting again, or from another account, brings nothing.
    expect((await holder.post(link!, { maxRedirects: 0 })).status()).toBe(409);
    await Promise.all([official.dispose(), visitor.dispose(), holder.dispose(), acceptor.dispose()]);
  });

  test('a recovery code: only an official of the member’s commune issues it, shown once; an editor or another commune’s official cannot', async () => {
    const official = await freshContext();
    await signInRequest(official, 'official.giaophong@baan.test');
    const members = await (await official.get('/giao-phong/members')).text();
    const userId = /name="intent" value="recover"\/><input type="hidden" name="userId" value="([0-9a-f-]{36})"/.exec(members)?.[1];
    expect(userId, 'a member with a recovery button').toBeTruthy();

    const outsider = await freshContext();
    await signInRequest(outsider, 'official.giaphu@baan.test');
    expect((await outsider.post('/giao-phong/members', { form: { intent: 'recover', userId: userId! }, maxRedirects: 0 })).status()).toBe(404);
    // In the outsider's own commune the member is not found either.
    expect((await outsider.post('/gia-phu/members', { form: { intent: 'recover', userId: userId! }, maxRedirects: 0 })).status()).toBe(404);
    const editor = await freshContext();
    await signInRequest(editor, 'editor.tavan@baan.test');
    expect((await editor.post('/ta-van/members', { form: { intent: 'recover', userId: userId! }, maxRedirects: 0 })).status()).toBe(404);

    const issued = await official.post('/giao-phong/members', { form: { intent: 'recover', userId: userId! }, maxRedirects: 0 });
    expect(issued.status()).toBe(200);
    expect(await issued.text()).toMatch(/One-time code for .+: [0-9]{8}\./);
    // Shown once: the members page does not show it again.
    expect(await (await official.get('/giao-phong/members')).text()).not.toMatch(/One-time code for/);
    await Promise.all([official.dispose(), outsider.dispose(), editor.dispose()]);
  });
});
