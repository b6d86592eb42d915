import { randomInt, timingSafeEqual } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import {
  communes,
  memberships,
  products,
  sellerActions,
  sellerConsentRequests,
  sellerPayouts,
  sellers,
  users,
  type SellerAction,
  type SellerStatus,
} from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { readTenant, withTenant, type MemberScope, type CommuneScope } from '#db/scope.ts';
import { rolesHolding, type PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { SellerProfileInput } from './schemas.ts';
import { cancelPendingPayouts } from './payouts.server.ts';
import { actorFor, logSellerAction, memberHolds } from './seller-actor.server.ts';

export type Seller = {
  id: string;
  userId: string | null;
  status: SellerStatus;
  name: string;
  hamlet: string | null;
  story: LocaleText;
  photo: ImageRef | null;
  phone: string | null;
  zalo: string | null;
  isCooperative: boolean;
  rejectReason: string | null;
  consentAt: Date | null;
  consentNote: string | null;
  ratingSum: number;
  ratingCount: number;
  createdAt: Date;
};

const sellerColumns = {
  id: sellers.id,
  userId: sellers.userId,
  status: sellers.status,
  name: sellers.name,
  hamlet: sellers.hamlet,
  story: sellers.story,
  photo: sellers.photo,
  phone: sellers.phone,
  zalo: sellers.zalo,
  isCooperative: sellers.isCooperative,
  rejectReason: sellers.rejectReason,
  consentAt: sellers.consentAt,
  consentNote: sellers.consentNote,
  ratingSum: sellers.ratingSum,
  ratingCount: sellers.ratingCount,
  createdAt: sellers.createdAt,
};

/** How many people of the commune may record consent (the two-officials rule). */
async function consentRecorderCount(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, rolesHolding('consent.record'))));
  return row?.n ?? 0;
}

export async function getSeller(scope: CommuneScope, sellerId: string): Promise<Seller | null> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select(sellerColumns)
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId))),
  );
  return row ?? null;
}

/** The signed-in person's own seller record in this commune, if they have asked to sell. */
export async function getOwnSeller(scope: MemberScope): Promise<Seller | null> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select(sellerColumns)
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.userId, scope.userId))),
  );
  return row ?? null;
}

/** Every seller of the commune, requests and suspended shops included: the market desk's list. */
export async function listSellers(scope: PermittedScope<'market.desk'>): Promise<Seller[]> {
  return withTenant(scope, (tx) =>
    tx
      .select(sellerColumns)
      .from(sellers)
      .where(eq(sellers.tenantId, scope.tenantId))
      .orderBy(sql`case ${sellers.status} when 'pending' then 0 when 'approved' then 1 else 2 end`, asc(sellers.name)),
  );
}

/** A villager asks to sell here. Asking again updates a pending or rejected request. */
export async function applyToSell(scope: MemberScope, input: SellerProfileInput): Promise<string> {
  return withTenant(scope, async (tx) => {
    const [existing] = await tx
      .select({ id: sellers.id, status: sellers.status })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.userId, scope.userId)));
    if (existing && (existing.status === 'approved' || existing.status === 'suspended')) return existing.id;
    let id: string;
    if (existing) {
      await tx
        .update(sellers)
        .set({ ...input, status: 'pending', rejectReason: null })
        .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, existing.id)));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(sellers)
        .values({ tenantId: scope.tenantId, userId: scope.userId, ...input })
        .returning({ id: sellers.id });
      id = row!.id;
    }
    await logSellerAction(tx, scope.tenantId, { sellerId: id, userId: scope.userId, onBehalf: false }, 'seller.applied');
    await recordEvent(tx, scope.tenantId, 'seller.applied', { sellerId: id }, scope.userId);
    return id;
  });
}

/**
 * An official adds a seller directly (approved): for villagers without an account. The consent
 * that lets staff act for them is recorded with it, and in a commune with two or more officials
 * it takes effect only once another official confirms it.
 */
