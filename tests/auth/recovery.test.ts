import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountCodes, outboxEvents, sessions, users } from '#db/schema/index.ts';
import { signIn, signUp } from '~/auth/accounts.server.ts';
import { hashCode, MAX_ATTEMPTS, useCode, issueCode } from '~/auth/codes.server.ts';
import { accountContact, countriesFor, maskIdentifier, parseIdentifier, parsePhone } from '~/auth/identity.ts';
import { grant, type Viewer } from '~/auth/permissions.ts';
import {
  issueRecoveryCode,
  requestPasswordReset,
  resendVerification,
  resetPasswordWithCode,
  resetPasswordWithToken,
  verifyEmailToken,
  verifyPhoneCode,
} from '~/auth/recovery.server.ts';
import { signUpSchema, SignUpSchema } from '~/auth/schemas.ts';
import { createSession, generateSessionToken, validateSessionToken } from '~/auth/session.server.ts';
import { withTenant } from '#db/scope.ts';
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
const ORIGIN = 'https://baan.example';
let clientN = 0;
/** A client address of its own for each test, so per-client limits of one test do not touch another. */
const client = () => `198.51.100.${++clientN}`;

type JobRow = {
  name: string;
  key: string;
  commune_id: string | null;
  payload: { to: string; text?: string; action?: { url: string }; subject?: string; locale: string };
};
/** The mail and SMS queued for an address (read as the owner: request code cannot read jobs). */
const jobsTo = (to: string) =>
  database.query<JobRow>(`select name, key, commune_id, payload from jobs where payload->>'to' = $1 order by created_at, id`, [to]);
const lastSmsCode = async (to: string) => {
  const sms = (await jobsTo(to)).filter((j) => j.name === 'sms.send');
  return /\b([0-9]{6})\b/.exec(sms.at(-1)?.payload.text ?? '')?.[1] ?? '';
};
const lastLinkToken = async (to: string, path: string) => {
  const mail = (await jobsTo(to)).filter((j) => j.name === 'mail.send' && j.payload.action?.url.includes(path));
  return mail.at(-1)?.payload.action?.url.split('/').at(-1) ?? '';
};

describe('identifiers', () => {
  it('reads Vietnamese and Thai numbers in local and international forms as E.164', () => {
    expect(parsePhone('0912 345 678', 'vi')).toBe('+84912345678');
    expect(parsePhone('091.234.5678', 'vi')).toBe('+84912345678');
    expect(parsePhone('+84 912 345 678', 'th')).toBe('+84912345678');
    expect(parsePhone('081-234-5678', 'th')).toBe('+66812345678');
    expect(parsePhone('+66 81 234 5678', 'vi')).toBe('+66812345678');
    // The same local digits are Vietnamese for a Vietnamese reader and Thai for a Thai one.
    expect(parsePhone('0912345678', 'vi')).toBe('+84912345678');
    expect(parsePhone('0912345678', 'th')).toBe('+66912345678');
    // Anyone else: Vietnamese first, then Thai.
    expect(countriesFor('en')).toEqual(['VN', 'TH']);
    expect(parsePhone('0912345678', 'en')).toBe('+84912345678');
    expect(parsePhone('02 123 4567', 'en')).toBe('+6621234567');
  });

  it('refuses what is not a Vietnamese or Thai number, or not an address', () => {
    for (const bad of ['12345', '0000000000', '+1 202 555 0143', 'call me', '0912 345 678 999', '+84 12']) expect(parsePhone(bad, 'vi')).toBeNull();
    expect(parseIdentifier('  Lan@Example.VN ', 'vi')).toEqual({ kind: 'email', value: 'lan@example.vn' });
    expect(parseIdentifier('0912 345 678', 'vi')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(parseIdentifier('lan@', 'vi')).toBeNull();
    expect(parseIdentifier('', 'vi')).toBeNull();
  });

  it('gives a translated message for a bad identifier', () => {
    const bad = signUpSchema('vi').safeParse({ identifier: '12345', password: 'a long enough password', displayName: 'Lan' });
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['identifier', 'auth:errors.identifierInvalid']]);
    const empty = signUpSchema('vi').safeParse({ identifier: ' ', password: 'a long enough password', displayName: 'Lan' });
    expect(empty.error?.issues[0]?.message).toBe('auth:errors.identifierRequired');
  });

  it('shows a phone-only account by its number, and masks addresses for strangers', () => {
    expect(accountContact({ email: null, phone: '+84912345678' })).toBe('+84 912 345 678');
    expect(accountContact({ email: 'a@b.vn', phone: '+84912345678' })).toBe('a@b.vn');
    expect(maskIdentifier('+84912345678')).toBe('+84 ••• ••• 678');
    expect(maskIdentifier('lan@example.vn')).toBe('l•••@example.vn');
  });
});

