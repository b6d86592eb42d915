import { and, eq } from 'drizzle-orm';
import { memberships, users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from '~/lib/errors.ts';
import { consumeLimits } from '~/lib/rate-limit.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { account, pendingAddresses, sendChangeProof, takeProvenAddress } from './addresses.server.ts';
import { findAccount, startVerification } from './accounts.server.ts';
import { sendResetCode, sendResetLink } from './account-messages.server.ts';
import { issueCode, issueLinkToken, peekLinkToken, RECOVERY_LIFETIME_MS, useCode, useLinkToken } from './codes.server.ts';
import type { Identifier } from './identity.ts';
import { hashPassword } from './password.server.ts';
import type { PermittedScope } from './permissions.ts';
import { invalidateUserSessions } from './session.server.ts';
import { forgetDevices } from './throttle.server.ts';

const platform = (scope: Scope): Scope => ({ ...scope, tenantId: null, userId: null });

// ---- Verification -----------------------------------------------------------------------------

export type EmailLink =
  | { state: 'dead' }
  | { state: 'verified' }
  /** A link for a new address of the account `userId`: only its signed-in owner makes the change (confirmEmailChange). */
  | { state: 'change'; userId: string; address: string };

/**
 * Opens a verification link. A link for the account's own address verifies it at once (a mail
 * scanner opening it first only does what the person wanted); a link for a new address is only
 * looked at, since whoever opens it may not be the account's owner (app/auth/addresses.server.ts).
 */
export async function openEmailLink(scope: Scope, token: string): Promise<EmailLink> {
  return withTenant(platform(scope), async (tx) => {
    const peeked = await peekLinkToken(tx, 'verify_email', token);
    if (!peeked?.target) return { state: 'dead' };
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, peeked.userId));
    if (!user) return { state: 'dead' };
    if (user.email !== peeked.target) return { state: 'change', userId: peeked.userId, address: peeked.target };
    const secret = await useLinkToken(tx, 'verify_email', token);
    if (!secret) return { state: 'dead' };
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, secret.userId), eq(users.email, peeked.target)));
    return { state: 'verified' };
  });
}

/** Whether a link verified the account's own address (tests and callers that only verify). */
export async function verifyEmailToken(scope: Scope, token: string): Promise<boolean> {
  return (await openEmailLink(scope, token)).state === 'verified';
}

/**
 * Makes the new address a link was sent to the signed-in person's: only for their own account,
 * while the link is live, and when no other account took the address meanwhile.
 */
export async function confirmEmailChange(scope: Scope & { userId: string }, token: string, origin: string): Promise<'changed' | 'dead' | 'taken'> {
  return withTenant(platform(scope), async (tx) => {
    const peeked = await peekLinkToken(tx, 'verify_email', token);
    if (!peeked?.target || peeked.userId !== scope.userId) return 'dead';
    const secret = await useLinkToken(tx, 'verify_email', token);
    if (!secret?.target) return 'dead';
    return (await takeProvenAddress(tx, scope.userId, 'email', secret.target, origin)) ? 'changed' : 'taken';
  });
}

/**
 * Checks the SMS code for the signed-in account's number, or for the new number it asked for.
 * Each try spends the client's `codeAttempt` limit (429) and one of the code's own attempts; a
 * wrong code is `invalid`; a number another account took meanwhile is a `conflict`.
 */
export async function verifyPhoneCode(scope: Scope & { userId: string }, code: string, client: string, origin: string): Promise<void> {
  await consumeLimits(scope, [{ limit: 'codeAttempt', key: client }]);
  // The attempt is counted in a transaction that commits even when the code is wrong.
  const outcome = await withTenant(platform(scope), async (tx) => {
    const secret = await useCode(tx, scope.userId, ['verify_phone'], code);
    if (!secret?.target) return 'wrong';
    return (await takeProvenAddress(tx, scope.userId, 'phone', secret.target, origin)) ? 'ok' : 'taken';
  });
  if (outcome === 'wrong') throw new AppError('invalid', 'auth:errors.codeWrong');
  if (outcome === 'taken') throw new AppError('conflict', 'auth:errors.phoneTaken');
}

/**
 * Sends a new verification link or code: to the address waiting for its proof, if there is one,
 * else to the account's own unverified address (limited: `verifyResend`).
 */
export async function resendVerification(scope: Scope & { userId: string }, kind: Identifier['kind'], origin: string): Promise<void> {
  await consumeLimits(scope, [{ limit: 'verifyResend', key: scope.userId }]);
  await withTenant(platform(scope), async (tx) => {
    const user = await account(tx, scope.userId);
    if (!user) throw new AppError('not_found', 'common:errors.notFound');
    const pending = (await pendingAddresses(tx, user.id, user))[kind];
    if (pending) return sendChangeProof(tx, user, { kind, value: pending }, origin);
    const value = kind === 'email' ? user.email : user.phone;
    const verified = kind === 'email' ? user.emailVerifiedAt : user.phoneVerifiedAt;
    if (!value || verified) throw new AppError('conflict', 'auth:verify.nothingToVerify');
    await startVerification(tx, user, { kind, value }, origin);
  });
}

// ---- Password reset ---------------------------------------------------------------------------

/**
 * Asks for a password reset. An e-mail address gets a link (30 minutes), a phone number a 6-digit
 * code by SMS (30 minutes). The caller answers the same whether or not an account has the
 * address: both paths spend the same limits (`resetClient`, `resetAccount`: 429 before anything)
 * and do the same reads; only the writes of a real reset differ (a few milliseconds).
 */
