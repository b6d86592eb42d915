import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, invitations, knownDevices, memberships, sessions, signInThrottle, users } from '#db/schema/index.ts';
import { changePassword, signIn, signUp } from '~/auth/accounts.server.ts';
import { SignUpSchema, safeRedirect } from '~/auth/schemas.ts';
import { countLiveSessions, createSession, generateSessionToken, sessionCookie, sessionIdFromToken, validateSessionToken } from '~/auth/session.server.ts';
import {
  ACCOUNT_CEILING,
  accountKey,
  backoffDelayMs,
  CLIENT_CEILING,
  clientKey,
  DEVICE_COOKIE,
  deviceCookie,
  deviceHash,
  generateDeviceToken,
  pairKey,
  readDeviceToken,
  recordFailure,
  THROTTLE,
} from '~/auth/throttle.server.ts';
import {
  acceptInvitation,
  confirmInvitation,
  getInvitationByToken,
  inviteMember,
  listAwaitingConfirmation,
  listMembers,
  listPendingInvitations,
  maskAddress,
  refuseInvitation,
  revokeInvitation,
} from '~/members/members.server.ts';
import { isCrossSiteMutation } from '~/lib/security.server.ts';
import { makeCommune, makeMember, makeUser, PASSWORD } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
const platform = () => scopeFor(database, null, null);
const asEmail = (value: string) => ({ kind: 'email' as const, value: value.trim().toLowerCase() });
const ORIGIN = 'https://baan.example';

describe('sign-up', () => {
  it('creates an account with an argon2id hash and a session', async () => {
    const input = SignUpSchema.parse({ identifier: ' Lan.Nguyen@Example.VN ', password: 'mật khẩu dài lắm', displayName: 'Nguyễn Thị Lan' });
    const session = await signUp(platform(), input, 'vi', ORIGIN);
    const [user] = await database.db.select().from(users).where(eq(users.id, session.userId));
    expect(user?.email).toBe('lan.nguyen@example.vn');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(session.token).toMatch(/^[a-z2-7]{32}$/);
    const validated = await validateSessionToken(platform(), session.token);
    expect(validated?.user.displayName).toBe('Nguyễn Thị Lan');
  });

  it('remembers the browser it was made on as a known device of the account', async () => {
    const input = SignUpSchema.parse({ identifier: 'device.owner@example.vn', password: 'a long enough password', displayName: 'Device Owner' });
    const { userId, deviceToken } = await signUp(platform(), input, 'en', ORIGIN);
    const devices = await database.db.select().from(knownDevices).where(eq(knownDevices.userId, userId));
    expect(devices).toHaveLength(1);
    expect(devices[0]!.deviceHash).not.toContain(deviceToken);
    // Each new account gets a fresh token: one the browser already held may have been planted.
    const again = SignUpSchema.parse({ identifier: 'second.account@example.vn', password: 'a long enough password', displayName: 'Second' });
    expect((await signUp(platform(), again, 'en', ORIGIN)).deviceToken).not.toBe(deviceToken);
  });

  it('refuses a duplicate e-mail with a clear message and writes nothing', async () => {
    const existing = await makeUser(database);
    const before = await database.query<{ n: number }>('select count(*)::int as n from users');
    const input = SignUpSchema.parse({ identifier: existing.email.toUpperCase(), password: 'another long password', displayName: 'Someone' });
    await expect(signUp(platform(), input, 'en', ORIGIN)).rejects.toMatchObject({ code: 'conflict', messageKey: 'auth:errors.emailTaken' });
    expect(await database.query<{ n: number }>('select count(*)::int as n from users')).toEqual(before);
  });

  it('validates fields with translated messages', () => {
    const result = SignUpSchema.safeParse({ identifier: 'not@an-email', password: 'short', displayName: '' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      identifier: 'auth:errors.emailInvalid',
      password: 'auth:errors.passwordTooShort',
      displayName: 'auth:errors.displayNameRequired',
    });
  });
});

const from = (address: string, deviceToken: string | null = null) => ({ address, deviceToken });

