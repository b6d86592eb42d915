import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { knownDevices, signInThrottle } from '#db/schema/index.ts';
import type { Tx } from '#db/client.ts';

/**
 * Sign-in throttling. Guessing is slowed where it happens without locking the owner out:
 * - per (account, client): a few free failures, then each failure doubles the wait, up to a cap.
 *   One person's typos, or an attacker at one address, slow only that pair.
 * - a device that has signed in to the account before (the `baan_device` cookie) skips the
 *   (account, client) back-off and both ceilings below, so the right password always works from
 *   the owner's phone however hard others try. Its own failures have their own back-off, so a
 *   copied device cookie does not open unlimited guessing either.
 * - per account, unknown devices together: a loose ceiling against guessing spread over many
 *   addresses. It closes the account to new devices for the rest of the window, never to known ones.
 * - per client: a ceiling against one address spraying many accounts. It is a window that ends
 *   by itself; it is not extended by later tries, and known devices behind the address pass.
 */
export const THROTTLE = {
  freeFailures: 5,
  firstDelayMs: 5000,
  maxDelayMs: 15 * 60 * 1000,
  /** Back-off failures are forgotten this long after the first of a run. */
  backoffWindowMs: 24 * 60 * 60 * 1000,
  perAccount: { limit: 50, windowMs: 60 * 60 * 1000 },
  perClient: { limit: 100, windowMs: 15 * 60 * 1000 },
  /** A device not signed in to the account for this long is unknown again. */
  deviceMemoryMs: 365 * 24 * 60 * 60 * 1000,
} as const;

export type ThrottlePolicy = { kind: 'backoff' } | { kind: 'ceiling'; limit: number; windowMs: number };
const BACKOFF: ThrottlePolicy = { kind: 'backoff' };
export const ACCOUNT_CEILING: ThrottlePolicy = { kind: 'ceiling', ...THROTTLE.perAccount };
export const CLIENT_CEILING: ThrottlePolicy = { kind: 'ceiling', ...THROTTLE.perClient };

export const pairKey = (email: string, client: string) => `pair:${email}|${client}`;
export const deviceKey = (userId: string, deviceHash: string) => `device:${userId}:${deviceHash}`;
export const accountKey = (email: string) => `account:${email}`;
export const clientKey = (client: string) => `client:${client}`;

/** The wait after the n-th failure in a run: nothing for the free ones, then 5 s, 10 s, 20 s, … up to the cap. */
export function backoffDelayMs(failures: number): number {
  if (failures <= THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - THROTTLE.freeFailures - 1), THROTTLE.maxDelayMs);
}

/** The keys a sign-in attempt is counted under: a known device's own, or the pair's and both ceilings'. */
export function throttleKeys(email: string, client: string, device: { userId: string; hash: string } | null): { key: string; policy: ThrottlePolicy }[] {
  if (device) return [{ key: deviceKey(device.userId, device.hash), policy: BACKOFF }];
  return [
    { key: pairKey(email, client), policy: BACKOFF },
    { key: accountKey(email), policy: ACCOUNT_CEILING },
    { key: clientKey(client), policy: CLIENT_CEILING },
  ];
}

/**
 * Counts one failure against a key and holds the key for as long as its policy says. Returns
 * the hold the key was under before this count (null when none), so a caller can count an
 * attempt before checking the password: concurrent attempts queue on the key's row, and each
 * sees the hold the ones before it set (a burst of parallel guesses gets no more than one at a time).
 */
export async function recordFailure(tx: Tx, key: string, policy: ThrottlePolicy, now = new Date()): Promise<Date | null> {
  const windowMs = policy.kind === 'backoff' ? THROTTLE.backoffWindowMs : policy.windowMs;
  // Timestamps go in as ISO text: raw SQL parameters are not serialised alike by both drivers.
  const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${signInThrottle.windowStartedAt} < ${windowStart}`;
  // One statement counts, so concurrent failures cannot both read a stale count; the row stays
  // locked until this transaction ends, so the hold below follows the count it was computed from.
  const [row] = await tx
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${nowAt} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${expired} then null else ${signInThrottle.lockedUntil} end`,
      },
    })
    .returning({ failures: signInThrottle.failures, windowStartedAt: signInThrottle.windowStartedAt, lockedUntil: signInThrottle.lockedUntil });
  const { failures, windowStartedAt, lockedUntil: heldBefore } = row!;
  const holdUntil =
    policy.kind === 'backoff'
      ? backoffDelayMs(failures) > 0
        ? new Date(now.getTime() + backoffDelayMs(failures))
        : null
      : failures >= policy.limit
        ? new Date(windowStartedAt.getTime() + policy.windowMs)
        : null;
  if (holdUntil) await tx.update(signInThrottle).set({ lockedUntil: holdUntil }).where(eq(signInThrottle.key, key));
  // Now and then, forget runs long over (a cheap sweep; the table stays small).
  if (Math.random() < 0.01) {
    await tx.delete(signInThrottle).where(lt(signInThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE.backoffWindowMs)));
  }
  return heldBefore && heldBefore > now ? heldBefore : null;
}

/** Takes back one counted attempt that turned out right (a ceiling counts failures only). */
export async function forgiveAttempt(tx: Tx, key: string, policy: ThrottlePolicy): Promise<void> {
  if (policy.kind === 'backoff') return clearFailures(tx, key);
  await tx
    .update(signInThrottle)
    .set({
      failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${signInThrottle.failures} - 1 < ${policy.limit} then null else ${signInThrottle.lockedUntil} end`,
    })
    .where(eq(signInThrottle.key, key));
  await tx.delete(signInThrottle).where(and(eq(signInThrottle.key, key), lt(signInThrottle.failures, 1)));
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

// ---- Known devices -------------------------------------------------------------------------

export const DEVICE_COOKIE = 'baan_device';
const DEVICE_TOKEN = /^[a-z2-7]{32}$/;

export function generateDeviceToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function deviceHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`device:${token}`)));
}

/** The device token the browser sent, if it is one Baan could have made. */
export function readDeviceToken(request: Request): string | null {
  const header = request.headers.get('Cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === DEVICE_COOKIE) {
      const value = rest.join('=');
      return DEVICE_TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

export function deviceCookie(token: string, { secure }: { secure: boolean }): string {
  return [`${DEVICE_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(THROTTLE.deviceMemoryMs / 1000)}`, secure ? 'Secure' : '']
    .filter(Boolean)
    .join('; ');
}

export async function isKnownDevice(tx: Tx, userId: string, hash: string, now = new Date()): Promise<boolean> {
  const [row] = await tx
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(
      and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, hash), gt(knownDevices.lastSignInAt, new Date(now.getTime() - THROTTLE.deviceMemoryMs))),
    );
  return Boolean(row);
}

export async function rememberDevice(tx: Tx, userId: string, hash: string, now = new Date()): Promise<void> {
  await tx
    .insert(knownDevices)
    .values({ userId, deviceHash: hash, createdAt: now, lastSignInAt: now })
    .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.deviceHash], set: { lastSignInAt: now } });
  // Now and then, forget devices not seen for longer than they are remembered.
  if (Math.random() < 0.01) await tx.delete(knownDevices).where(lt(knownDevices.lastSignInAt, new Date(now.getTime() - THROTTLE.deviceMemoryMs)));
}

/** Forgets an account's devices, except the one named (the browser in use). */
export async function forgetDevices(tx: Tx, userId: string, keepHash: string | null): Promise<void> {
  await tx.delete(knownDevices).where(keepHash ? and(eq(knownDevices.userId, userId), ne(knownDevices.deviceHash, keepHash)) : eq(knownDevices.userId, userId));
}