export async function requestPasswordReset(scope: Scope, identifier: Identifier, { client, origin }: { client: string; origin: string }): Promise<void> {
  await consumeLimits(scope, [
    { limit: 'resetClient', key: client },
    { limit: 'resetAccount', key: identifier.value },
  ]);
  await withTenant(platform(scope), async (tx) => {
    const user = await findAccount(tx, identifier);
    if (!user) return;
    if (identifier.kind === 'email') {
      const token = await issueLinkToken(tx, user.id, 'reset', identifier.value);
      await sendResetLink(tx, user, identifier.value, token, origin);
    } else {
      const code = await issueCode(tx, user.id, 'reset', identifier.value);
      await sendResetCode(tx, user, identifier.value, code);
    }
  });
}

/** Sets the new password and ends every session and known device of the account: whoever held them is a stranger now. */
async function setNewPassword(tx: Tx, userId: string, passwordHash: string, proved: { email?: string; phone?: string }) {
  const now = new Date();
  await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
  // A reset link or SMS code that arrived proves the address it was sent to (if it is still the account's).
  if (proved.email)
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, userId), eq(users.email, proved.email)));
  if (proved.phone)
    await tx
      .update(users)
      .set({ phoneVerifiedAt: now })
      .where(and(eq(users.id, userId), eq(users.phone, proved.phone)));
  await forgetDevices(tx, userId, null);
}

/** Whether a reset link is still good (to show its form): unknown, used and expired links are not. */
export async function resetLinkIsLive(scope: Scope, token: string): Promise<boolean> {
  return withTenant(platform(scope), async (tx) => Boolean(await peekLinkToken(tx, 'reset', token)));
}

/** Resets the password with an e-mailed link: it works once, within 30 minutes; every session ends. */
export async function resetPasswordWithToken(scope: Scope, token: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  const userId = await withTenant(platform(scope), async (tx) => {
    const secret = await useLinkToken(tx, 'reset', token);
    if (!secret) return null;
    await setNewPassword(tx, secret.userId, passwordHash, { email: secret.target ?? undefined });
    return secret.userId;
  });
  if (!userId) throw new AppError('invalid', 'auth:reset.linkDead');
  await invalidateUserSessions(platform(scope), userId);
}

/**
 * Resets the password with a code: the 6-digit one sent by SMS, or the 8-digit one an official
 * handed over (recovery). Limited per client (`codeAttempt`); each code allows a few wrong tries.
 * An unknown account and a wrong code get the same answer, after the same password hashing
 * (done first, whatever follows). Every session ends.
 */
export async function resetPasswordWithCode(scope: Scope, input: { identifier: Identifier; code: string; newPassword: string }, client: string): Promise<void> {
  await consumeLimits(scope, [{ limit: 'codeAttempt', key: client }]);
  const passwordHash = await hashPassword(input.newPassword);
  const userId = await withTenant(platform(scope), async (tx) => {
    const user = await findAccount(tx, input.identifier);
    if (!user) return null;
    const secret = await useCode(tx, user.id, ['reset', 'recovery'], input.code);
    if (!secret) return null;
    await setNewPassword(tx, user.id, passwordHash, secret.purpose === 'reset' && secret.target ? { phone: secret.target } : {});
    return user.id;
  });
  if (!userId) throw new AppError('invalid', 'auth:errors.codeWrong');
  await invalidateUserSessions(platform(scope), userId);
}

// ---- Assisted recovery ------------------------------------------------------------------------

/**
 * An official (or the operator) issues a one-time 8-digit code for a member of this commune who
 * cannot receive a reset: no e-mail or phone, or lost. It is shown once to the official, who
 * hands it over in person; the member types it at /reset-password/code with their e-mail or
 * phone. It lasts 24 hours (the handover is a meeting, not a click), is single use, allows a
 * few wrong tries, and cancels earlier reset codes. Recorded as `member.recovery_code_issued`
 * (no code in the outbox). Only members of the official's own commune: anyone else is not found.
 */
export async function issueRecoveryCode(scope: PermittedScope<'member.recover'>, userId: string): Promise<{ code: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + RECOVERY_LIFETIME_MS);
  const code = await withTenant(scope, async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.userId, userId)))
      .limit(1);
    if (!member) throw new AppError('not_found', 'common:errors.notFound');
    const issued = await issueCode(tx, userId, 'recovery', null, { digits: 8, lifetimeMs: RECOVERY_LIFETIME_MS });
    await recordEvent(tx, scope.tenantId, 'member.recovery_code_issued', { userId, issuedBy: scope.userId }, scope.userId);
    return issued;
  });
  return { code, expiresAt };
}

/** What the account page shows about the person's addresses: each, whether it is verified, and any new one waiting for its proof. */
export async function verificationStatus(scope: Scope & { userId: string }) {
  // One transaction, the account read once.
  const { row, pending } = await withTenant(platform(scope), async (tx) => {
    const row = await account(tx, scope.userId);
    return { row, pending: await pendingAddresses(tx, scope.userId, row) };
  });
  return {
    email: row?.email ? { value: row.email, verified: Boolean(row.emailVerifiedAt) } : null,
    phone: row?.phone ? { value: row.phone, verified: Boolean(row.phoneVerifiedAt) } : null,
    /** Addresses asked for and waiting for their proof (each replaces the one above once proven). */
    pending,
  };
}