export async function addSellerByOfficial(scope: PermittedScope<'seller.review'>, input: SellerProfileInput, consentNote: string): Promise<string> {
  return withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'seller.review'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    const [row] = await tx
      .insert(sellers)
      .values({ tenantId: scope.tenantId, ...input, status: 'approved', approvedAt: new Date() })
      .returning({ id: sellers.id });
    const actor = { sellerId: row!.id, userId: scope.userId, onBehalf: false };
    await logSellerAction(tx, scope.tenantId, actor, 'seller.added');
    await recordEvent(tx, scope.tenantId, 'seller.approved', { sellerId: row!.id }, scope.userId);
    await recordOfficialConsent(tx, scope, row!.id, consentNote);
    return row!.id;
  });
}

/** Approves a request, or reinstates a suspended seller with the listings suspended along with them. */
export async function approveSeller(scope: PermittedScope<'seller.review'>, sellerId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [before] = await tx
      .select({ status: sellers.status })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)))
      .for('update');
    const [row] = await tx
      .update(sellers)
      .set({ status: 'approved', approvedAt: new Date(), rejectReason: null })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), sql`${sellers.status} in ('pending', 'rejected', 'suspended')`))
      .returning({ userId: sellers.userId });
    if (!row || !before) throw new AppError('conflict', 'market:errors.staleState');
    if (row.userId) {
      await tx.insert(memberships).values({ tenantId: scope.tenantId, userId: row.userId, role: 'seller' }).onConflictDoNothing();
    }
    const actor = { sellerId, userId: scope.userId, onBehalf: false };
    if (before.status === 'suspended') {
      // Each held listing gets back exactly the status it had: a queued one returns to the
      // officials' queue, and a listing taken down on its own stays down.
      const restored = await tx
        .update(products)
        .set({ status: sql`${products.heldStatus}`, heldStatus: null, updatedAt: new Date() })
        .where(and(eq(products.tenantId, scope.tenantId), eq(products.sellerId, sellerId), eq(products.status, 'suspended'), isNotNull(products.heldStatus)))
        .returning({ id: products.id, status: products.status });
      await logSellerAction(tx, scope.tenantId, actor, 'seller.reinstated', { products: restored.length });
      await recordEvent(
        tx,
        scope.tenantId,
        'seller.reinstated',
        {
          sellerId,
          productIds: restored.filter((p) => p.status === 'published').map((p) => p.id),
          queuedIds: restored.filter((p) => p.status === 'pending').map((p) => p.id),
        },
        scope.userId,
      );
      return;
    }
    await logSellerAction(tx, scope.tenantId, actor, 'seller.approved');
    await recordEvent(tx, scope.tenantId, 'seller.approved', { sellerId }, scope.userId);
  });
}

/**
 * Suspends a seller inside the caller's transaction: the shop leaves the catalogue (its live and
 * queued listings are held, to come back on reinstatement) while orders already placed stay
 * handleable. `reason` is shown to the seller; `cause` says why when no one typed a reason.
 */
export async function suspendSellerIn(
  tx: Tx,
  tenantId: string,
  sellerId: string,
  actorId: string,
  reason: string | null,
  cause: 'official' | 'role_removed',
): Promise<boolean> {
  const [row] = await tx
    .update(sellers)
    .set({ status: 'suspended', rejectReason: reason })
    .where(and(eq(sellers.tenantId, tenantId), eq(sellers.id, sellerId), sql`${sellers.status} in ('approved', 'pending')`))
    .returning({ id: sellers.id });
  if (!row) return false;
  const held = await tx
    .update(products)
    // Set from the old row: each listing remembers whether it was live or queued.
    .set({ status: 'suspended', heldStatus: sql`${products.status}`, updatedAt: new Date() })
    .where(and(eq(products.tenantId, tenantId), eq(products.sellerId, sellerId), sql`${products.status} in ('published', 'pending')`))
    .returning({ id: products.id });
  await logSellerAction(tx, tenantId, { sellerId, userId: actorId, onBehalf: false }, 'seller.suspended', {
    ...(reason ? { reason } : {}),
    cause,
    products: held.length,
  });
  await recordEvent(tx, tenantId, 'seller.suspended', { sellerId, cause, reason, productIds: held.map((p) => p.id) }, actorId);
  return true;
}

/** An official suspends a seller (no consent needed), with a reason the seller reads. */
export async function suspendSeller(scope: PermittedScope<'seller.review'>, sellerId: string, reason: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'seller.review'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    if (!(await suspendSellerIn(tx, scope.tenantId, sellerId, scope.userId, reason, 'official'))) throw new AppError('conflict', 'market:errors.staleState');
  });
}

