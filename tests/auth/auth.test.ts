import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, memberships, sessions, signInThrottle, users } from '#db/schema/index.ts';
import { changePassword, signIn, signUp } from '~/auth/accounts.server.ts';
import { SignUpSchema, safeRedirect } from '~/auth/schemas.ts';
import {
  countLiveSessions,
  createSession,
  generateSessionToken,
  sessionCookie,
  sessionIdFromToken,
  validateSessionToken,
} from '~/auth/session.server.ts';
import { THROTTLE } from '~/auth/throttle.server.ts';
import { acceptInvitation, getInvitationByToken, inviteMember, revokeInvitation } from '~/members/members.server.ts';
import { isCrossSiteMutation } from '~/lib/security.server.ts';
import { makeCommune, makeMember, makeUser, PASSWORD } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
const platform = () => scopeFor(database, null, null);

describe('sign-up', () => {
  it('creates an account with an argon2id hash and a session', async () => {
    const input = SignUpSchema.parse({ email: ' Lan.Nguyen@Example.VN ', password: 'mật khẩu dài lắm', displayName: 'Nguyễn Thị Lan', phone: '0912 345 678' });
    const session = await signUp(platform(), input, 'vi');
    const [user] = await database.db.select().from(users).where(eq(users.id, session.userId));
    expect(user?.email).toBe('lan.nguyen@example.vn');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(session.token).toMatch(/^[a-z2-7]{32}$/);
    const validated = await validateSessionToken(platform(), session.token);
    expect(validated?.user.displayName).toBe('Nguyễn Thị Lan');
  });

  it('refuses a duplicate e-mail with a clear message and writes nothing', async () => {
    const existing = await makeUser(database);
    const before = await database.query<{ n: number }>('select count(*)::int as n from users');
    const input = SignUpSchema.parse({ email: existing.email.toUpperCase(), password: 'another long password', displayName: 'Someone' });
    await expect(signUp(platform(), input, 'en')).rejects.toMatchObject({ code: 'conflict', messageKey: 'auth:errors.emailTaken' });
    expect(await database.query<{ n: number }>('select count(*)::int as n from users')).toEqual(before);
  });

  it('validates fields with translated messages', () => {
    const result = SignUpSchema.safeParse({ email: 'not-an-email', password: 'short', displayName: '', phone: 'call me' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      email: 'auth:errors.emailInvalid',
      password: 'auth:errors.passwordTooShort',
      displayName: 'auth:errors.displayNameRequired',
      phone: 'auth:errors.phoneInvalid',
    });
  });
});

describe('sign-in', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    const user = await makeUser(database);
    const ok = await signIn(platform(), { email: user.email, password: PASSWORD }, '203.0.113.5');
    expect(ok.userId).toBe(user.id);
    await expect(signIn(platform(), { email: user.email, password: 'wrong password' }, '203.0.113.5')).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'auth:errors.wrongCredentials',
    });
    await expect(signIn(platform(), { email: 'nobody@example.vn', password: 'whatever it is' }, '203.0.113.5')).rejects.toMatchObject({
      messageKey: 'auth:errors.wrongCredentials',
    });
  });

  it('locks an account after repeated failures, even for the right password, then 429', async () => {
    const user = await makeUser(database);
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await expect(signIn(platform(), { email: user.email, password: `guess ${i}` }, `198.51.100.${i}`)).rejects.toMatchObject({ code: 'invalid' });
    }
    const locked = signIn(platform(), { email: user.email, password: PASSWORD }, '198.51.100.99');
    await expect(locked).rejects.toMatchObject({ code: 'too_many_requests', messageKey: 'auth:errors.throttled' });
    const error = (await locked.catch((e: unknown) => e)) as { details: { retryAfterSeconds: number } };
    expect(error.details.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('locks a client address that tries many accounts', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await signIn(platform(), { email: `spray${i}@example.vn`, password: 'password123' }, address).catch(() => {});
    }
    const user = await makeUser(database);
    await expect(signIn(platform(), { email: user.email, password: PASSWORD }, address)).rejects.toMatchObject({ code: 'too_many_requests' });
    // Another address is unaffected.
    await expect(signIn(platform(), { email: user.email, password: PASSWORD }, '192.0.2.78')).resolves.toMatchObject({ userId: user.id });
  });

  it('starts a new window after the old one passed', async () => {
    const user = await makeUser(database);
    const key = `account:${user.email}`;
    await database.db.insert(signInThrottle).values({ key, failures: THROTTLE.perAccount - 1, windowStartedAt: new Date(Date.now() - THROTTLE.windowMs - 1000) });
    await signIn(platform(), { email: user.email, password: 'wrong one' }, '192.0.2.10').catch(() => {});
    const [row] = await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
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
    expect(await database.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)))).toHaveLength(0);
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
    await expect(signIn(platform(), { email: user.email, password: PASSWORD }, '192.0.2.200')).rejects.toMatchObject({ code: 'invalid' });
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
});

