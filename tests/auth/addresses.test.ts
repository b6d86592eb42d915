import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { signIn } from '~/auth/accounts.server.ts';
import { pendingAddresses, requestAddressChange, undoAddressChange, undoLinkIsLive } from '~/auth/addresses.server.ts';
import type { Identifier } from '~/auth/identity.ts';
import {
  confirmEmailChange,
  openEmailLink,
  requestPasswordReset,
  resendVerification,
  resetPasswordWithToken,
  verifyPhoneCode,
} from '~/auth/recovery.server.ts';
import { createSession, generateSessionToken, validateSessionToken } from '~/auth/session.server.ts';
import { makeUser, PASSWORD } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

// Adding or changing an account's e-mail address or phone number (/account; ADR 019): the proof
// goes to the new address; a link only asks, the signed-in owner confirms; the old (or other)
// verified address is told, with a link that undoes the change for 7 days.

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
const client = () => `203.0.113.${++clientN}`;
const options = () => ({ client: client(), origin: ORIGIN });

type JobRow = { name: string; payload: { to: string; text?: string; lines?: string[]; subject?: string; action?: { url: string }; essential?: boolean } };
const jobsTo = (to: string) => database.query<JobRow>(`select name, payload from jobs where payload->>'to' = $1 order by created_at, id`, [to]);
const lastLink = async (to: string, path: string) =>
  (await jobsTo(to))
    .filter((j) => j.payload.action?.url.includes(path))
    .at(-1)
    ?.payload.action?.url.split('/')
    .at(-1) ?? '';
const lastSmsCode = async (to: string) => /\b([0-9]{6})\b/.exec((await jobsTo(to)).filter((j) => j.name === 'sms.send').at(-1)?.payload.text ?? '')?.[1] ?? '';
const accountOf = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
const email = (value: string): Identifier => ({ kind: 'email', value });
const phone = (value: string): Identifier => ({ kind: 'phone', value });
const pending = (userId: string) => withTenant(platform(), (tx) => pendingAddresses(tx, userId));
const signsIn = (identifier: Identifier, password = PASSWORD) =>
  signIn(platform(), { identifier, password }, { address: client(), deviceToken: null }).then(
    (s) => s.userId,
    () => null,
  );

