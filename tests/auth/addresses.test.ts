import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { signIn } from '~/auth/accounts.server.ts';
import { pendingAddresses, requestAddressChange } from '~/auth/addresses.server.ts';
import type { Identifier } from '~/auth/identity.ts';
import { resendVerification, verifyEmailToken, verifyPhoneCode } from '~/auth/recovery.server.ts';
import { makeUser, PASSWORD } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

// Adding or changing an account's e-mail address or phone number (/account): the proof goes to
// the new address, the account takes it only once proven, and the old verified address is told.

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
const lastLinkToken = async (to: string) =>
  (await jobsTo(to))
    .filter((j) => j.payload.action?.url.includes('/verify/email/'))
    .at(-1)
    ?.payload.action?.url.split('/')
    .at(-1) ?? '';
const lastSmsCode = async (to: string) => /\b([0-9]{6})\b/.exec((await jobsTo(to)).filter((j) => j.name === 'sms.send').at(-1)?.payload.text ?? '')?.[1] ?? '';
const accountOf = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
const email = (value: string): Identifier => ({ kind: 'email', value });
const phone = (value: string): Identifier => ({ kind: 'phone', value });
const pending = (userId: string) => withTenant(platform(), (tx) => pendingAddresses(tx, userId));

describe('changing the e-mail address', () => {
  it('sends the link to the new address, changes nothing until it is opened, then tells the old one', async () => {
    const user = await makeUser(database, { email: 'old.lan@example.vn', emailVerifiedAt: new Date(), locale: 'en' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: email('new.lan@example.vn'), password: PASSWORD }, options());
    expect(await accountOf(user.id)).toMatchObject({ email: 'old.lan@example.vn' });
    expect(await pending(user.id)).toEqual({ email: 'new.lan@example.vn', phone: null });
    const [mail] = await jobsTo('new.lan@example.vn');
    expect(mail).toMatchObject({ name: 'mail.send', payload: { essential: true, subject: 'Verify your email address for Baan' } });
    // The old address still signs in meanwhile; the new one does not.
    await expect(
      signIn(platform(), { identifier: email('new.lan@example.vn'), password: PASSWORD }, { address: client(), deviceToken: null }),
    ).rejects.toMatchObject({ code: 'invalid' });

    expect(await verifyEmailToken(platform(), await lastLinkToken('new.lan@example.vn'))).toBe(true);
    const after = await accountOf(user.id);
    expect(after.email).toBe('new.lan@example.vn');
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await pending(user.id)).toEqual({ email: null, phone: null });
    const [notice] = await jobsTo('old.lan@example.vn');
    expect(notice).toMatchObject({ name: 'mail.send', payload: { essential: true, subject: "Your Baan account's address was changed" } });
    expect(notice!.payload.lines![0]).toContain('n•••@example.vn');
    expect(notice!.payload.lines!.join(' ')).not.toContain('new.lan');
    // Now the new address signs in, and the old one is nobody's.
    const session = await signIn(platform(), { identifier: email('new.lan@example.vn'), password: PASSWORD }, { address: client(), deviceToken: null });
    expect(session.userId).toBe(user.id);
    await expect(
      signIn(platform(), { identifier: email('old.lan@example.vn'), password: PASSWORD }, { address: client(), deviceToken: null }),
    ).rejects.toMatchObject({ code: 'invalid' });
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

  it('keeps the account as it is when another account took the address before the link was opened', async () => {
    const user = await makeUser(database, { email: 'slow@example.vn', emailVerifiedAt: new Date() });
    await requestAddressChange({ ...platform(), userId: user.id }, { identifier: email('race@example.vn'), password: PASSWORD }, options());
    const token = await lastLinkToken('race@example.vn');
    await makeUser(database, { email: 'race@example.vn' });
    expect(await verifyEmailToken(platform(), token)).toBe(false);
    expect(await accountOf(user.id)).toMatchObject({ email: 'slow@example.vn' });
    expect(await jobsTo('slow@example.vn')).toEqual([]);
  });

  it('a newer request cancels the earlier link; a resend goes to the address waiting for its proof', async () => {
    const user = await makeUser(database, { email: 'twice@example.vn', emailVerifiedAt: new Date() });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: email('first.try@example.vn'), password: PASSWORD }, options());
    const first = await lastLinkToken('first.try@example.vn');
    await requestAddressChange(scope, { identifier: email('second.try@example.vn'), password: PASSWORD }, options());
    expect(await verifyEmailToken(platform(), first)).toBe(false);
    await resendVerification(scope, 'email', ORIGIN);
    expect((await jobsTo('second.try@example.vn')).filter((j) => j.name === 'mail.send')).toHaveLength(2);
    expect(await verifyEmailToken(platform(), await lastLinkToken('second.try@example.vn'))).toBe(true);
    expect(await accountOf(user.id)).toMatchObject({ email: 'second.try@example.vn' });
  });
});

