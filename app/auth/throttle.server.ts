import { eq, sql } from 'drizzle-orm';
import { signInThrottle } from '#db/schema/index.ts';
import type { Tx } from '#db/client.ts';

/** Failed sign-ins allowed per window before a key is locked, and for how long. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
} as const;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;

/** Milliseconds until the first locked key unlocks, or 0 when none is locked. */
export async function lockedFor(tx: Tx, keys: string[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now) wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
  }
  return wait;
}

/** Counts one failure against a key inside its window; locks it once the limit is reached. */
export async function recordFailure(tx: Tx, key: string, limit: number, now = new Date()): Promise<void> {
  // Timestamps go in as ISO text: raw SQL parameters are not serialised alike by both drivers.
  const windowStart = sql`${new Date(now.getTime() - THROTTLE.windowMs).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + THROTTLE.lockMs).toISOString()}::timestamptz`;
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  // One statement, so concurrent failures cannot both read a stale count.
  await tx
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${nowAt} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${signInThrottle.windowStartedAt} >= ${windowStart} and ${signInThrottle.failures} + 1 >= ${limit} then ${lockUntil} else ${signInThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