/** When someone loses the seller role here, their shop is suspended with it. */
export async function suspendShopOfUser(tx: Tx, tenantId: string, userId: string, actorId: string): Promise<void> {
  const [row] = await tx
    .select({ id: sellers.id })
    .from(sellers)
    .where(and(eq(sellers.tenantId, tenantId), eq(sellers.userId, userId)));
  if (row) await suspendSellerIn(tx, tenantId, row.id, actorId, null, 'role_removed');
}

export async function rejectSeller(scope: PermittedScope<'seller.review'>, sellerId: string, reason: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ status: 'rejected', rejectReason: reason })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), eq(sellers.status, 'pending')))
      .returning({ id: sellers.id });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.rejected', { reason });
    await recordEvent(tx, scope.tenantId, 'seller.rejected', { sellerId, reason }, scope.userId);
  });
}

const CODE_LIFETIME_MS = 15 * 60_000;
const CODE_ATTEMPTS = 5;

/** A one-time code is kept only as a hash bound to its request. */
const hashCode = (requestId: string, code: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(`${requestId}:${code}`)));

async function setConsent(tx: Tx, tenantId: string, sellerId: string, byUserId: string, note: string) {
  await tx
    .update(sellers)
    .set({ consentAt: new Date(), consentBy: byUserId, consentNote: note })
    .where(and(eq(sellers.tenantId, tenantId), eq(sellers.id, sellerId)));
}

async function closeOpenRequests(tx: Tx, tenantId: string, sellerId: string) {
  await tx
    .update(sellerConsentRequests)
    .set({ closedAt: new Date() })
    .where(
      and(
        eq(sellerConsentRequests.tenantId, tenantId),
        eq(sellerConsentRequests.sellerId, sellerId),
        isNull(sellerConsentRequests.confirmedAt),
        isNull(sellerConsentRequests.closedAt),
      ),
    );
}

/**
 * An official records consent for a seller without an account (who cannot give it in a session
 * of their own). With two or more officials in the commune it waits for a second one.
 */
async function recordOfficialConsent(tx: Tx, scope: MemberScope, sellerId: string, note: string): Promise<'recorded' | 'awaiting_second'> {
  await closeOpenRequests(tx, scope.tenantId, sellerId);
  const actor = { sellerId, userId: scope.userId, onBehalf: false };
  if ((await consentRecorderCount(tx, scope.tenantId)) >= 2) {
    await tx.insert(sellerConsentRequests).values({ tenantId: scope.tenantId, sellerId, method: 'official', note, requestedBy: scope.userId });
    await logSellerAction(tx, scope.tenantId, actor, 'seller.consent_proposed', { note });
    await recordEvent(tx, scope.tenantId, 'seller.consent_proposed', { sellerId }, scope.userId);
    return 'awaiting_second';
  }
  await setConsent(tx, scope.tenantId, sellerId, scope.userId, note);
  await logSellerAction(tx, scope.tenantId, actor, 'seller.consent_recorded', { note, method: 'official' });
  await recordEvent(tx, scope.tenantId, 'seller.consent_given', { sellerId, method: 'official' }, scope.userId);
  return 'recorded';
}

/** The seller turns assisted mode on in their own session. */
export async function giveConsent(scope: PermittedScope<'shop.consent'>, sellerId: string, note: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ consentAt: new Date(), consentBy: scope.userId, consentNote: note })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), eq(sellers.userId, scope.userId)))
      .returning({ id: sellers.id });
    if (!row) throw new AppError('not_found', 'common:errors.notFound');
    const [open] = await tx
      .update(sellerConsentRequests)
      .set({ confirmedAt: new Date(), confirmedBy: scope.userId })
      .where(
        and(
          eq(sellerConsentRequests.tenantId, scope.tenantId),
          eq(sellerConsentRequests.sellerId, sellerId),
          isNull(sellerConsentRequests.confirmedAt),
          isNull(sellerConsentRequests.closedAt),
        ),
      )
      .returning({ id: sellerConsentRequests.id });
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.consent_given', { note, method: 'self' });
    await recordEvent(tx, scope.tenantId, 'seller.consent_given', { sellerId, method: 'self', requestId: open?.id ?? null }, scope.userId);
  });
}