describe('changing the e-mail address', () => {
  it('sends a link naming the account to the new address; opening it only asks; the signed-in owner confirms; the old address is told', async () => {
    const user = await makeUser(database, { email: 'old.lan@example.vn', emailVerifiedAt: new Date(), locale: 'en', displayName: 'Lò Thị Lan' });
    const scope = { ...platform(), userId: user.id };
    // A reset link the old address got before the change.
    await requestPasswordReset(platform(), email('old.lan@example.vn'), { client: client(), origin: ORIGIN });
    const oldReset = await lastLink('old.lan@example.vn', '/reset-password/');
    await requestAddressChange(scope, { identifier: email('new.lan@example.vn'), password: PASSWORD }, options());
    expect(await pending(user.id)).toEqual({ email: 'new.lan@example.vn', phone: null });
    const [proof] = await jobsTo('new.lan@example.vn');
    expect(proof!.payload).toMatchObject({ essential: true, subject: 'Confirm your new e-mail address for Baan' });
    expect(proof!.payload.lines![0]).toContain('the account of Lò Thị Lan');
    const token = await lastLink('new.lan@example.vn', '/verify/email/');

    // Opened by anyone (a stranger, a scanner): it asks, and nothing changes.
    expect(await openEmailLink(platform(), token)).toEqual({ state: 'change', userId: user.id, address: 'new.lan@example.vn' });
    expect(await openEmailLink(platform(), token)).toMatchObject({ state: 'change' });
    const stranger = await makeUser(database);
    expect(await confirmEmailChange({ ...platform(), userId: stranger.id }, token, ORIGIN)).toBe('dead');
    expect(await accountOf(user.id)).toMatchObject({ email: 'old.lan@example.vn' });
    expect(await signsIn(email('new.lan@example.vn'))).toBeNull();

    // The owner confirms.
    expect(await confirmEmailChange(scope, token, ORIGIN)).toBe('changed');
    const after = await accountOf(user.id);
    expect(after.email).toBe('new.lan@example.vn');
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await pending(user.id)).toEqual({ email: null, phone: null });
    expect(await confirmEmailChange(scope, token, ORIGIN)).toBe('dead');
    expect(await signsIn(email('new.lan@example.vn'))).toBe(user.id);
    expect(await signsIn(email('old.lan@example.vn'))).toBeNull();
    // The old address's reset link died with the change.
    await expect(resetPasswordWithToken(platform(), oldReset, 'a brand new password')).rejects.toMatchObject({ code: 'invalid' });

    const notice = (await jobsTo('old.lan@example.vn')).at(-1)!;
    expect(notice.payload).toMatchObject({ essential: true, subject: 'The e-mail address of your Baan account was changed' });
    expect(notice.payload.lines![0]).toContain('n•••@example.vn');
    expect(notice.payload.lines!.join(' ')).not.toContain('new.lan');
    expect(notice.payload.action!.url).toMatch(new RegExp(`^${ORIGIN}/account/undo/[a-z2-7]{32}$`));
  });

  it('refuses a wrong password, an address another account uses, and its own verified address, sending nothing', async () => {
    const user = await makeUser(database, { email: 'hoa@example.vn', emailVerifiedAt: new Date() });
    await makeUser(database, { email: 'taken@example.vn' });
    const scope = { ...platform(), userId: user.id };
    await expect(requestAddressChange(scope, { identifier: email('fresh@example.vn'), password: 'not the password' }, options())).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'auth:errors.currentPasswordWrong',
    });
    await expect(requestAddressChange(scope, { identifier: email('taken@example.vn'), password: PASSWORD }, options())).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'auth:errors.emailTaken',
    });
    await expect(requestAddressChange(scope, { identifier: email('hoa@example.vn'), password: PASSWORD }, options())).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'auth:address.same',
    });
    expect(await jobsTo('fresh@example.vn')).toEqual([]);
    expect(await jobsTo('taken@example.vn')).toEqual([]);
    expect(await pending(user.id)).toEqual({ email: null, phone: null });
  });

  it('changes nothing when another account took the address before it was confirmed, however close the race', async () => {
    const user = await makeUser(database, { email: 'slow@example.vn', emailVerifiedAt: new Date() });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: email('race@example.vn'), password: PASSWORD }, options());
    await makeUser(database, { email: 'race@example.vn' });
    expect(await confirmEmailChange(scope, await lastLink('race@example.vn', '/verify/email/'), ORIGIN)).toBe('taken');
    expect(await accountOf(user.id)).toMatchObject({ email: 'slow@example.vn' });
    expect(await jobsTo('slow@example.vn')).toEqual([]);

    // A holder the check cannot see yet (a sign-up committing at that moment) meets the unique
    // index instead: played here by a trigger raising the same error, which is caught, not a 500.
    await requestAddressChange(scope, { identifier: email('race2@example.vn'), password: PASSWORD }, options());
    await database.query(`create function test_unique_race() returns trigger language plpgsql as $$
      begin if new.email = 'race2@example.vn' then raise unique_violation using message = 'duplicate key value violates unique constraint "users_email_key"'; end if; return new; end $$`);
    await database.query(`create trigger test_unique_race before update on users for each row execute function test_unique_race()`);
    try {
      expect(await confirmEmailChange(scope, await lastLink('race2@example.vn', '/verify/email/'), ORIGIN)).toBe('taken');
    } finally {
      await database.query(`drop trigger test_unique_race on users`);
      await database.query(`drop function test_unique_race()`);
    }
    expect(await accountOf(user.id)).toMatchObject({ email: 'slow@example.vn' });
  });

  it('a newer request cancels the earlier link; a resend goes to the address waiting for its proof', async () => {
    const user = await makeUser(database, { email: 'twice@example.vn', emailVerifiedAt: new Date() });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: email('first.try@example.vn'), password: PASSWORD }, options());
    const first = await lastLink('first.try@example.vn', '/verify/email/');
    await requestAddressChange(scope, { identifier: email('second.try@example.vn'), password: PASSWORD }, options());
    expect(await confirmEmailChange(scope, first, ORIGIN)).toBe('dead');
    await resendVerification(scope, 'email', ORIGIN);
    const proofs = (await jobsTo('second.try@example.vn')).filter((j) => j.name === 'mail.send');
    expect(proofs.map((p) => p.payload.subject)).toEqual(['Confirm your new e-mail address for Baan', 'Confirm your new e-mail address for Baan']);
    expect(await confirmEmailChange(scope, await lastLink('second.try@example.vn', '/verify/email/'), ORIGIN)).toBe('changed');
    expect(await accountOf(user.id)).toMatchObject({ email: 'second.try@example.vn' });
  });
});

