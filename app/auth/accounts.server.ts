import { eq } from 'drizzle-orm';
import { users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from '~/lib/errors.ts';
import { sendEmailVerification, sendPhoneVerification } from './account-messages.server.ts';
import { issueCode, issueLinkToken } from './codes.server.ts';
import type { Identifier } from './identity.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.server.ts';
import type { SignInInput, SignUpInput } from './schemas.ts';
import { createSession, generateSessionToken, invalidateUserSessions } from './session.server.ts';
import {
  deviceHash,
  forgetDevices,
  forgiveAttempt,
  generateDeviceToken,
  isKnownDevice,
  recordFailure,
  rememberDevice,
  throttleKeys,
} from './throttle.server.ts';

export type NewSession = { userId: string; token: string; expiresAt: Date };

/** The column an identifier is looked up in. */
export const whereIdentifier = (identifier: Identifier) =>
  identifier.kind === 'email' ? eq(users.email, identifier.value) : eq(users.phone, identifier.value);

/** The account an e-mail address or phone number names, if any. */
export async function findAccount(tx: Tx, identifier: Identifier) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, phone: users.phone, locale: users.locale, passwordHash: users.passwordHash })
    .from(users)
    .where(whereIdentifier(identifier));
  return row ?? null;
}

/**
 * Sends the proof for an address: a link by e-mail, a 6-digit code by SMS (app/auth/codes.server.ts),
 * in the caller's transaction. `origin` is where links point (PUBLIC_URL).
 */
export async function startVerification(tx: Tx, user: { id: string; locale: string | null }, identifier: Identifier, origin: string): Promise<void> {
  if (identifier.kind === 'email') {
    const token = await issueLinkToken(tx, user.id, 'verify_email', identifier.value);
    await sendEmailVerification(tx, user, identifier.value, token, origin);
  } else {
    const code = await issueCode(tx, user.id, 'verify_phone', identifier.value);
    await sendPhoneVerification(tx, user, identifier.value, code);
  }
}

/**
 * Creates an account named by an e-mail address or a phone number and signs it in; the browser
 * it was made on becomes a known device of the account (see signIn). The address is unverified:
 * a verification link (e-mail) or code (SMS) is sent in the same transaction. A taken address is
 * a conflict, with nothing written.
 */
export async function signUp(scope: Scope, input: SignUpInput, locale: string, origin: string): Promise<NewSession & { deviceToken: string }> {
  const passwordHash = await hashPassword(input.password);
  // Always a fresh token: a token the browser already held may have been planted by someone else.
  const device = generateDeviceToken();
  const taken = input.identifier.kind === 'email' ? 'auth:errors.emailTaken' : 'auth:errors.phoneTaken';
  const userId = await withTenant(scope, async (tx) => {
    if (await findAccount(tx, input.identifier)) throw new AppError('conflict', taken);
    const address = input.identifier.kind === 'email' ? { email: input.identifier.value } : { phone: input.identifier.value };
    const [row] = await tx
      .insert(users)
      .values({ ...address, passwordHash, displayName: input.displayName, locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new AppError('conflict', taken);
    await rememberDevice(tx, row.id, deviceHash(device));
    await startVerification(tx, { id: row.id, locale }, input.identifier, origin);
    return row.id;
  });
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, userId);
  return { userId, token, expiresAt, deviceToken: device };
}

/** Who is signing in from where: the client's address, and the device token its browser holds (if any). */
export type SignInClient = { address: string; deviceToken: string | null };

/**
 * Checks the e-mail address or phone number and the password under throttling (app/auth/throttle.server.ts): failures slow the
 * (account, client) pair down with a growing wait (429 with the seconds to wait), while a device
 * that has signed in to this account before is held back only by its own failures. A success
 * remembers the device: the returned `deviceToken` goes back to the browser in its cookie.
 */
export async function signIn(scope: Scope, input: SignInInput, client: SignInClient): Promise<NewSession & { deviceToken: string }> {
  const { user, device } = await withTenant(scope, async (tx) => {
    const row = await findAccount(tx, input.identifier);
    if (!row || !client.deviceToken) return { user: row, device: null };
    const hash = deviceHash(client.deviceToken);
    return { user: row, device: (await isKnownDevice(tx, row.id, hash)) ? { userId: row.id, hash } : null };
  });
  const keys = throttleKeys(input.identifier.value, client.address, device);
  // The attempt counts as a failure before the password is checked, in a transaction of its
  // own: parallel guesses queue on the counters, and each sees the hold the ones before it set.
  // A held attempt is refused (429) and its count rolled back, so waiting out a hold is not punished.
  await withTenant(scope, async (tx) => {
    const now = new Date();
    let heldUntil = 0;
    for (const { key, policy } of keys) heldUntil = Math.max(heldUntil, (await recordFailure(tx, key, policy, now))?.getTime() ?? 0);
    if (heldUntil > now.getTime()) {
      throw new AppError('too_many_requests', 'auth:errors.throttled', { retryAfterSeconds: Math.ceil((heldUntil - now.getTime()) / 1000) });
    }
  });

  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) throw new AppError('invalid', 'auth:errors.wrongCredentials');
  // The browser's token is kept only when it is already known for this account; any other
  // (another account's, or one planted in the browser by someone else) is replaced by a fresh one,
  // so nobody can make a token of their own choosing known for someone else's account.
  const deviceToken = device ? client.deviceToken! : generateDeviceToken();
  await withTenant(scope, async (tx) => {
    for (const { key, policy } of keys) await forgiveAttempt(tx, key, policy);
    await rememberDevice(tx, user.id, deviceHash(deviceToken));
  });
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, user.id);
  return { userId: user.id, token, expiresAt, deviceToken };
}

/**
 * Changes the password and signs the account out everywhere; a fresh session is returned. Every
 * other device is forgotten too (whoever signed in with the old password is a stranger again);
 * `deviceToken` is the browser making the change, which stays known.
 */
export async function changePassword(
  scope: Scope & { userId: string },
  currentPassword: string,
  newPassword: string,
  deviceToken: string | null = null,
): Promise<NewSession> {
  const [row] = await withTenant(scope, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, scope.userId)));
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError('invalid', 'auth:errors.currentPasswordWrong');
  }
  const passwordHash = await hashPassword(newPassword);
  await withTenant(scope, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, scope.userId));
    await forgetDevices(tx, scope.userId, deviceToken ? deviceHash(deviceToken) : null);
  });
  await invalidateUserSessions(scope, scope.userId);
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, scope.userId);
  return { userId: scope.userId, token, expiresAt };
}

export async function setPreferredLocale(scope: Scope & { userId: string }, locale: string): Promise<void> {
  await withTenant(scope, (tx) => tx.update(users).set({ locale }).where(eq(users.id, scope.userId)));
}
