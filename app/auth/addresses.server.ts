import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { accountCodes, users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from '~/lib/errors.ts';
import { consumeLimits } from '~/lib/rate-limit.server.ts';
import { sendAddressChanged, sendEmailChangeProof, sendPhoneChangeProof } from './account-messages.server.ts';
import { findAccount, startVerification } from './accounts.server.ts';
import { cancelSecrets, issueCode, issueLinkToken, peekLinkToken, UNDO_LIFETIME_MS, useLinkToken } from './codes.server.ts';
import type { Identifier } from './identity.ts';
import { verifyPassword } from './password.server.ts';
import { invalidateUserSessions } from './session.server.ts';
import { forgetDevices } from './throttle.server.ts';

/**
 * Adding or changing the e-mail address or phone number of an account (/account; ADR 019).
 * - The person confirms with their password; the proof (a link by e-mail, a 6-digit code by SMS)
 *   goes to the new address, and the account takes the address only once it is proven, by its
 *   owner: the code is typed in their session; the link, opened by anyone (a typo can send it to a
 *   stranger, or a mail scanner opens it), only asks, and the change is made by the signed-in
 *   owner confirming it. An address nobody proved is never put on an account.
 * - The address it replaces, or (for an address added) the account's other verified address, is
 *   told at once, with a link to undo the change for 7 days: the account gets the old address
 *   back, every session and known device ends, and the person chooses a new password at once.
 *   Whoever changed it knew the password, so the password is what must change.
 * - Live reset links and codes end with the change: they were sent to the old address.
 */

const platform = (scope: Scope): Scope => ({ ...scope, tenantId: null, userId: null });

export type Account = {
  id: string;
  locale: string | null;
  displayName: string;
  email: string | null;
  phone: string | null;
  emailVerifiedAt: Date | null;
  phoneVerifiedAt: Date | null;
};

/** The account's name, language and addresses (and password hash), read once for everything here and in recovery.server.ts. */
export async function account(tx: Tx, userId: string): Promise<(Account & { passwordHash: string }) | null> {
  const [row] = await tx
    .select({
      id: users.id,
      locale: users.locale,
      displayName: users.displayName,
      email: users.email,
      phone: users.phone,
      emailVerifiedAt: users.emailVerifiedAt,
      phoneVerifiedAt: users.phoneVerifiedAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

const current = (user: Account, kind: Identifier['kind']) => (kind === 'email' ? user.email : user.phone);
const verifiedAt = (user: Account, kind: Identifier['kind']) => (kind === 'email' ? user.emailVerifiedAt : user.phoneVerifiedAt);
const other = (kind: Identifier['kind']): Identifier['kind'] => (kind === 'email' ? 'phone' : 'email');

/**
 * Sends the proof for a new (or the same, unverified) address. Refused: a wrong password
 * (`invalid`, on the password field), an address another account uses (`conflict`), the
 * account's own verified address (`conflict`), too many tries (429: `changeAddress` per account
 * and client; each proof sent spends `verifyResend`, as asking for a new code does).
 */
export async function requestAddressChange(
  scope: Scope & { userId: string },
  input: { identifier: Identifier; password: string },
  { client, origin }: { client: string; origin: string },
): Promise<void> {
  await consumeLimits(scope, [{ limit: 'changeAddress', key: `${scope.userId}|${client}` }]);
  const user = await withTenant(platform(scope), (tx) => account(tx, scope.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) throw new AppError('invalid', 'auth:errors.currentPasswordWrong');
  const { identifier } = input;
  const own = current(user, identifier.kind) === identifier.value;
  if (own && verifiedAt(user, identifier.kind)) throw new AppError('conflict', 'auth:address.same');
  const taken = await withTenant(platform(scope), (tx) => findAccount(tx, identifier));
  if (taken && taken.id !== user.id) throw new AppError('conflict', identifier.kind === 'email' ? 'auth:errors.emailTaken' : 'auth:errors.phoneTaken');
  await consumeLimits(scope, [{ limit: 'verifyResend', key: scope.userId }]);
  await withTenant(platform(scope), async (tx) => {
    // The account's own unverified address: the usual verification.
    if (own) return startVerification(tx, user, identifier, origin);
    await sendChangeProof(tx, user, identifier, origin);
  });
}

/** Sends the proof for a new address (it names the account it would join; earlier proofs of the kind end). */
export async function sendChangeProof(tx: Tx, user: { id: string; locale: string | null; displayName: string }, identifier: Identifier, origin: string) {
  if (identifier.kind === 'email') {
    const token = await issueLinkToken(tx, user.id, 'verify_email', identifier.value);
    await sendEmailChangeProof(tx, user, identifier.value, token, origin);
  } else {
    const code = await issueCode(tx, user.id, 'verify_phone', identifier.value);
    await sendPhoneChangeProof(tx, user, identifier.value, code);
  }
}

/**
 * Marks an address proven by its link or code (`target`, from the secret) as the account's and
 * verified. The account's own address is simply verified; a new one replaces the old (or is
 * added), live reset secrets end, and the old address (or the other verified one) is told, with
 * a link to undo. False when another account took the address meanwhile.
 */
export async function takeProvenAddress(tx: Tx, userId: string, kind: Identifier['kind'], target: string, origin: string): Promise<boolean> {
  const user = await account(tx, userId);
  if (!user) return false;
  const now = new Date();
  if (current(user, kind) === target) {
    await tx
      .update(users)
      .set(kind === 'email' ? { emailVerifiedAt: now } : { phoneVerifiedAt: now })
      .where(eq(users.id, userId));
    return true;
  }
  const changed = await setAddress(tx, userId, kind, target, now);
  if (!changed) return false;
  await cancelSecrets(tx, userId, ['reset']);
  const old = current(user, kind);
  // Who is told: the address replaced, if it was proven; else (an address added) the other one, if proven.
  const told = old && verifiedAt(user, kind) ? { kind, value: old } : null;
  const otherAddress = current(user, other(kind));
  const tell = told ?? (otherAddress && verifiedAt(user, other(kind)) ? { kind: other(kind), value: otherAddress } : null);
  if (tell) {
    const undo = await issueLinkToken(tx, userId, 'undo_address', `${kind}:${old ?? ''}`, now, UNDO_LIFETIME_MS);
    await sendAddressChanged(tx, user, tell, { kind, added: !old, to: target }, `${origin}/account/undo/${undo}`);
  }
  return true;
}

/**
 * Puts `value` (or no address) on the account as its `kind` address, verified, unless another
 * account holds it: checked in the statement, and a concurrent holder (the unique index) is
 * caught in a savepoint. False when it is taken.
 */
async function setAddress(tx: Tx, userId: string, kind: Identifier['kind'], value: string | null, now: Date): Promise<boolean> {
  const column = kind === 'email' ? sql`o.email` : sql`o.phone`;
  const set = kind === 'email' ? { email: value, emailVerifiedAt: value ? now : null } : { phone: value, phoneVerifiedAt: value ? now : null };
  try {
    const changed = await tx.transaction((savepoint) =>
      savepoint
        .update(users)
        .set(set)
        .where(and(eq(users.id, userId), value ? sql`not exists (select 1 from users o where ${column} = ${value} and o.id <> ${userId})` : undefined))
        .returning({ id: users.id }),
    );
    return changed.length > 0;
  } catch (error) {
    if (sqlStateOf(error) === '23505') return false;
    throw error;
  }
}

const sqlStateOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
};

/** What an undo link would restore, while it is live (its page asks before anything changes); null when dead. */
export async function undoLinkIsLive(scope: Scope, token: string): Promise<{ kind: Identifier['kind']; address: string | null } | null> {
  const secret = await withTenant(platform(scope), (tx) => peekLinkToken(tx, 'undo_address', token));
  return secret?.target ? parseUndo(secret.target) : null;
}

const parseUndo = (target: string): { kind: Identifier['kind']; address: string | null } | null => {
  const [kind, ...rest] = target.split(':');
  if (kind !== 'email' && kind !== 'phone') return null;
  const address = rest.join(':');
  return { kind, address: address || null };
};

/**
 * Undoes a change of sign-in address from the link sent to the address it replaced: the old
 * address is the account's again (an address added is removed), every live secret, session and
 * known device ends, and a reset link is returned for the person to choose a new password at
 * once. `gone`: the link is dead; `taken`: another account holds the old address now.
 */
export async function undoAddressChange(scope: Scope, token: string): Promise<{ ok: true; resetToken: string } | { ok: false; reason: 'gone' | 'taken' }> {
  const outcome = await withTenant(platform(scope), async (tx) => {
    const secret = await useLinkToken(tx, 'undo_address', token);
    const undo = secret?.target ? parseUndo(secret.target) : null;
    if (!secret || !undo) return { ok: false as const, reason: 'gone' as const };
    const user = await account(tx, secret.userId);
    // Removing an added address must leave the account a way in (the check constraint says so too).
    if (!user || (!undo.address && !current(user, other(undo.kind)))) return { ok: false as const, reason: 'gone' as const };
    if (!(await setAddress(tx, secret.userId, undo.kind, undo.address, new Date()))) return { ok: false as const, reason: 'taken' as const };
    await cancelSecrets(tx, secret.userId, ['verify_email', 'verify_phone', 'reset', 'recovery', 'undo_address']);
    await forgetDevices(tx, secret.userId, null);
    const resetToken = await issueLinkToken(tx, secret.userId, 'reset', undo.kind === 'email' ? undo.address : null);
    return { ok: true as const, userId: secret.userId, resetToken };
  });
  if (!outcome.ok) return outcome;
  await invalidateUserSessions(platform(scope), outcome.userId);
  return { ok: true, resetToken: outcome.resetToken };
}

/**
 * The addresses waiting for their proof: the newest live link or code sent to an address that
 * is not (yet) the account's. Shown on /account and /verify, where the code is typed.
 */
export async function pendingAddresses(tx: Tx, userId: string, known?: Account | null): Promise<{ email: string | null; phone: string | null }> {
  const user = known === undefined ? await account(tx, userId) : known;
  const pending = async (kind: Identifier['kind']) => {
    const [row] = await tx
      .select({ target: accountCodes.target })
      .from(accountCodes)
      .where(
        and(
          eq(accountCodes.userId, userId),
          eq(accountCodes.purpose, kind === 'email' ? 'verify_email' : 'verify_phone'),
          isNull(accountCodes.usedAt),
          gt(accountCodes.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(accountCodes.createdAt))
      .limit(1);
    return row?.target && user && row.target !== current(user, kind) ? row.target : null;
  };
  return { email: await pending('email'), phone: await pending('phone') };
}