describe('sign-in', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    const user = await makeUser(database);
    const ok = await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.5'));
    expect(ok.userId).toBe(user.id);
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: 'wrong password' }, from('203.0.113.5'))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'auth:errors.wrongCredentials',
    });
    await expect(signIn(platform(), { identifier: asEmail('nobody@example.vn'), password: 'whatever it is' }, from('203.0.113.5'))).rejects.toMatchObject({
      messageKey: 'auth:errors.wrongCredentials',
    });
  });
});

describe('sign-in throttling', () => {
  const failures = async (email: string, client: string, n: number, deviceToken: string | null = null) => {
    for (let i = 0; i < n; i++) {
      await expect(signIn(platform(), { identifier: asEmail(email), password: `guess number ${i}` }, from(client, deviceToken))).rejects.toMatchObject({
        code: 'invalid',
      });
    }
  };
  const throttleRow = async (key: string) => (await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key)))[0];

  it('doubles the wait after the free failures, up to a cap', () => {
    const waits = Array.from({ length: 30 }, (_, i) => backoffDelayMs(i + 1));
    expect(waits.slice(0, THROTTLE.freeFailures)).toEqual(Array(THROTTLE.freeFailures).fill(0));
    expect(waits.slice(THROTTLE.freeFailures, THROTTLE.freeFailures + 4)).toEqual([1, 2, 4, 8].map((n) => n * THROTTLE.firstDelayMs));
    expect(Math.max(...waits)).toBe(THROTTLE.maxDelayMs);
    expect(waits.at(-1)).toBe(THROTTLE.maxDelayMs);
  });

  it('backs off one (account, client) pair, not the account for everyone', async () => {
    const user = await makeUser(database);
    await failures(user.email, '198.51.100.1', THROTTLE.freeFailures + 1);
    // The pair waits (429 with the seconds to wait), even with the right password…
    const held = signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.1'));
    await expect(held).rejects.toMatchObject({ code: 'too_many_requests', messageKey: 'auth:errors.throttled' });
    const seconds = ((await held.catch((e: unknown) => e)) as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(THROTTLE.firstDelayMs / 1000);
    // …while the owner elsewhere signs in at once.
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.2'))).resolves.toMatchObject({ userId: user.id });
    const row = await throttleRow(pairKey(user.email, '198.51.100.1'));
    expect(row?.failures).toBe(THROTTLE.freeFailures + 1);
  });

  it('grows the hold with each failure and forgets the run after its window', async () => {
    const key = pairKey('grow@example.vn', '192.0.2.30');
    const now = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < THROTTLE.freeFailures + 3; i++) await database.db.transaction((tx) => recordFailure(tx, key, { kind: 'backoff' }, now));
    expect((await throttleRow(key))?.lockedUntil?.getTime()).toBe(now.getTime() + 4 * THROTTLE.firstDelayMs);
    const later = new Date(now.getTime() + THROTTLE.backoffWindowMs + 1000);
    await database.db.transaction((tx) => recordFailure(tx, key, { kind: 'backoff' }, later));
    expect(await throttleRow(key)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('counts each attempt before checking the password, so a burst of parallel guesses gets no more tries', async () => {
    const user = await makeUser(database);
    const burst = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => signIn(platform(), { identifier: asEmail(user.email), password: `parallel guess ${i}` }, from('198.51.100.40'))),
    );
    const codes = burst.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'signed-in'));
    expect(codes.filter((c) => c === 'invalid')).toHaveLength(THROTTLE.freeFailures + 1);
    expect(codes.filter((c) => c === 'too_many_requests')).toHaveLength(20 - THROTTLE.freeFailures - 1);
    // Refused attempts are not counted: waiting out the hold is not punished.
    expect((await throttleRow(pairKey(user.email, '198.51.100.40')))?.failures).toBe(THROTTLE.freeFailures + 1);
  });

  it('takes back the counted attempt of a success from the ceilings', async () => {
    const user = await makeUser(database);
    await failures(user.email, '198.51.100.41', 2);
    await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.41'));
    expect((await throttleRow(accountKey(user.email)))?.failures).toBe(2);
    expect((await throttleRow(clientKey('198.51.100.41')))?.failures).toBe(2);
  });

  it('clears the pair after a success', async () => {
    const user = await makeUser(database);
    await failures(user.email, '198.51.100.20', THROTTLE.freeFailures - 1);
    await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.20'));
    expect(await throttleRow(pairKey(user.email, '198.51.100.20'))).toBeUndefined();
  });

  it('never holds the right password back on a device that signed in to the account before', async () => {
    const user = await makeUser(database);
    const first = await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.50'));
    expect(first.deviceToken).toMatch(/^[a-z2-7]{32}$/);
    // Someone else guesses from the owner's own network (same address) and from many others,
    // until the account is closed to unknown devices.
    await failures(user.email, '203.0.113.50', THROTTLE.freeFailures + 1);
    for (let i = 0; i < THROTTLE.perAccount.limit; i++) {
      await database.db.transaction((tx) => recordFailure(tx, accountKey(user.email), ACCOUNT_CEILING));
    }
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.77'))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.50'))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    // The owner's phone still signs in, from that address or any other.
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.50', first.deviceToken))).resolves.toMatchObject({
      userId: user.id,
    });
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('192.0.2.99', first.deviceToken))).resolves.toMatchObject({
      userId: user.id,
    });
    // A made-up device token, or one known only for another account, earns nothing.
    const other = await makeUser(database);
    const otherDevice = (await signIn(platform(), { identifier: asEmail(other.email), password: PASSWORD }, from('192.0.2.98'))).deviceToken;
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('192.0.2.98', otherDevice))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('192.0.2.98', generateDeviceToken()))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
  });

  it("keeps a browser's device token only when it is already known for the account: a planted one is replaced", async () => {
    const user = await makeUser(database);
    const planted = generateDeviceToken();
    const signedIn = await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.55', planted));
    expect(signedIn.deviceToken).not.toBe(planted);
    const devices = await database.db.select().from(knownDevices).where(eq(knownDevices.userId, user.id));
    expect(devices.map((d) => d.deviceHash)).toEqual([deviceHash(signedIn.deviceToken)]);
    // The known one is kept on the next sign-in.
    expect((await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.55', signedIn.deviceToken))).deviceToken).toBe(
      signedIn.deviceToken,
    );
  });

  it('backs a known device off by its own failures only (a copied device cookie is no free pass)', async () => {
    const user = await makeUser(database);
    const { deviceToken } = await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.60'));
    await failures(user.email, '203.0.113.60', THROTTLE.freeFailures + 1, deviceToken);
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.60', deviceToken))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    // The device's failures did not count against the pair or the ceilings of unknown devices.
    expect(await throttleRow(pairKey(user.email, '203.0.113.60'))).toBeUndefined();
    expect(await throttleRow(accountKey(user.email))).toBeUndefined();
  });

  it('holds a client spraying many accounts until its window ends, not longer; known devices pass', async () => {
    const client = '192.0.2.77';
    const owner = await makeUser(database);
    const { deviceToken } = await signIn(platform(), { identifier: asEmail(owner.email), password: PASSWORD }, from(client));
    const started = new Date();
    for (let i = 0; i < THROTTLE.perClient.limit; i++) {
      await database.db.transaction((tx) => recordFailure(tx, clientKey(client), CLIENT_CEILING, started));
    }
    const row = await throttleRow(clientKey(client));
    expect(row?.lockedUntil?.getTime()).toBe(started.getTime() + THROTTLE.perClient.windowMs);
    // More tries do not extend the hold.
    await database.db.transaction((tx) => recordFailure(tx, clientKey(client), CLIENT_CEILING, new Date(started.getTime() + 60_000)));
    expect((await throttleRow(clientKey(client)))?.lockedUntil?.getTime()).toBe(started.getTime() + THROTTLE.perClient.windowMs);

    const newcomer = await makeUser(database);
    await expect(signIn(platform(), { identifier: asEmail(newcomer.email), password: PASSWORD }, from(client))).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    await expect(signIn(platform(), { identifier: asEmail(newcomer.email), password: PASSWORD }, from('192.0.2.78'))).resolves.toMatchObject({
      userId: newcomer.id,
    });
    await expect(signIn(platform(), { identifier: asEmail(owner.email), password: PASSWORD }, from(client, deviceToken))).resolves.toMatchObject({
      userId: owner.id,
    });
    expect(await database.db.select().from(knownDevices).where(eq(knownDevices.userId, owner.id))).toHaveLength(1);
  });

  it('forgets every other device when the password changes', async () => {
    const user = await makeUser(database);
    const mine = (await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('203.0.113.70'))).deviceToken;
    const theirs = (await signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('198.51.100.70'))).deviceToken;
    await changePassword({ ...platform(), userId: user.id }, PASSWORD, 'a brand new password', mine);
    const kept = await database.db.select().from(knownDevices).where(eq(knownDevices.userId, user.id));
    expect(kept.map((d) => d.deviceHash)).toEqual([deviceHash(mine)]);
    expect(kept.map((d) => d.deviceHash)).not.toContain(deviceHash(theirs));
  });

  it('reads only device tokens Baan could have made from the cookie', () => {
    const token = generateDeviceToken();
    const request = (cookie: string) => new Request('https://baan.example/login', { headers: { Cookie: cookie } });
    expect(readDeviceToken(request(`baan_session=x; ${DEVICE_COOKIE}=${token}`))).toBe(token);
    expect(readDeviceToken(request(`${DEVICE_COOKIE}=not a token`))).toBeNull();
    expect(readDeviceToken(request(`${DEVICE_COOKIE}=${token}x`))).toBeNull();
    expect(deviceCookie(token, { secure: true })).toMatch(/^baan_device=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
  });
});