describe('adding or changing the phone number', () => {
  it('adds a number to an e-mail account by the SMS code (nothing to tell: there was none)', async () => {
    const user = await makeUser(database, { email: 'no.phone@example.vn', emailVerifiedAt: new Date(), locale: 'vi' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+84977111222'), password: PASSWORD }, options());
    expect(await pending(user.id)).toEqual({ email: null, phone: '+84977111222' });
    expect(await accountOf(user.id)).toMatchObject({ phone: null });
    await verifyPhoneCode(scope, await lastSmsCode('+84977111222'), client());
    const after = await accountOf(user.id);
    expect(after.phone).toBe('+84977111222');
    expect(after.phoneVerifiedAt).toBeInstanceOf(Date);
    expect(await jobsTo('no.phone@example.vn')).toEqual([]);
  });

  it('changes a verified number: the code goes to the new one, the old one is told by SMS, in the person’s language', async () => {
    const user = await makeUser(database, { email: null, phone: '+66812000111', phoneVerifiedAt: new Date(), locale: 'th' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+66812000222'), password: PASSWORD }, options());
    const code = await lastSmsCode('+66812000222');
    const wrong = code === '000000' ? '000001' : '000000';
    await expect(verifyPhoneCode(scope, wrong, client())).rejects.toMatchObject({ messageKey: 'auth:errors.codeWrong' });
    expect(await accountOf(user.id)).toMatchObject({ phone: '+66812000111' });
    await verifyPhoneCode(scope, code, client());
    expect(await accountOf(user.id)).toMatchObject({ phone: '+66812000222' });
    const [notice] = await jobsTo('+66812000111');
    expect(notice!.name).toBe('sms.send');
    expect(notice!.payload.text).toContain('Baan: หมายเลขบัญชีของคุณถูกเปลี่ยนเป็น +66 ••• ••• 222');
  });

  it('an unverified own number is verified, not changed; a phone-only account may add an e-mail address', async () => {
    const user = await makeUser(database, { email: null, phone: '+84988333444', locale: 'vi' });
    const scope = { ...platform(), userId: user.id };
    await requestAddressChange(scope, { identifier: phone('+84988333444'), password: PASSWORD }, options());
    expect(await pending(user.id)).toEqual({ email: null, phone: null });
    await verifyPhoneCode(scope, await lastSmsCode('+84988333444'), client());
    expect((await accountOf(user.id)).phoneVerifiedAt).toBeInstanceOf(Date);
    await requestAddressChange(scope, { identifier: email('pao@example.vn'), password: PASSWORD }, options());
    expect(await verifyEmailToken(platform(), await lastLinkToken('pao@example.vn'))).toBe(true);
    expect(await accountOf(user.id)).toMatchObject({ email: 'pao@example.vn', phone: '+84988333444' });
    // The number was not replaced: nobody is told anything.
    expect((await jobsTo('+84988333444')).filter((j) => !/[0-9]{6}/.test(j.payload.text ?? ''))).toEqual([]);
  });

  it('is limited: password guesses share the change-password limit, and proofs sent the resend limit (429 with the wait)', async () => {
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
    // With the right password, from another client: five proofs an hour, then 429; none sent past it.
    const other = await makeUser(database, { email: 'many@example.vn', emailVerifiedAt: new Date() });
    const otherScope = { ...platform(), userId: other.id };
    for (let i = 0; i < 5; i++) await requestAddressChange(otherScope, { identifier: email(`many.${i}@example.vn`), password: PASSWORD }, options());
    await expect(requestAddressChange(otherScope, { identifier: email('many.5@example.vn'), password: PASSWORD }, options())).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    expect(await jobsTo('many.5@example.vn')).toEqual([]);
  });
});
