import { eq } from 'drizzle-orm';
import { users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import { AppError } from '~/lib/errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.server.ts';
import type { SignInInput, SignUpInput } from './schemas.ts';
import { createSession, generateSessionToken, invalidateUserSessions } from './session.server.ts';
import { accountKey, addressKey, clearFailures, lockedFor, recordFailure, THROTTLE } from './throttle.server.ts';

export type NewSession = { userId: string; token: string; expiresAt: Date };

/** Creates an account and signs it in. A taken e-mail is a conflict, with nothing written. */
export async function signUp(scope: Scope, input: SignUpInput, locale: string): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  const userId = await withTenant(scope, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AppError('conflict', 'auth:errors.emailTaken');
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash, displayName: input.displayName, phone: input.phone, locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new AppError('conflict', 'auth:errors.emailTaken');
    return row.id;
  });
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, userId);
  return { userId, token, expiresAt };
}

/**
 * Checks e-mail and password under throttling: too many failures for the account or from the
 * client address lock further tries for a while (429), even with the right password.
 */
export async function signIn(scope: Scope, input: SignInInput, clientAddress: string): Promise<NewSession> {
  const keys = [accountKey(input.email), addressKey(clientAddress)];
  const wait = await withTenant(scope, (tx) => lockedFor(tx, keys));
  if (wait > 0) throw new AppError('too_many_requests', 'auth:errors.throttled', { retryAfterSeconds: Math.ceil(wait / 1000) });

  const user = await withTenant(scope, async (tx) => {
    const [row] = await tx.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, input.email));
    return row ?? null;
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    await withTenant(scope, async (tx) => {
      await recordFailure(tx, keys[0]!, THROTTLE.perAccount);
      await recordFailure(tx, keys[1]!, THROTTLE.perAddress);
    });
    throw new AppError('invalid', 'auth:errors.wrongCredentials');
  }
  await withTenant(scope, (tx) => clearFailures(tx, keys[0]!));
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, user.id);
  return { userId: user.id, token, expiresAt };
}

/** Changes the password and signs the account out everywhere; a fresh session is returned. */
export async function changePassword(
  scope: Scope & { userId: string },
  currentPassword: string,
  newPassword: string,
): Promise<NewSession> {
  const [row] = await withTenant(scope, (tx) =>
    tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, scope.userId)),
  );
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError('invalid', 'auth:errors.currentPasswordWrong');
  }
  const passwordHash = await hashPassword(newPassword);
  await withTenant(scope, (tx) =>
    tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, scope.userId)),
  );
  await invalidateUserSessions(scope, scope.userId);
  const token = generateSessionToken();
  const { expiresAt } = await createSession(scope, token, scope.userId);
  return { userId: scope.userId, token, expiresAt };
}

export async function setPreferredLocale(scope: Scope & { userId: string }, locale: string): Promise<void> {
  await withTenant(scope, (tx) => tx.update(users).set({ locale }).where(eq(users.id, scope.userId)));
}