/**
 * Staff ask for consent. A seller with an account confirms it themself (in their session, or
 * by reading out a code from their own screen); for a seller without one, only an official may
 * record it (and a second official confirms where there are two). Editors never record it.
 */
export async function requestConsent(
  scope: PermittedScope<'market.desk'>,
  sellerId: string,
  note: string,
): Promise<'requested' | 'recorded' | 'awaiting_second'> {
  return withTenant(scope, async (tx) => {
    const [seller] = await tx
      .select({ userId: sellers.userId, consentAt: sellers.consentAt })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)))
      .for('update');
    if (!seller) throw new AppError('not_found', 'common:errors.notFound');
    if (seller.consentAt) throw new AppError('conflict', 'market:assisted.alreadyConsented');
    if (!seller.userId) {
      if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'consent.record'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
      return recordOfficialConsent(tx, scope, sellerId, note);
    }
    if (seller.userId === scope.userId) throw new AppError('conflict', 'market:assisted.giveItYourself');
    await closeOpenRequests(tx, scope.tenantId, sellerId);
    await tx.insert(sellerConsentRequests).values({ tenantId: scope.tenantId, sellerId, method: 'code', note, requestedBy: scope.userId });
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.consent_requested', { note });
    await recordEvent(tx, scope.tenantId, 'seller.consent_requested', { sellerId }, scope.userId);
    return 'requested';
  });
}

export type ConsentRequest = {
  id: string;
  method: 'code' | 'official';
  note: string;
  requestedById: string | null;
  requestedBy: string | null;
  createdAt: Date;
  codeExpiresAt: Date | null;
};

/** The seller's open consent request, if any. */
export async function openConsentRequest(scope: PermittedScope<'shop.manage'>, sellerId: string): Promise<ConsentRequest | null> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({
        id: sellerConsentRequests.id,
        method: sellerConsentRequests.method,
        note: sellerConsentRequests.note,
        requestedById: sellerConsentRequests.requestedBy,
        requestedBy: users.displayName,
        createdAt: sellerConsentRequests.createdAt,
        codeExpiresAt: sellerConsentRequests.codeExpiresAt,
      })
      .from(sellerConsentRequests)
      .leftJoin(users, eq(users.id, sellerConsentRequests.requestedBy))
      .where(
        and(
          eq(sellerConsentRequests.tenantId, scope.tenantId),
          eq(sellerConsentRequests.sellerId, sellerId),
          isNull(sellerConsentRequests.confirmedAt),
          isNull(sellerConsentRequests.closedAt),
        ),
      ),
  );
  return row ?? null;
}

/**
 * The seller shows a fresh six-digit code on their own screen to read out to the staff member
 * who asked. Only its hash is kept; it lasts 15 minutes and allows five tries.
 */
export async function issueConsentCode(scope: PermittedScope<'shop.consent'>, sellerId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  return withTenant(scope, async (tx) => {
    const [seller] = await tx
      .select({ id: sellers.id })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), eq(sellers.userId, scope.userId)));
    if (!seller) throw new AppError('not_found', 'common:errors.notFound');
    const [request] = await tx
      .select({ id: sellerConsentRequests.id })
      .from(sellerConsentRequests)
      .where(
        and(
          eq(sellerConsentRequests.tenantId, scope.tenantId),
          eq(sellerConsentRequests.sellerId, sellerId),
          eq(sellerConsentRequests.method, 'code'),
          isNull(sellerConsentRequests.confirmedAt),
          isNull(sellerConsentRequests.closedAt),
        ),
      )
      .for('update');
    if (!request) throw new AppError('conflict', 'market:assisted.noRequest');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS);
    await tx
      .update(sellerConsentRequests)
      .set({ codeHash: hashCode(request.id, code), codeExpiresAt: expiresAt, attempts: 0 })
      .where(and(eq(sellerConsentRequests.tenantId, scope.tenantId), eq(sellerConsentRequests.id, request.id)));
    return { code, expiresAt };
  });
}