describe('sessions', () => {
  it('treats a tampered or unknown token as signed out', async () => {
    const user = await makeUser(database);
    const token = generateSessionToken();
    await createSession(platform(), token, user.id);
    const tampered = (token[0] === 'a' ? 'b' : 'a') + token.slice(1);
    expect(await validateSessionToken(platform(), tampered)).toBeNull();
    expect(await validateSessionToken(platform(), 'not a token; drop table users')).toBeNull();
    expect(await validateSessionToken(platform(), token)).not.toBeNull();
  });

  it('deletes an expired session and refuses it', async () => {
    const user = await makeUser(database);
    const token = generateSessionToken();
    await database.db.insert(sessions).values({ id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    expect(await validateSessionToken(platform(), token)).toBeNull();
    expect(
      await database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdFromToken(token))),
    ).toHaveLength(0);
  });

  it('slides a session forward to 30 days once half of it is used', async () => {
    const user = await makeUser(database);
    const token = generateSessionToken();
    await database.db.insert(sessions).values({ id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() + 5 * 86_400_000) });
    const result = await validateSessionToken(platform(), token);
    expect(result?.refreshed).toBe(true);
    expect(result!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const again = await validateSessionToken(platform(), token);
    expect(again?.refreshed).toBe(false);
  });

  it('stores only the SHA-256 of the token', async () => {
    const user = await makeUser(database);
    const token = generateSessionToken();
    await createSession(platform(), token, user.id);
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.id)).toEqual([sessionIdFromToken(token)]);
    expect(rows[0]!.id).not.toContain(token);
  });

  it('drops every session when the password changes', async () => {
    const user = await makeUser(database);
    const tokens = [generateSessionToken(), generateSessionToken()];
    for (const token of tokens) await createSession(platform(), token, user.id);
    const fresh = await changePassword({ ...platform(), userId: user.id }, PASSWORD, 'a brand new password');
    for (const token of tokens) expect(await validateSessionToken(platform(), token)).toBeNull();
    expect(await validateSessionToken(platform(), fresh.token)).not.toBeNull();
    expect(await countLiveSessions(platform(), user.id)).toBe(1);
    await expect(signIn(platform(), { identifier: asEmail(user.email), password: PASSWORD }, from('192.0.2.200'))).rejects.toMatchObject({ code: 'invalid' });
    await expect(changePassword({ ...platform(), userId: user.id }, 'wrong current', 'whatever else here')).rejects.toMatchObject({
      messageKey: 'auth:errors.currentPasswordWrong',
    });
  });

  it('sets the cookie HttpOnly, SameSite=Lax, and Secure when asked', () => {
    const cookie = sessionCookie('abc', new Date('2030-01-01T00:00:00Z'), { secure: true });
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
    expect(sessionCookie('abc', new Date(), { secure: false })).not.toContain('Secure');
  });
});

