import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, ne } from 'drizzle-orm';
import { sessions, users } from '#db/schema/index.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { SessionUser } from './session-user.ts';

// Sessions after the Lucia guide: the browser holds a random token, the database only its hash.
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const REFRESH_WHEN_LEFT_MS = 15 * DAY;
export const SESSION_COOKIE = 'baan_session';

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(scope: Scope, token: string, userId: string): Promise<{ expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await withTenant(scope, (tx) => tx.insert(sessions).values({ id: sessionIdFromToken(token), userId, expiresAt }));
  return { expiresAt };
}

export type SessionValidation = { user: SessionUser; expiresAt: Date; refreshed: boolean } | null;

/** Looks the token up; expired sessions are deleted, live ones slide forward when half used. */
export async function validateSessionToken(scope: Scope, token: string): Promise<SessionValidation> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  return withTenant(scope, async (tx) => {
    const [row] = await tx
      .select({
        expiresAt: sessions.expiresAt,
        userId: users.id,
        email: users.email,
        phone: users.phone,
        displayName: users.displayName,
        isOperator: users.isOperator,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row) return null;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now) {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    let expiresAt = row.expiresAt;
    let refreshed = false;
    if (expiresAt.getTime() - now < REFRESH_WHEN_LEFT_MS) {
      expiresAt = new Date(now + SESSION_LIFETIME_MS);
      refreshed = true;
      await tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    }
    const user: SessionUser = {
      id: row.userId,
      email: row.email,
      phone: row.phone,
      displayName: row.displayName,
      isOperator: row.isOperator,
      sessionId: id,
    };
    return { user, expiresAt, refreshed };
  });
}

export async function invalidateSession(scope: Scope, sessionId: string): Promise<void> {
  await withTenant(scope, (tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Drops every session of a user except, optionally, the one in use. */
export async function invalidateUserSessions(scope: Scope, userId: string, keepSessionId?: string): Promise<void> {
  await withTenant(scope, (tx) =>
    tx.delete(sessions).where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId)),
  );
}

export async function countLiveSessions(scope: Scope, userId: string): Promise<number> {
  return withTenant(scope, async (tx) => {
    const rows = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
    return rows.length;
  });
}

export type CookieOptions = { secure: boolean };

export function sessionCookie(token: string, expiresAt: Date, { secure }: CookieOptions): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`, secure ? 'Secure' : '']
    .filter(Boolean)
    .join('; ');
}

export function blankSessionCookie({ secure }: CookieOptions): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', secure ? 'Secure' : ''].filter(Boolean).join('; ');
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

/** Secure cookies everywhere except plain-HTTP loopback development. */
export function cookieOptionsFor(request: Request, isProduction: boolean): CookieOptions {
  const url = new URL(request.url);
  if (url.protocol === 'https:') return { secure: true };
  const loopback = url.hostname === 'localhost' || url.hostname.endsWith('.localhost') || url.hostname === '127.0.0.1';
  return { secure: isProduction && !loopback };
}