/** Staff type the code the seller read out: right, consent is in effect; wrong, one try fewer. */
export async function confirmConsentCode(scope: PermittedScope<'shop.assist'>, sellerId: string, code: string, now = new Date()): Promise<void> {
  const outcome = await withTenant(scope, async (tx) => {
    const [request] = await tx
      .select()
      .from(sellerConsentRequests)
      .where(
        and(
          eq(sellerConsentRequests.tenantId, scope.tenantId),
          eq(sellerConsentRequests.sellerId, sellerId),
          eq(sellerConsentRequests.method, 'code'),
          isNull(sellerConsentRequests.confirmedAt),
          isNull(sellerConsentRequests.closedAt),
        ),
      )
      .for('update');
    if (!request) return 'none' as const;
    if (!request.codeHash || !request.codeExpiresAt || request.codeExpiresAt <= now) return 'expired' as const;
    if (request.attempts >= CODE_ATTEMPTS) return 'locked' as const;
    const expected = Buffer.from(request.codeHash, 'hex');
    const given = Buffer.from(hashCode(request.id, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      const attempts = request.attempts + 1;
      // The last wrong try spends the code: the seller shows a new one.
      await tx
        .update(sellerConsentRequests)
        .set({ attempts, ...(attempts >= CODE_ATTEMPTS ? { codeHash: null, codeExpiresAt: null } : {}) })
        .where(and(eq(sellerConsentRequests.tenantId, scope.tenantId), eq(sellerConsentRequests.id, request.id)));
      return attempts >= CODE_ATTEMPTS ? ('locked' as const) : ('wrong' as const);
    }
    await tx
      .update(sellerConsentRequests)
      .set({ confirmedAt: now, confirmedBy: scope.userId, codeHash: null })
      .where(and(eq(sellerConsentRequests.tenantId, scope.tenantId), eq(sellerConsentRequests.id, request.id)));
    await setConsent(tx, scope.tenantId, sellerId, scope.userId, request.note);
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.consent_confirmed', {
      note: request.note,
      method: 'code',
    });
    await recordEvent(tx, scope.tenantId, 'seller.consent_given', { sellerId, method: 'code', requestId: request.id }, scope.userId);
    return 'ok' as const;
  });
  if (outcome === 'none') throw new AppError('conflict', 'market:assisted.noRequest');
  if (outcome === 'expired') throw new AppError('invalid', 'market:assisted.codeExpired', { field: 'code' });
  if (outcome === 'locked') throw new AppError('invalid', 'market:assisted.codeLocked', { field: 'code' });
  if (outcome === 'wrong') throw new AppError('invalid', 'market:assisted.codeWrong', { field: 'code' });
}

/** A second, different official confirms the consent another official recorded. */
export async function confirmConsentByOfficial(scope: PermittedScope<'consent.record'>, sellerId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'consent.record'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    const [request] = await tx
      .select()
      .from(sellerConsentRequests)
      .where(
        and(
          eq(sellerConsentRequests.tenantId, scope.tenantId),
          eq(sellerConsentRequests.sellerId, sellerId),
          eq(sellerConsentRequests.method, 'official'),
          isNull(sellerConsentRequests.confirmedAt),
          isNull(sellerConsentRequests.closedAt),
        ),
      )
      .for('update');
    if (!request) throw new AppError('conflict', 'market:assisted.noRequest');
    if (request.requestedBy === scope.userId) throw new AppError('forbidden', 'market:assisted.secondOfficial');
    await tx
      .update(sellerConsentRequests)
      .set({ confirmedAt: new Date(), confirmedBy: scope.userId })
      .where(and(eq(sellerConsentRequests.tenantId, scope.tenantId), eq(sellerConsentRequests.id, request.id)));
    await setConsent(tx, scope.tenantId, sellerId, scope.userId, request.note);
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.consent_confirmed', {
      note: request.note,
      method: 'official',
    });
    await recordEvent(tx, scope.tenantId, 'seller.consent_given', { sellerId, method: 'official', requestId: request.id }, scope.userId);
  });
}

/**
 * The seller turns assisted mode off (one click), or turns down an open request. Payout changes
 * staff asked for and still waiting are cancelled with it: consent withdrawn is power withdrawn.
 */