describe('phone accounts', () => {
  it('signs up with a phone number: stored E.164, unverified, an SMS code queued; signs in with the number in any form', async () => {
    const input = signUpSchema('vi').parse({ identifier: '0911 222 333', password: 'mật khẩu dài lắm', displayName: 'Lò Văn Páo' });
    const { userId } = await signUp(platform(), input, 'vi', ORIGIN);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email: null, phone: '+84911222333', phoneVerifiedAt: null });
    const [sms] = await jobsTo('+84911222333');
    expect(sms).toMatchObject({ name: 'sms.send', commune_id: null, payload: { locale: 'vi' } });
    expect(sms!.payload.text).toMatch(/Baan: mã của bạn là [0-9]{6}\./);
    // Only a hash is kept.
    const [code] = await database.db.select().from(accountCodes).where(eq(accountCodes.userId, userId));
    expect(code?.secretHash).not.toContain(await lastSmsCode('+84911222333'));

    const ok = await signIn(
      platform(),
      { identifier: { kind: 'phone', value: '+84911222333' }, password: 'mật khẩu dài lắm' },
      { address: client(), deviceToken: null },
    );
    expect(ok.userId).toBe(userId);
    const again = signUpSchema('en').parse({ identifier: '+84 911 222 333', password: 'another long password', displayName: 'Someone' });
    await expect(signUp(platform(), again, 'en', ORIGIN)).rejects.toMatchObject({ code: 'conflict', messageKey: 'auth:errors.phoneTaken' });
    // The refused sign-up sent nothing: the message is written in the account's transaction.
    expect(await jobsTo('+84911222333')).toHaveLength(1);
  });

  it('verifies the number with the SMS code, once; a wrong code counts and is refused', async () => {
    const input = signUpSchema('vi').parse({ identifier: '0933 444 555', password: 'a long enough password', displayName: 'Páo' });
    const { userId } = await signUp(platform(), input, 'vi', ORIGIN);
    const code = await lastSmsCode('+84933444555');
    const scope = { ...platform(), userId };
    const wrong = code === '000000' ? '000001' : '000000';
    await expect(verifyPhoneCode(scope, wrong, client(), ORIGIN)).rejects.toMatchObject({ code: 'invalid', messageKey: 'auth:errors.codeWrong' });
    const [row] = await database.db.select().from(accountCodes).where(eq(accountCodes.userId, userId));
    expect(row?.attempts).toBe(1);
    await verifyPhoneCode(scope, code, client(), ORIGIN);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user?.phoneVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyPhoneCode(scope, code, client(), ORIGIN)).rejects.toMatchObject({ messageKey: 'auth:errors.codeWrong' });
    await expect(resendVerification(scope, 'phone', ORIGIN)).rejects.toMatchObject({ messageKey: 'auth:verify.nothingToVerify' });
  });

  it('verifies an e-mail address by its link, once', async () => {
    const input = SignUpSchema.parse({ identifier: 'mai@example.vn', password: 'a long enough password', displayName: 'Mai' });
    const { userId } = await signUp(platform(), input, 'en', ORIGIN);
    const [mail] = await jobsTo('mai@example.vn');
    expect(mail).toMatchObject({ name: 'mail.send', payload: { essential: true, subject: 'Verify your email address for Baan' } });
    const token = await lastLinkToken('mai@example.vn', '/verify/email/');
    expect(mail!.payload.action!.url).toBe(`${ORIGIN}/verify/email/${token}`);
    expect(await verifyEmailToken(platform(), 'a'.repeat(32))).toBe(false);
    expect(await verifyEmailToken(platform(), token)).toBe(true);
    expect(await verifyEmailToken(platform(), token)).toBe(false);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe('verification resends', () => {
  it('sends a new link, cancelling the old one, and is limited per account (429)', async () => {
    const user = await makeUser(database, { email: 'resend.me@example.vn' });
    const scope = { ...platform(), userId: user.id };
    await resendVerification(scope, 'email', ORIGIN);
    const first = await lastLinkToken('resend.me@example.vn', '/verify/email/');
    await resendVerification(scope, 'email', ORIGIN);
    const second = await lastLinkToken('resend.me@example.vn', '/verify/email/');
    expect(second).not.toBe(first);
    expect(await verifyEmailToken(platform(), first)).toBe(false);
    for (let i = 0; i < 3; i++) await resendVerification(scope, 'email', ORIGIN);
    await expect(resendVerification(scope, 'email', ORIGIN)).rejects.toMatchObject({ code: 'too_many_requests' });
    expect(await verifyEmailToken(platform(), second)).toBe(false);
    const latest = await lastLinkToken('resend.me@example.vn', '/verify/email/');
    expect(await verifyEmailToken(platform(), latest)).toBe(true);
  });
});

describe('codes', () => {
  it('are single use, expire, and die after too many wrong tries (kept hashed, per account)', async () => {
    const user = await makeUser(database);
    await withTenant(platform(), async (tx) => {
      const code = await issueCode(tx, user.id, 'reset', null);
      expect(code).toMatch(/^[0-9]{6}$/);
      const [row] = await tx.select().from(accountCodes).where(eq(accountCodes.userId, user.id));
      expect(row?.secretHash).toBe(hashCode('reset', user.id, code));
      expect(await useCode(tx, user.id, ['reset'], code)).toMatchObject({ purpose: 'reset' });
      expect(await useCode(tx, user.id, ['reset'], code)).toBeNull();

      const expiring = await issueCode(tx, user.id, 'reset', null, { now: new Date(Date.now() - 31 * 60 * 1000) });
      expect(await useCode(tx, user.id, ['reset'], expiring)).toBeNull();

      const guessed = await issueCode(tx, user.id, 'reset', null);
      const wrong = guessed === '111111' ? '222222' : '111111';
      for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await useCode(tx, user.id, ['reset'], wrong)).toBeNull();
      // Out of attempts: even the right code no longer works.
      expect(await useCode(tx, user.id, ['reset'], guessed)).toBeNull();
      // A code of another purpose never works for this one.
      const other = await issueCode(tx, user.id, 'verify_phone', '+84900000000');
      expect(await useCode(tx, user.id, ['reset'], other)).toBeNull();
    });
  });
});

describe('password reset', () => {
  const account = async (overrides: Partial<typeof users.$inferInsert>) => {
    const user = await makeUser(database, overrides);
    const token = generateSessionToken();
    await createSession(platform(), token, user.id);
    return { ...user, sessionToken: token };
  };

  it('answers the same for an unknown address, and queues nothing', async () => {
    await expect(
      requestPasswordReset(platform(), { kind: 'email', value: 'nobody.here@example.vn' }, { client: client(), origin: ORIGIN }),
    ).resolves.toBeUndefined();
    await expect(requestPasswordReset(platform(), { kind: 'phone', value: '+84900111222' }, { client: client(), origin: ORIGIN })).resolves.toBeUndefined();
    expect(await jobsTo('nobody.here@example.vn')).toEqual([]);
    expect(await jobsTo('+84900111222')).toEqual([]);
  });

  it('by e-mail link: works once, ends every session, proves the address', async () => {
    const user = await account({ email: 'reset.me@example.vn' });
    await requestPasswordReset(platform(), { kind: 'email', value: 'reset.me@example.vn' }, { client: client(), origin: ORIGIN });
    const token = await lastLinkToken('reset.me@example.vn', '/reset-password/');
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    await resetPasswordWithToken(platform(), token, 'a brand new password');
    expect(await validateSessionToken(platform(), user.sessionToken)).toBeNull();
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.emailVerifiedAt).toBeInstanceOf(Date);
    await expect(
      signIn(
        platform(),
        { identifier: { kind: 'email', value: 'reset.me@example.vn' }, password: 'a brand new password' },
        { address: client(), deviceToken: null },
      ),
    ).resolves.toMatchObject({ userId: user.id });
    await expect(resetPasswordWithToken(platform(), token, 'yet another password')).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'auth:reset.linkDead',
    });
  });

  it('by e-mail link: dead after 30 minutes', async () => {
    const user = await account({ email: 'too.late@example.vn' });
    await requestPasswordReset(platform(), { kind: 'email', value: 'too.late@example.vn' }, { client: client(), origin: ORIGIN });
    const token = await lastLinkToken('too.late@example.vn', '/reset-password/');
    await database.db
      .update(accountCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountCodes.userId, user.id));
    await expect(resetPasswordWithToken(platform(), token, 'a brand new password')).rejects.toMatchObject({ messageKey: 'auth:reset.linkDead' });
    expect(await validateSessionToken(platform(), user.sessionToken)).not.toBeNull();
  });

  it('by SMS code: the number and the code set a new password once; a wrong code and an unknown number get the same answer', async () => {
    const user = await account({ email: null, phone: '+84977888999', locale: 'vi' });
    await requestPasswordReset(platform(), { kind: 'phone', value: '+84977888999' }, { client: client(), origin: ORIGIN });
    const code = await lastSmsCode('+84977888999');
    expect((await jobsTo('+84977888999'))[0]!.payload.text).toContain('mã đặt lại mật khẩu');
    const phone = { kind: 'phone' as const, value: '+84977888999' };
    await expect(
      resetPasswordWithCode(platform(), { identifier: phone, code: code === '000000' ? '000001' : '000000', newPassword: 'a brand new password' }, client()),
    ).rejects.toMatchObject({ messageKey: 'auth:errors.codeWrong' });
    await expect(
      resetPasswordWithCode(platform(), { identifier: { kind: 'phone', value: '+84900999888' }, code, newPassword: 'a brand new password' }, client()),
    ).rejects.toMatchObject({ messageKey: 'auth:errors.codeWrong' });
    await resetPasswordWithCode(platform(), { identifier: phone, code, newPassword: 'a brand new password' }, client());
    expect(await validateSessionToken(platform(), user.sessionToken)).toBeNull();
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.phoneVerifiedAt).toBeInstanceOf(Date);
    await expect(resetPasswordWithCode(platform(), { identifier: phone, code, newPassword: 'again a new password' }, client())).rejects.toMatchObject({
      messageKey: 'auth:errors.codeWrong',
    });
  });

  it('is limited: a sixth request for one address within the hour is a 429 with the wait', async () => {
    const identifier = { kind: 'email' as const, value: 'limited@example.vn' };
    for (let i = 0; i < 5; i++) await requestPasswordReset(platform(), identifier, { client: client(), origin: ORIGIN });
    const refused = requestPasswordReset(platform(), identifier, { client: client(), origin: ORIGIN });
    await expect(refused).rejects.toMatchObject({ code: 'too_many_requests', messageKey: 'common:errors.tooManyRequests' });
    await refused.catch((error: { details?: { retryAfterSeconds?: number } }) => expect(error.details?.retryAfterSeconds).toBeGreaterThan(0));
  });

  it('limits code attempts per client with a 429', async () => {
    const from = client();
    const phone = { kind: 'phone' as const, value: '+84966000111' };
    let refused: unknown = null;
    for (let i = 0; i < 25 && !refused; i++) {
      await resetPasswordWithCode(platform(), { identifier: phone, code: '123456', newPassword: 'a brand new password' }, from).catch(
        (error: { code?: string }) => {
          if (error.code === 'too_many_requests') refused = error;
        },
      );
    }
    expect(refused).toMatchObject({ code: 'too_many_requests' });
  });
});

