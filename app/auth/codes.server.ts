import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { accountCodes, type AccountCodePurpose } from '#db/schema/index.ts';
import type { Tx } from '#db/client.ts';

/**
 * One-time secrets for accounts (table `account_codes`):
 * - links (`/verify/email/:token`, `/reset-password/:token`): a random 160-bit token, kept as its SHA-256;
 * - codes (6 digits by SMS, 8 digits from an official): kept as the SHA-256 of purpose, account
 *   and code, so equal codes of two people differ at rest and a code only works for its account.
 * Each is single use, expires, and allows MAX_ATTEMPTS wrong tries (codes are short: the
 * attempts, not the digits, are what stops guessing). A new secret of a purpose cancels the
 * account's earlier ones of that purpose. Hashes are compared in constant time.
 */
export const CODE_LIFETIME_MS = 30 * 60 * 1000;
/** An official's recovery code is handed over in person: a day, so the meeting need not be within the half hour. */
export const RECOVERY_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const MAX_ATTEMPTS = 5;

const hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
export const hashToken = (token: string) => hex(`token:${token}`);
export const hashCode = (purpose: AccountCodePurpose, userId: string, code: string) => hex(`code:${purpose}:${userId}:${code}`);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function generateLinkToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** A code of `digits` decimal digits, uniformly drawn (rejection sampling, no modulo bias). */
export function generateNumericCode(digits: 6 | 8): string {
  const limit = 10 ** digits;
  const ceiling = Math.floor(0x1_0000_0000 / limit) * limit;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while (word[0]! >= ceiling);
  return String(word[0]! % limit).padStart(digits, '0');
}

export const isLinkToken = (token: string) => /^[a-z2-7]{32}$/.test(token);

async function cancelEarlier(tx: Tx, userId: string, purposes: AccountCodePurpose[], now: Date) {
  for (const purpose of purposes) {
    await tx
      .update(accountCodes)
      .set({ usedAt: now })
      .where(and(eq(accountCodes.userId, userId), eq(accountCodes.purpose, purpose), isNull(accountCodes.usedAt)));
  }
  // Now and then, forget secrets long gone.
  if (Math.random() < 0.01) await tx.delete(accountCodes).where(lt(accountCodes.expiresAt, new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)));
}

/** How long a link to undo a change of sign-in address works: the old address's owner may read their mail late. */
export const UNDO_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Issues a link token; returns it (to put in the link) once. */
export async function issueLinkToken(
  tx: Tx,
  userId: string,
  purpose: AccountCodePurpose,
  target: string | null,
  now = new Date(),
  lifetimeMs = CODE_LIFETIME_MS,
): Promise<string> {
  await cancelEarlier(tx, userId, [purpose], now);
  const token = generateLinkToken();
  await tx
    .insert(accountCodes)
    .values({ userId, purpose, secretHash: hashToken(token), target, createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) });
  return token;
}

/** Ends every live secret of the account of these purposes (an address changed or restored: the old ones name the wrong address). */
export async function cancelSecrets(tx: Tx, userId: string, purposes: AccountCodePurpose[], now = new Date()): Promise<void> {
  await cancelEarlier(tx, userId, purposes, now);
}

/**
 * Issues a numeric code; returns it once. A reset code and a recovery code both set a new
 * password, so either cancels the other's earlier ones (one live way in at a time).
 */
export async function issueCode(
  tx: Tx,
  userId: string,
  purpose: AccountCodePurpose,
  target: string | null,
  { digits = 6, lifetimeMs = CODE_LIFETIME_MS, now = new Date() }: { digits?: 6 | 8; lifetimeMs?: number; now?: Date } = {},
): Promise<string> {
  await cancelEarlier(tx, userId, purpose === 'reset' || purpose === 'recovery' ? ['reset', 'recovery'] : [purpose], now);
  const code = generateNumericCode(digits);
  await tx
    .insert(accountCodes)
    .values({ userId, purpose, secretHash: hashCode(purpose, userId, code), target, createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) });
  return code;
}

export type UsableSecret = { id: string; userId: string; purpose: AccountCodePurpose; target: string | null };

/** The live secret behind a link token, without using it (to show the form it leads to); null when unknown, used or expired. */
export async function peekLinkToken(tx: Tx, purpose: AccountCodePurpose, token: string, now = new Date()): Promise<UsableSecret | null> {
  if (!isLinkToken(token)) return null;
  const [row] = await tx
    .select({
      id: accountCodes.id,
      userId: accountCodes.userId,
      purpose: accountCodes.purpose,
      target: accountCodes.target,
      secretHash: accountCodes.secretHash,
    })
    .from(accountCodes)
    .where(and(eq(accountCodes.secretHash, hashToken(token)), eq(accountCodes.purpose, purpose), isNull(accountCodes.usedAt), gt(accountCodes.expiresAt, now)));
  if (!row || !sameHash(row.secretHash, hashToken(token))) return null;
  return { id: row.id, userId: row.userId, purpose: row.purpose, target: row.target };
}

/** Uses a link token: it works once. Null when unknown, used or expired. */
export async function useLinkToken(tx: Tx, purpose: AccountCodePurpose, token: string, now = new Date()): Promise<UsableSecret | null> {
  const secret = await peekLinkToken(tx, purpose, token, now);
  if (!secret) return null;
  const [used] = await tx
    .update(accountCodes)
    .set({ usedAt: now })
    .where(and(eq(accountCodes.id, secret.id), isNull(accountCodes.usedAt)))
    .returning({ id: accountCodes.id });
  return used ? secret : null;
}

/**
 * Uses a code of one of `purposes` for an account. The newest live code is the one tried; a wrong
 * try counts against it (MAX_ATTEMPTS, then it is dead). The row is locked, so parallel guesses
 * queue and each counts. Null when no live code matches (wrong, used, expired, out of attempts).
 */
export async function useCode(tx: Tx, userId: string, purposes: AccountCodePurpose[], code: string, now = new Date()): Promise<UsableSecret | null> {
  const [row] = await tx
    .select({
      id: accountCodes.id,
      purpose: accountCodes.purpose,
      target: accountCodes.target,
      secretHash: accountCodes.secretHash,
      attempts: accountCodes.attempts,
    })
    .from(accountCodes)
    .where(
      and(
        eq(accountCodes.userId, userId),
        sql`${accountCodes.purpose} in ${purposes}`,
        isNull(accountCodes.usedAt),
        gt(accountCodes.expiresAt, now),
        lt(accountCodes.attempts, MAX_ATTEMPTS),
      ),
    )
    .orderBy(desc(accountCodes.createdAt))
    .limit(1)
    .for('update');
  if (!row) return null;
  if (!sameHash(row.secretHash, hashCode(row.purpose, userId, code))) {
    await tx
      .update(accountCodes)
      .set({ attempts: sql`${accountCodes.attempts} + 1` })
      .where(eq(accountCodes.id, row.id));
    return null;
  }
  await tx
    .update(accountCodes)
    .set({ usedAt: now, attempts: sql`${accountCodes.attempts} + 1` })
    .where(eq(accountCodes.id, row.id));
  return { id: row.id, userId, purpose: row.purpose, target: row.target };
}