export async function withdrawConsent(scope: PermittedScope<'shop.consent'>, sellerId: string, now = new Date()): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ consentAt: null, consentBy: null, consentNote: null })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), eq(sellers.userId, scope.userId)))
      .returning({ id: sellers.id });
    if (!row) throw new AppError('not_found', 'common:errors.notFound');
    await closeOpenRequests(tx, scope.tenantId, sellerId);
    const actor = { sellerId, userId: scope.userId, onBehalf: false };
    await logSellerAction(tx, scope.tenantId, actor, 'seller.consent_withdrawn');
    await recordEvent(tx, scope.tenantId, 'seller.consent_withdrawn', { sellerId }, scope.userId);
    await cancelPendingPayouts(tx, scope.tenantId, actor, now, { exceptRequestedBy: scope.userId, reason: 'consent_withdrawn' });
  });
}

export async function updateSellerProfile(scope: PermittedScope<'shop.manage'>, sellerId: string, input: SellerProfileInput, photo?: ImageRef): Promise<void> {
  await withTenant(scope, async (tx) => {
    const actor = await actorFor(tx, scope, sellerId);
    await tx
      .update(sellers)
      .set({ ...input, ...(photo ? { photo } : {}) })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)));
    await logSellerAction(tx, scope.tenantId, actor, 'seller.profile_updated');
  });
}

export type SellerActionRow = {
  id: string;
  action: SellerAction;
  onBehalf: boolean;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
};

/**
 * The seller's history, newest first. A payout change taking effect needs no job to happen, so
 * its moment is read from the change itself and shown among the recorded actions.
 */
export async function sellerHistory(scope: PermittedScope<'shop.manage'>, sellerId: string, limit = 50, now = new Date()): Promise<SellerActionRow[]> {
  return withTenant(scope, async (tx) => {
    const logged = await tx
      .select({
        id: sellerActions.id,
        action: sellerActions.action,
        onBehalf: sellerActions.onBehalf,
        actorName: users.displayName,
        detail: sellerActions.detail,
        createdAt: sellerActions.createdAt,
      })
      .from(sellerActions)
      .leftJoin(users, eq(users.id, sellerActions.actorId))
      .where(and(eq(sellerActions.tenantId, scope.tenantId), eq(sellerActions.sellerId, sellerId)))
      .orderBy(desc(sellerActions.createdAt))
      .limit(limit);
    const effects = await tx
      .select({
        id: sellerPayouts.id,
        account: sellerPayouts.account,
        kind: sellerPayouts.kind,
        effectiveAt: sellerPayouts.effectiveAt,
        actorName: users.displayName,
      })
      .from(sellerPayouts)
      .leftJoin(users, eq(users.id, sellerPayouts.requestedBy))
      .where(
        and(
          eq(sellerPayouts.tenantId, scope.tenantId),
          eq(sellerPayouts.sellerId, sellerId),
          isNull(sellerPayouts.cancelledAt),
          lte(sellerPayouts.effectiveAt, now),
        ),
      )
      .orderBy(desc(sellerPayouts.effectiveAt))
      .limit(limit);
    const rows: SellerActionRow[] = [
      ...logged,
      ...effects.map((e): SellerActionRow => ({
        id: `effect-${e.id}`,
        action: 'seller.payout_change_effective',
        onBehalf: false,
        actorName: e.actorName,
        detail: { payoutId: e.id, kind: e.kind, last4: e.account.slice(-4) },
        createdAt: e.effectiveAt,
      })),
    ];
    return rows.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime()).slice(0, limit);
  });
}

/** Whether new listings of this commune wait for an official (read inside the caller's transaction). */
export async function moderationOn(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ on: communes.marketModeration }).from(communes).where(eq(communes.id, tenantId));
  return Boolean(row?.on);
}

export async function getModeration(scope: CommuneScope): Promise<boolean> {
  return readTenant(scope, (tx) => moderationOn(tx, scope.tenantId));
}

export async function setModeration(scope: PermittedScope<'market.settings'>, on: boolean): Promise<void> {
  await withTenant(scope, async (tx) => {
    await tx.update(communes).set({ marketModeration: on }).where(eq(communes.id, scope.tenantId));
    await recordEvent(tx, scope.tenantId, 'market.moderation_changed', { on }, scope.userId);
  });
}