describe('assisted recovery', () => {
  const viewer = (userId: string, communeId: string, roles: Viewer['roles']): Viewer => ({ userId, isOperator: false, communeId, roles });

  it('an official of the member’s commune issues a one-time 8-digit code, recorded without the code; it resets the password once', async () => {
    const commune = await makeCommune(database);
    const official = await makeUser(database);
    await makeMember(database, commune.id, official.id, 'official');
    const villager = await makeUser(database, { email: null, phone: '+84944555666', displayName: 'Giàng A Lử' });
    await makeMember(database, commune.id, villager.id, 'seller');
    const token = generateSessionToken();
    await createSession(platform(), token, villager.id);

    const scope = grant(
      { ...scopeFor(database, commune.id, official.id), tenantId: commune.id, userId: official.id },
      viewer(official.id, commune.id, ['official']),
      ['member.recover'],
    )!;
    const { code, expiresAt } = await issueRecoveryCode(scope, villager.id);
    expect(code).toMatch(/^[0-9]{8}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
    const [event] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, commune.id));
    expect(event).toMatchObject({ type: 'member.recovery_code_issued', actorUserId: official.id, payload: { userId: villager.id, issuedBy: official.id } });
    expect(JSON.stringify(event!.payload)).not.toContain(code);

    await resetPasswordWithCode(platform(), { identifier: { kind: 'phone', value: '+84944555666' }, code, newPassword: 'mật khẩu mới dài' }, client());
    expect(await validateSessionToken(platform(), token)).toBeNull();
    await expect(
      resetPasswordWithCode(platform(), { identifier: { kind: 'phone', value: '+84944555666' }, code, newPassword: 'mật khẩu khác nữa' }, client()),
    ).rejects.toMatchObject({
      messageKey: 'auth:errors.codeWrong',
    });
    // A recovery code proves nothing about the number: it stays unverified.
    const [row] = await database.db.select().from(users).where(eq(users.id, villager.id));
    expect(row?.phoneVerifiedAt).toBeNull();
  });

  it('another commune’s official cannot issue one (the member is not found there), and an editor does not hold the permission', async () => {
    const home = await makeCommune(database);
    const elsewhere = await makeCommune(database);
    const villager = await makeUser(database, { email: null, phone: '+84944777888' });
    await makeMember(database, home.id, villager.id, 'seller');
    const stranger = await makeUser(database);
    await makeMember(database, elsewhere.id, stranger.id, 'official');
    const scope = grant(
      { ...scopeFor(database, elsewhere.id, stranger.id), tenantId: elsewhere.id, userId: stranger.id },
      viewer(stranger.id, elsewhere.id, ['official']),
      ['member.recover'],
    )!;
    await expect(issueRecoveryCode(scope, villager.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await database.db.select().from(accountCodes).where(eq(accountCodes.userId, villager.id))).toEqual([]);
    const editor = await makeUser(database);
    await makeMember(database, home.id, editor.id, 'editor');
    expect(
      grant({ ...scopeFor(database, home.id, editor.id), tenantId: home.id, userId: editor.id }, viewer(editor.id, home.id, ['editor']), ['member.recover']),
    ).toBeNull();
  });
});

describe('phone sign-in', () => {
  it('signs in a phone-only account with a Thai number', async () => {
    const user = await makeUser(database, { email: null, phone: '+66812345678' });
    const session = await signIn(
      platform(),
      { identifier: { kind: 'phone', value: '+66812345678' }, password: PASSWORD },
      { address: client(), deviceToken: null },
    );
    expect(session.userId).toBe(user.id);
  });
});