describe('invitations', () => {
  it('invites with an outbox event in the same transaction, and the invitee joins once', async () => {
    const commune = await makeCommune(database);
    const official = await makeUser(database);
    await makeMember(database, commune.id, official.id, 'official');
    const scope = { ...scopeFor(database, commune.id, official.id), tenantId: commune.id, userId: official.id };
    const invited = await inviteMember(scope, { email: 'seller.new@example.vn', role: 'seller' }, 'https://baan.example', commune.slug);
    expect(invited.url).toBe(`https://baan.example/${commune.slug}/join/${invited.token}`);

    const outbox = await database.db.select().from(events).where(eq(events.tenantId, commune.id));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'member.invited', actorUserId: official.id, payload: { email: 'seller.new@example.vn', role: 'seller', url: invited.url } });

    const stranger = await makeUser(database);
    const strangerScope = { ...scope, userId: stranger.id };
    await expect(acceptInvitation(strangerScope, invited.token, stranger.email)).rejects.toMatchObject({ code: 'forbidden', messageKey: 'auth:join.wrongAccount' });

    const invitee = await makeUser(database, { email: 'seller.new@example.vn' });
    const role = await acceptInvitation({ ...scope, userId: invitee.id }, invited.token, invitee.email);
    expect(role).toBe('seller');
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, invitee.id));
    expect(rows.map((r) => r.role)).toEqual(['seller']);
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, invited.token, invitee.email)).rejects.toMatchObject({ code: 'conflict' });
    expect((await getInvitationByToken(scope, invited.token))?.status).toBe('accepted');
    const types = (await database.db.select().from(events).where(eq(events.tenantId, commune.id))).map((e) => e.type).sort();
    expect(types).toEqual(['member.invited', 'member.joined']);
  });

  it('does not accept a revoked invitation, and a failed invite writes no event', async () => {
    const commune = await makeCommune(database);
    const official = await makeUser(database);
    await makeMember(database, commune.id, official.id, 'official');
    const scope = { ...scopeFor(database, commune.id, official.id), tenantId: commune.id, userId: official.id };
    const invited = await inviteMember(scope, { email: 'editor.x@example.vn', role: 'editor' }, 'https://baan.example', commune.slug);
    await revokeInvitation(scope, invited.id);
    const invitee = await makeUser(database, { email: 'editor.x@example.vn' });
    await expect(acceptInvitation({ ...scope, userId: invitee.id }, invited.token, invitee.email)).rejects.toMatchObject({
      messageKey: 'auth:join.status.revoked',
    });
    const before = await database.db.select().from(events).where(eq(events.tenantId, commune.id));
    await expect(inviteMember(scope, { email: official.email, role: 'official' }, 'https://baan.example', commune.slug)).rejects.toMatchObject({
      messageKey: 'auth:errors.alreadyMember',
    });
    expect(await database.db.select().from(events).where(eq(events.tenantId, commune.id))).toHaveLength(before.length);
  });
});