describe('CSRF defence', () => {
  const post = (headers: Record<string, string>) => new Request('https://baan.example/login', { method: 'POST', headers });
  it('refuses cross-site form posts and allows same-origin ones', () => {
    expect(isCrossSiteMutation(post({ 'Sec-Fetch-Site': 'cross-site' }))).toBe(true);
    expect(isCrossSiteMutation(post({ 'Sec-Fetch-Site': 'same-site' }))).toBe(true);
    expect(isCrossSiteMutation(post({ Origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSiteMutation(post({ Origin: 'null' }))).toBe(true);
    expect(isCrossSiteMutation(post({ 'Sec-Fetch-Site': 'same-origin', Origin: 'https://baan.example' }))).toBe(false);
    expect(isCrossSiteMutation(post({}))).toBe(false);
    expect(isCrossSiteMutation(new Request('https://baan.example/', { headers: { 'Sec-Fetch-Site': 'cross-site' } }))).toBe(false);
  });
  it('only redirects to local paths after sign-in', () => {
    expect(safeRedirect('/ta-van/members')).toBe('/ta-van/members');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
  });
  it("parses redirectTo as a browser would and keeps it on the site (the probe's values)", () => {
    // `%2F%09%2Fhost` decoded: the tab is dropped by the URL parser, leaving `//host`.
    expect(safeRedirect('/\t/evil.example')).toBe('/');
    expect(safeRedirect('/\n/evil.example')).toBe('/');
    expect(safeRedirect('/./\t/evil.example')).toBe('/');
    expect(safeRedirect('/.//evil.example')).toBe('/');
    expect(safeRedirect('/\\/evil.example')).toBe('/');
    expect(safeRedirect('javascript:alert(1)')).toBe('/');
    expect(safeRedirect('/x'.repeat(2000))).toBe('/');
    expect(safeRedirect(null)).toBe('/');
    // CR/LF cannot split the header; non-Latin-1 comes back percent-encoded, so a Location header can carry it.
    expect(safeRedirect('/market\r\nSet-Cookie: a=b')).toBe('/marketSet-Cookie:%20a=b');
    const vietnamese = safeRedirect('/gia-phu/market?q=đặc sản#chè');
    expect(vietnamese).toBe('/gia-phu/market?q=%C4%91%E1%BA%B7c%20s%E1%BA%A3n#ch%C3%A8');
    expect(() => new Headers({ Location: vietnamese })).not.toThrow();
    expect(safeRedirect('/ta-van/members?tab=pending#list')).toBe('/ta-van/members?tab=pending#list');
  });
});

describe('invitations', () => {
  async function communeWithOfficial() {
    const commune = await makeCommune(database);
    const official = { ...(await makeUser(database, { displayName: 'Cán Bộ Xã' })), displayName: 'Cán Bộ Xã' };
    await makeMember(database, commune.id, official.id, 'official');
    // As the members page's guard gives it: member.manage proven.
    const scope = permitted({ ...scopeFor(database, commune.id, official.id), tenantId: commune.id, userId: official.id }, ['member.manage'], {
      roles: ['official'],
    });
    return { commune, official, scope };
  }
  const rolesOfUser = async (userId: string) => (await database.db.select().from(memberships).where(eq(memberships.userId, userId))).map((r) => r.role);
  const eventTypes = async (tenantId: string) =>
    (await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, tenantId))).map((e) => e.type).sort();

  const jobsFor = (key: string) =>
    database.query<{ name: string; key: string; commune_id: string | null; payload: Record<string, unknown> }>(
      'select name, key, commune_id, payload from jobs where key = $1',
      [key],
    );

  it('invites by e-mail: a mail job in the same transaction, an outbox event without secrets; only the verified matching account gets the role, at once', async () => {
    const { commune, official, scope } = await communeWithOfficial();
    const invited = await inviteMember(scope, { identifier: asEmail('seller.new@example.vn'), role: 'seller' }, 'https://baan.example', commune.slug);
    expect(invited.url).toBe(`https://baan.example/${commune.slug}/join/${invited.token}`);

    const outbox = await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, commune.id));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      type: 'member.invited',
      actorUserId: official.id,
      payload: { invitationId: invited.id, channel: 'email', role: 'seller' },
    });
    expect(JSON.stringify(outbox[0]!.payload)).not.toContain(invited.token);
    const [job] = await jobsFor(`invitation:${invited.id}`);
    expect(job).toMatchObject({
      name: 'mail.send',
      commune_id: commune.id,
      payload: { to: 'seller.new@example.vn', essential: true, action: { url: invited.url } },
    });

    const stranger = await makeUser(database);
    await expect(acceptInvitation({ ...scope, userId: stranger.id }, invited.token)).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'auth:join.wrongAccount',
    });
    // Whoever holds the link signs up with the invited address: unverified, so asked to verify first, and nothing is granted.
    const invitee = await makeUser(database, { email: 'seller.new@example.vn', displayName: 'Lò Thị Xuân' });
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, invited.token)).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'auth:join.verifyFirst',
      details: { email: 's•••@example.vn' },
    });
    expect(await rolesOfUser(invitee.id)).toEqual([]);
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('pending');

    await database.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, invitee.id));
    expect(await acceptInvitation({ ...scope, userId: invitee.id }, invited.token)).toBe('seller');
    expect(await rolesOfUser(invitee.id)).toEqual(['seller']);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.id));
    expect(row).toMatchObject({ acceptedBy: invitee.id, confirmedBy: official.id, refusedAt: null });
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('confirmed');
    expect(await listAwaitingConfirmation(scope)).toEqual([]);
    expect(await listPendingInvitations(scope)).toEqual([]);
    expect(await eventTypes(commune.id)).toEqual(['member.invited', 'member.joined']);
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, invited.token)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'auth:join.status.confirmed',
    });
  });

  it('invites by phone: an SMS job with the link; a phone-only villager with the verified number gets the role', async () => {
    const { commune, scope } = await communeWithOfficial();
    const phone = { kind: 'phone' as const, value: '+84987654321' };
    const invited = await inviteMember(scope, { identifier: phone, role: 'seller' }, 'https://baan.example', commune.slug);
    const [job] = await jobsFor(`invitation:${invited.id}`);
    expect(job).toMatchObject({ name: 'sms.send', commune_id: commune.id, payload: { to: '+84987654321' } });
    expect(String(job!.payload.text)).toContain(invited.url);
    const pending = await listPendingInvitations(scope);
    expect(pending.map((p) => p.contact)).toEqual(['+84 987 654 321']);
    const villager = await makeUser(database, { email: null, phone: '+84987654321' });
    await expect(acceptInvitation({ ...scope, userId: villager.id }, invited.token)).rejects.toMatchObject({ messageKey: 'auth:join.verifyFirst' });
    await database.db.update(users).set({ phoneVerifiedAt: new Date() }).where(eq(users.id, villager.id));
    expect(await acceptInvitation({ ...scope, userId: villager.id }, invited.token)).toBe('seller');
    expect(await rolesOfUser(villager.id)).toEqual(['seller']);
    expect((await listMembers(scope)).find((m) => m.userId === villager.id)?.contact).toBe('+84 987 654 321');
  });

  it('an acceptance from before verified addresses still waits: refusing it grants nothing, records who refused, and the link stays spent', async () => {
    const { commune, official, scope } = await communeWithOfficial();
    const invited = await inviteMember(scope, { identifier: asEmail('not.them@example.vn'), role: 'official' }, 'https://baan.example', commune.slug);
    const acceptor = await makeUser(database, { email: 'not.them@example.vn' });
    await database.db.update(invitations).set({ acceptedAt: new Date(), acceptedBy: acceptor.id }).where(eq(invitations.id, invited.id));
    expect(await listAwaitingConfirmation(scope)).toEqual([expect.objectContaining({ id: invited.id, contact: 'not.them@example.vn' })]);
    await refuseInvitation(scope, invited.id);
    expect(await rolesOfUser(acceptor.id)).toEqual([]);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.id));
    expect(row).toMatchObject({ refusedBy: official.id, confirmedAt: null, confirmedBy: null });
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('refused');
    await expect(acceptInvitation({ ...scope, userId: acceptor.id }, invited.token)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'auth:join.status.refused',
    });
    await expect(confirmInvitation(scope, invited.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await rolesOfUser(acceptor.id)).toEqual([]);
    expect(await eventTypes(commune.id)).toEqual(['member.acceptance_refused', 'member.invited']);
    // The database itself refuses a decision on an invitation nobody accepted.
    const other = await inviteMember(scope, { identifier: asEmail('nobody.yet@example.vn'), role: 'seller' }, 'https://baan.example', commune.slug);
    await expect(
      database.db.update(invitations).set({ confirmedAt: new Date(), confirmedBy: official.id }).where(eq(invitations.id, other.id)),
    ).rejects.toThrow();
    await expect(confirmInvitation(scope, other.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('binds an invitation to the invited address: another account holding the link is refused, told only a masked hint, and gets nothing', async () => {
    const { commune, scope } = await communeWithOfficial();
    const invited = await inviteMember(scope, { identifier: asEmail('ward.editor@example.vn'), role: 'editor' }, 'https://baan.example', commune.slug);
    const holder = await makeUser(database, { email: 'link.holder@example.vn' });
    await expect(acceptInvitation({ ...scope, userId: holder.id }, invited.token)).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'auth:join.wrongAccount',
      details: { email: 'w•••@example.vn' },
    });
    expect(await rolesOfUser(holder.id)).toEqual([]);
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('pending');
    // Addresses compare trimmed and lower-cased, whatever the invitation row holds.
    await database.db.update(invitations).set({ email: ' Ward.Editor@Example.VN' }).where(eq(invitations.id, invited.id));
    const invitee = await makeUser(database, { email: 'ward.editor@example.vn', emailVerifiedAt: new Date() });
    expect(await acceptInvitation({ ...scope, userId: invitee.id }, invited.token)).toBe('editor');
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('confirmed');
  });

  it('masks an address to its first character and domain', () => {
    expect(maskAddress('nguyen.van.a@gmail.com')).toBe('n•••@gmail.com');
    expect(maskAddress(' Đặng@Example.VN ')).toBe('đ•••@example.vn');
    expect(maskAddress('not-an-address')).toBe('•••');
  });

  it('does not accept a revoked or expired invitation, and a failed invite writes no event', async () => {
    const { commune, official, scope } = await communeWithOfficial();
    const invited = await inviteMember(scope, { identifier: asEmail('editor.x@example.vn'), role: 'editor' }, 'https://baan.example', commune.slug);
    await revokeInvitation(scope, invited.id);
    const invitee = await makeUser(database, { email: 'editor.x@example.vn', emailVerifiedAt: new Date() });
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, invited.token)).rejects.toMatchObject({
      messageKey: 'auth:join.status.revoked',
    });
    const late = await inviteMember(scope, { identifier: asEmail('editor.x@example.vn'), role: 'seller' }, 'https://baan.example', commune.slug);
    await database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, late.id));
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, late.token)).rejects.toMatchObject({ messageKey: 'auth:join.status.expired' });
    expect(await rolesOfUser(invitee.id)).toEqual([]);
    const before = await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, commune.id));
    await expect(inviteMember(scope, { identifier: asEmail(official.email), role: 'official' }, 'https://baan.example', commune.slug)).rejects.toMatchObject({
      messageKey: 'auth:errors.alreadyMember',
    });
    expect(await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, commune.id))).toHaveLength(before.length);
  });
});
