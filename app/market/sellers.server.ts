import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { communes, memberships, sellerActions, sellerPayouts, sellers, users, type SellerStatus } from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { readTenant, withTenant, type MemberScope, type CommuneScope } from '#db/scope.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/members/members.server.ts';
import type { SellerPayout } from '~/payments/methods.ts';
import type { SellerProfileInput } from './schemas.ts';

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

/**
 * Who is acting on a seller's behalf. The seller themself acts for themself; an official or
 * editor of the commune may act for a seller only after recording the seller's consent
 * (assisted mode), and every such action is written to the seller's history.
 */
export type Actor = { sellerId: string; userId: string; onBehalf: boolean };

/** Resolves the actor, or fails as if the seller did not exist (outsiders learn nothing). */
export async function actorFor(tx: Tx, scope: MemberScope, sellerId: string, isStaff: boolean): Promise<Actor> {
  const [row] = await tx
    .select({ userId: sellers.userId, status: sellers.status, consentAt: sellers.consentAt })
    .from(sellers)
    .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)));
  if (!row) throw new AppError('not_found', 'common:errors.notFound');
  if (row.userId && row.userId === scope.userId) {
    if (row.status !== 'approved') throw new AppError('forbidden', 'market:errors.sellerNotApproved');
    return { sellerId, userId: scope.userId, onBehalf: false };
  }
  if (!isStaff) throw new AppError('not_found', 'common:errors.notFound');
  if (!row.consentAt) throw new AppError('forbidden', 'market:errors.noConsent');
  return { sellerId, userId: scope.userId, onBehalf: true };
}

export async function logSellerAction(tx: Tx, tenantId: string, actor: Actor, action: string, detail: Record<string, unknown> = {}) {
  await tx.insert(sellerActions).values({ tenantId, sellerId: actor.sellerId, actorId: actor.userId, onBehalf: actor.onBehalf, action, detail });
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

export async function listSellers(scope: MemberScope): Promise<Seller[]> {
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
 * An official adds a seller directly (approved): for villagers without an account, with the
 * consent that lets staff act for them recorded at the same time.
 */
export async function addSellerByOfficial(scope: MemberScope, input: SellerProfileInput, consentNote: string): Promise<string> {
  return withTenant(scope, async (tx) => {
    const [row] = await tx
      .insert(sellers)
      .values({ tenantId: scope.tenantId, ...input, status: 'approved', approvedAt: new Date(), consentAt: new Date(), consentBy: scope.userId, consentNote })
      .returning({ id: sellers.id });
    const actor = { sellerId: row!.id, userId: scope.userId, onBehalf: true };
    await logSellerAction(tx, scope.tenantId, actor, 'seller.added', { consentNote });
    await recordEvent(tx, scope.tenantId, 'seller.approved', { sellerId: row!.id }, scope.userId);
    return row!.id;
  });
}

export async function approveSeller(scope: MemberScope, sellerId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ status: 'approved', approvedAt: new Date(), rejectReason: null })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), sql`${sellers.status} in ('pending', 'rejected', 'suspended')`))
      .returning({ userId: sellers.userId });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    if (row.userId) {
      await tx.insert(memberships).values({ tenantId: scope.tenantId, userId: row.userId, role: 'seller' }).onConflictDoNothing();
    }
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.approved');
    await recordEvent(tx, scope.tenantId, 'seller.approved', { sellerId }, scope.userId);
  });
}

export async function rejectSeller(scope: MemberScope, sellerId: string, reason: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ status: 'rejected', rejectReason: reason })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId), eq(sellers.status, 'pending')))
      .returning({ id: sellers.id });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.rejected', { reason });
  });
}

/** Records that the seller agreed to be helped: staff may then act for them. */
export async function recordConsent(scope: MemberScope, sellerId: string, note: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(sellers)
      .set({ consentAt: new Date(), consentBy: scope.userId, consentNote: note })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)))
      .returning({ id: sellers.id });
    if (!row) throw new AppError('not_found', 'common:errors.notFound');
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: true }, 'seller.consent_recorded', { note });
  });
}

export async function withdrawConsent(scope: MemberScope, sellerId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    await tx
      .update(sellers)
      .set({ consentAt: null, consentBy: null, consentNote: null })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)));
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: false }, 'seller.consent_withdrawn');
  });
}

export async function updateSellerProfile(scope: MemberScope, sellerId: string, isStaff: boolean, input: SellerProfileInput, photo?: ImageRef): Promise<void> {
  await withTenant(scope, async (tx) => {
    const actor = await actorFor(tx, scope, sellerId, isStaff);
    await tx
      .update(sellers)
      .set({ ...input, ...(photo ? { photo } : {}) })
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)));
    await logSellerAction(tx, scope.tenantId, actor, 'seller.profile_updated');
  });
}

export async function getPayout(scope: MemberScope, sellerId: string): Promise<SellerPayout> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select()
      .from(sellerPayouts)
      .where(and(eq(sellerPayouts.tenantId, scope.tenantId), eq(sellerPayouts.sellerId, sellerId))),
  );
  return payoutOf(row);
}

export function payoutOf(row: typeof sellerPayouts.$inferSelect | undefined): SellerPayout {
  if (!row) return null;
  if (row.kind === 'vietqr') return { kind: 'vietqr', bin: row.bankBin ?? '', account: row.account, accountName: row.accountName };
  return { kind: 'promptpay', id: row.account, accountName: row.accountName };
}

export async function setPayout(scope: MemberScope, sellerId: string, isStaff: boolean, payout: NonNullable<SellerPayout>): Promise<void> {
  await withTenant(scope, async (tx) => {
    const actor = await actorFor(tx, scope, sellerId, isStaff);
    const values =
      payout.kind === 'vietqr'
        ? { kind: 'vietqr' as const, bankBin: payout.bin, account: payout.account, accountName: payout.accountName }
        : { kind: 'promptpay' as const, bankBin: null, account: payout.id, accountName: payout.accountName };
    await tx
      .insert(sellerPayouts)
      .values({ tenantId: scope.tenantId, sellerId, ...values })
      .onConflictDoUpdate({ target: [sellerPayouts.tenantId, sellerPayouts.sellerId], set: { ...values, updatedAt: new Date() } });
    // The history says the account changed, never the number itself.
    await logSellerAction(tx, scope.tenantId, actor, 'seller.payout_updated', { kind: payout.kind });
  });
}

export type SellerActionRow = { id: string; action: string; onBehalf: boolean; actorName: string | null; detail: Record<string, unknown>; createdAt: Date };

export async function sellerHistory(scope: MemberScope, sellerId: string, limit = 50): Promise<SellerActionRow[]> {
  return withTenant(scope, (tx) =>
    tx
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
      .limit(limit),
  );
}

/** Whether new listings of this commune wait for an official (read inside the caller's transaction). */
export async function moderationOn(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ on: communes.marketModeration }).from(communes).where(eq(communes.id, tenantId));
  return Boolean(row?.on);
}

export async function getModeration(scope: CommuneScope): Promise<boolean> {
  return readTenant(scope, (tx) => moderationOn(tx, scope.tenantId));
}

export async function setModeration(scope: MemberScope, on: boolean): Promise<void> {
  await withTenant(scope, async (tx) => {
    await tx.update(communes).set({ marketModeration: on }).where(eq(communes.id, scope.tenantId));
    await recordEvent(tx, scope.tenantId, 'market.moderation_changed', { on }, scope.userId);
  });
}