describe('adding or changing the phone number', () => {
  it('adds a number by an SMS code naming the account; the verified e-mail address is told, with a way to undo', async () => {
    const user = await makeUser(database, { email: 'no.phone@example.vn', emailVerifiedAt: new Date(), locale: 'vi', displayName: 'Vàng A Pao' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+84977111222'), password: PASSWORD }, options());
    expect(await pending(user.id)).toEqual({ email: null, phone: '+84977111222' });
    expect((await jobsTo('+84977111222'))[0]!.payload.text).toMatch(/^Baan: mã [0-9]{6} dùng để thêm số này vào tài khoản Vàng A Pao\./);
    expect(await accountOf(user.id)).toMatchObject({ phone: null });
    await verifyPhoneCode(scope, await lastSmsCode('+84977111222'), client(), ORIGIN);
    const after = await accountOf(user.id);
    expect(after.phone).toBe('+84977111222');
    expect(after.phoneVerifiedAt).toBeInstanceOf(Date);
    const [notice] = await jobsTo('no.phone@example.vn');
    expect(notice!.payload.subject).toBe('Một số điện thoại đã được thêm vào tài khoản Baan của bạn');
    expect(notice!.payload.action!.url).toMatch(/\/account\/undo\/[a-z2-7]{32}$/);
  });

  it('changes a verified number: the code goes to the new one; the old one is told by SMS (ASCII mask, one segment’s alphabet) with the undo link', async () => {
    const user = await makeUser(database, { email: null, phone: '+66812000111', phoneVerifiedAt: new Date(), locale: 'en' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+66812000222'), password: PASSWORD }, options());
    const code = await lastSmsCode('+66812000222');
    const wrong = code === '000000' ? '000001' : '000000';
    await expect(verifyPhoneCode(scope, wrong, client(), ORIGIN)).rejects.toMatchObject({ messageKey: 'auth:errors.codeWrong' });
    expect(await accountOf(user.id)).toMatchObject({ phone: '+66812000111' });
    await verifyPhoneCode(scope, code, client(), ORIGIN);
    expect(await accountOf(user.id)).toMatchObject({ phone: '+66812000222' });
    const [notice] = await jobsTo('+66812000111');
    expect(notice!.payload.text).toMatch(
      new RegExp(
        `^Baan: your account's number was changed to \\+66 \\*\\*\\* \\*\\*\\* 222\\. Not you\\? Undo it within 7 days: ${ORIGIN}/account/undo/[a-z2-7]{32}$`,
      ),
    );
  });

  it('an unverified own number is verified, not changed; a phone-only account may add an e-mail address', async () => {
    const user = await makeUser(database, { email: null, phone: '+84988333444', locale: 'vi' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+84988333444'), password: PASSWORD }, options());
    expect(await pending(user.id)).toEqual({ email: null, phone: null });
    await verifyPhoneCode(scope, await lastSmsCode('+84988333444'), client(), ORIGIN);
    expect((await accountOf(user.id)).phoneVerifiedAt).toBeInstanceOf(Date);
    await requestAddressChange(scope, { identifier: email('pao@example.vn'), password: PASSWORD }, options());
    expect(await confirmEmailChange(scope, await lastLink('pao@example.vn', '/verify/email/'), ORIGIN)).toBe('changed');
    expect(await accountOf(user.id)).toMatchObject({ email: 'pao@example.vn', phone: '+84988333444' });
    // The number is told that an address was added (by SMS, with the undo link).
    expect((await jobsTo('+84988333444')).at(-1)!.payload.text).toMatch(
      /^Baan: p\*\*\*@example\.vn đã được thêm vào tài khoản của bạn\. .*\/account\/undo\/[a-z2-7]{32}$/,
    );
  });
});

describe('undoing a change from the old address', () => {
  it('gives the old address back, signs everyone out, ends every live secret, and leads to a new password', async () => {
    const user = await makeUser(database, { email: 'owner@example.vn', emailVerifiedAt: new Date(), locale: 'en' });
    const scope = { ...platform(), userId: user.id };
    const session = generateSessionToken();
    await createSession(platform(), session, user.id);
    // Someone who knows the password moves the account to their own address.
    await requestAddressChange(scope, { identifier: email('thief@example.org'), password: PASSWORD }, options());
    expect(await confirmEmailChange(scope, await lastLink('thief@example.org', '/verify/email/'), ORIGIN)).toBe('changed');
    const undo = await lastLink('owner@example.vn', '/account/undo/');
    expect(await undoLinkIsLive(platform(), undo)).toEqual({ kind: 'email', address: 'owner@example.vn' });
    expect(await undoLinkIsLive(platform(), 'a'.repeat(32))).toBeNull();

    const outcome = await undoAddressChange(platform(), undo);
    expect(outcome).toMatchObject({ ok: true });
    expect(await accountOf(user.id)).toMatchObject({ email: 'owner@example.vn' });
    expect((await accountOf(user.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await validateSessionToken(platform(), session)).toBeNull();
    expect(await signsIn(email('thief@example.org'))).toBeNull();
    expect(await undoAddressChange(platform(), undo)).toEqual({ ok: false, reason: 'gone' });
    // The reset link it leads to sets the new password; the old one no longer works.
    await resetPasswordWithToken(platform(), (outcome as { resetToken: string }).resetToken, 'the owner’s new password');
    expect(await signsIn(email('owner@example.vn'), 'the owner’s new password')).toBe(user.id);
    expect(await signsIn(email('owner@example.vn'))).toBeNull();
  });

  it('removes an added number; refuses when another account holds the old address now', async () => {
    const user = await makeUser(database, { email: 'keeps@example.vn', emailVerifiedAt: new Date() });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+84911000777'), password: PASSWORD }, options());
    await verifyPhoneCode(scope, await lastSmsCode('+84911000777'), client(), ORIGIN);
    const undoAdd = await lastLink('keeps@example.vn', '/account/undo/');
    expect(await undoLinkIsLive(platform(), undoAdd)).toEqual({ kind: 'phone', address: null });
    expect(await undoAddressChange(platform(), undoAdd)).toMatchObject({ ok: true });
    expect(await accountOf(user.id)).toMatchObject({ email: 'keeps@example.vn', phone: null, phoneVerifiedAt: null });

    const moved = await makeUser(database, { email: 'moved@example.vn', emailVerifiedAt: new Date() });
    const movedScope = { ...platform(), userId: moved.id };
    await requestAddressChange(movedScope, { identifier: email('moved.new@example.vn'), password: PASSWORD }, options());
    await confirmEmailChange(movedScope, await lastLink('moved.new@example.vn', '/verify/email/'), ORIGIN);
    await makeUser(database, { email: 'moved@example.vn' });
    expect(await undoAddressChange(platform(), await lastLink('moved@example.vn', '/account/undo/'))).toEqual({ ok: false, reason: 'taken' });
    expect(await accountOf(moved.id)).toMatchObject({ email: 'moved.new@example.vn' });
  });
});

describe('limits', () => {
  it('password guesses spend the address-change limit, and proofs sent the resend limit (429 with the wait)', async () => {
    const user = await makeUser(database, { email: 'guess@example.vn', emailVerifiedAt: new Date() });
    const scope = { ...platform(), userId: user.id };
    const from = { client: '192.0.2.77', origin: ORIGIN };
    let refused: unknown = null;
    for (let i = 0; i < 12 && !refused; i++) {
      await requestAddressChange(scope, { identifier: email(`guess.${i}@example.vn`), password: 'wrong password' }, from).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'too_many_requests') refused = error;
      });
    }
    expect(refused).toMatchObject({ code: 'too_many_requests' });
    expect((refused as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds).toBeGreaterThan(0);
    // With the right password, from other clients: five proofs an hour, then 429; none sent past it.
    const other = await makeUser(database, { email: 'many@example.vn', emailVerifiedAt: new Date() });
    const otherScope = { ...platform(), userId: other.id };
    for (let i = 0; i < 5; i++) await requestAddressChange(otherScope, { identifier: email(`many.${i}@example.vn`), password: PASSWORD }, options());
    await expect(requestAddressChange(otherScope, { identifier: email('many.5@example.vn'), password: PASSWORD }, options())).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    expect(await jobsTo('many.5@example.vn')).toEqual([]);
  });
});
