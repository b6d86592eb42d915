import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimits } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from './errors.ts';

/**
 * Limits on forms anyone can send (sign-up, a homestay inquiry) or that test a secret (changing
 * the password): so many tries per key in a fixed window. Counted by rate-limiter-flexible's
 * drizzle store in Postgres (`rate_limits`), inside Baan's own transaction as the app role, so
 * every app server counts against the same numbers and none keeps state of its own.
 *
 * Sized for people, not scripts: a commune office signing up a room of villagers behind one
 * address fits in the sign-up limit; a script filling a host's inbox does not.
 */
export const LIMITS = {
  /** New accounts from one client address. */
  signUp: { points: 30, durationS: 60 * 60 },
  /** Password-change attempts by one account from one client (each one tests the current password). */
  changePassword: { points: 5, durationS: 15 * 60 },
  /** Address-change attempts by one account from one client (each one tests the password too). */
  changeAddress: { points: 5, durationS: 15 * 60 },
  /** Password-reset requests from one client address (each may send a mail or an SMS). */
  resetClient: { points: 10, durationS: 60 * 60 },
  /** Password-reset requests for one address or number, from anywhere (counted whether or not an account has it). */
  resetAccount: { points: 5, durationS: 60 * 60 },
  /** Codes typed (verification, reset, recovery) from one client address; each code also has its own few attempts. */
  codeAttempt: { points: 20, durationS: 15 * 60 },
  /** New verification messages asked for by one account. */
  verifyResend: { points: 5, durationS: 60 * 60 },
  /** Inquiries from one client address, to any homestay. */
  inquiryClient: { points: 10, durationS: 60 * 60 },
  /** Inquiries to one homestay, from everyone. */
  inquiryPlace: { points: 30, durationS: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Spends one try of each limit in order, inside the caller's transaction, stopping at the first
 * that is used up: it throws a 429 AppError carrying `retryAfterSeconds` (messageKey
 * common:errors.tooManyRequests) before the caller writes anything, and the transaction's
 * rollback takes back what this request spent, so a refused client never uses up a shared
 * limit (one address cannot close a homestay's inquiries for everyone).
 */
export async function spendLimits(tx: Tx, checks: { limit: LimitName; key: string }[]): Promise<void> {
  for (const { limit, key } of checks) {
    const { points, durationS } = LIMITS[limit];
    const limiter = new RateLimiterDrizzle({
      storeClient: tx,
      schema: rateLimits,
      keyPrefix: limit,
      points,
      duration: durationS,
      clearExpiredByTimeout: false,
    });
    try {
      await limiter.consume(storedKey(key));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyRequests(rejection.msBeforeNext);
    }
  }
  // Now and then, drop windows long over (the store's own timer is off: it would outlive the transaction).
  if (Math.random() < 0.01) await tx.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 60 * 60 * 1000)));
}

/** spendLimits in a transaction of its own, for a form whose work runs elsewhere. */
export async function consumeLimits(scope: Scope, checks: { limit: LimitName; key: string }[]): Promise<void> {
  await withTenant({ ...scope, tenantId: null, userId: null }, (tx) => spendLimits(tx, checks));
}

/** Keys as stored: printable ASCII as it is, anything else (NUL, other scripts, long slugs) by its SHA-256. */
function storedKey(key: string): string {
  if (/^[\x20-\x7e]{1,200}$/.test(key)) return key;
  return `sha256:${encodeHexLowerCase(sha256(new TextEncoder().encode(key)))}`;
}

export function tooManyRequests(waitMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('too_many_requests', 'common:errors.tooManyRequests', { retryAfterSeconds });
}

/** The headers of a 429: how long to wait, in seconds. */
export function retryAfterHeaders(error: AppError): Record<string, string> | undefined {
  const seconds = Number(error.details?.retryAfterSeconds ?? 0);
  return error.code === 'too_many_requests' && seconds > 0 ? { 'Retry-After': String(seconds) } : undefined;
}

/**
 * A route's `headers`: passes its action's Retry-After on to the page (React Router carries only
 * an action's cookies over by itself), so an HTML form's 429 says when to try again too.
 */
export function retryAfterFromAction({ actionHeaders, parentHeaders }: { actionHeaders: Headers; parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
}
