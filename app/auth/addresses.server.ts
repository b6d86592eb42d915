import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { accountCodes, users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from '~/lib/errors.ts';
import { consumeLimits } from '~/lib/rate-limit.server.ts';
import { sendAddressChanged } from './account-messages.server.ts';
import { findAccount, startVerification } from './accounts.server.ts';
import type { Identifier } from './identity.ts';
import { verifyPassword } from './password.server.ts';

/**
 * Adding or changing the e-mail address or phone number of an account (/account). The person
 * confirms with their password; the proof (a link by e-mail, a 6-digit code by SMS) goes to the
 * new address, and the account takes the address only once it is proven (`takeProvenAddress`,
 * from the link or the code): an address nobody proved is never put on an account, so a typo
 * cannot lock anyone out. The address it replaces, when it was verified, is told of the change
 * (someone with a stolen session cannot move the account away quietly).
 */

const platform = (scope: Scope): Scope => ({ ...scope, tenantId: null, userId: null });

type Account = {
  id: string;
  locale: string | null;
  email: string | null;
  phone: string | null;
  emailVerifiedAt: Date | null;
  phoneVerifiedAt: Date | null;
};

async function account(tx: Tx, userId: string): Promise<(Account & { passwordHash: string }) | null> {
  const [row] = await tx
    .select({
      id: users.id,
      locale: users.locale,
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

/**
 * Sends the proof for a new (or the same, unverified) address. Refused: a wrong password
 * (`invalid`, on the password field), an address another account uses (`conflict`), the
 * account's own verified address (`conflict`), too many tries (429: the password check shares
 * the change-password limit; each proof sent spends the resend limit).
 */
export async function requestAddressChange(
  scope: Scope & { userId: string },
  input: { identifier: Identifier; password: string },
  { client, origin }: { client: string; origin: string },
): Promise<void> {
  await consumeLimits(scope, [{ limit: 'changePassword', key: `${scope.userId}|${client}` }]);
  const user = await withTenant(platform(scope), (tx) => account(tx, scope.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) throw new AppError('invalid', 'auth:errors.currentPasswordWrong');
  const { identifier } = input;
  const verified = identifier.kind === 'email' ? user.emailVerifiedAt : user.phoneVerifiedAt;
  if (current(user, identifier.kind) === identifier.value && verified) throw new AppError('conflict', 'auth:address.same');
  // Each proof sent costs (an SMS is paid for): the same limit as asking for a new code.
  await consumeLimits(scope, [{ limit: 'verifyResend', key: scope.userId }]);
  await withTenant(platform(scope), async (tx) => {
    const other = await findAccount(tx, identifier);
    if (other && other.id !== user.id) throw new AppError('conflict', identifier.kind === 'email' ? 'auth:errors.emailTaken' : 'auth:errors.phoneTaken');
    await startVerification(tx, user, identifier, origin);
  });
}

/**
 * Marks an address proven by its link or code (`target`, from the secret) as the account's and
 * verified. The account's own address is simply verified; a new one replaces the old (which is
 * told, if it was verified). False when another account took the address meanwhile.
 */
export async function takeProvenAddress(tx: Tx, userId: string, kind: Identifier['kind'], target: string): Promise<boolean> {
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
  const other = kind === 'email' ? sql`o.email` : sql`o.phone`;
  // Taken since the proof was sent: the unique index would refuse it; say so without an error.
  const changed = await tx
    .update(users)
    .set(kind === 'email' ? { email: target, emailVerifiedAt: now } : { phone: target, phoneVerifiedAt: now })
    .where(and(eq(users.id, userId), sql`not exists (select 1 from users o where ${other} = ${target} and o.id <> ${userId})`))
    .returning({ id: users.id });
  if (changed.length === 0) return false;
  const old = current(user, kind);
  const oldVerified = kind === 'email' ? user.emailVerifiedAt : user.phoneVerifiedAt;
  if (old && oldVerified) await sendAddressChanged(tx, user, { kind, value: old }, target);
  return true;
}

/**
 * The addresses waiting for their proof: the newest live link or code sent to an address that
 * is not (yet) the account's. Shown on /account and /verify, where the code is typed.
 */
export async function pendingAddresses(tx: Tx, userId: string): Promise<{ email: string | null; phone: string | null }> {
  const user = await account(tx, userId);
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
