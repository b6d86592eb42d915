import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { memberships, sellerActions, sellers, type SellerAction } from '#db/schema/index.ts';
import { permits, rolesHolding, type Action, type PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';

/**
 * Who is acting on a seller's behalf. The seller themself acts for themself; an official or
 * editor of the commune may act for a seller only once the seller's consent is in effect
 * (assisted mode), and every such action is written to the seller's history.
 */
export type Actor = { sellerId: string; userId: string; onBehalf: boolean };

/**
 * Resolves the actor, or fails as if the seller did not exist (outsiders learn nothing). The
 * shop (listings, profile, payout) needs an approved seller; `orders` also lets a suspended
 * seller finish the orders already placed with them.
 */
export async function actorFor(tx: Tx, scope: PermittedScope<'shop.manage'>, sellerId: string, purpose: 'shop' | 'orders' = 'shop'): Promise<Actor> {
  // `for share`: the consent read here holds until this transaction ends, so a withdrawal
  // (which updates the row) waits for an assisted change in flight and then cancels it, or
  // comes first and this read sees it.
  const [row] = await tx
    .select({ userId: sellers.userId, status: sellers.status, consentAt: sellers.consentAt })
    .from(sellers)
    .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)))
    .for('share');
  if (!row) throw new AppError('not_found', 'common:errors.notFound');
  const open = row.status === 'approved' || (purpose === 'orders' && row.status === 'suspended');
  if (row.userId && row.userId === scope.userId) {
    if (!open) throw new AppError('forbidden', 'market:errors.sellerNotApproved');
    return { sellerId, userId: scope.userId, onBehalf: false };
  }
  if (!permits(scope, 'shop.assist')) throw new AppError('not_found', 'common:errors.notFound');
  if (!row.consentAt) throw new AppError('forbidden', 'market:errors.noConsent');
  if (!open) throw new AppError('forbidden', 'market:errors.sellerNotApproved');
  return { sellerId, userId: scope.userId, onBehalf: true };
}

export async function hasAccount(tx: Tx, tenantId: string, sellerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: sellers.userId })
    .from(sellers)
    .where(and(eq(sellers.tenantId, tenantId), eq(sellers.id, sellerId)));
  return Boolean(row?.userId);
}

/**
 * Whether someone holds `action` through a role in this commune, read from the database inside
 * the transaction that acts (never from the form). Membership only: these officials' measures
 * are not taken by the platform operator without a commune role.
 */
export async function memberHolds(tx: Tx, tenantId: string, userId: string, action: Action): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId), inArray(memberships.role, rolesHolding(action))));
  return Boolean(row);
}

export async function logSellerAction(tx: Tx, tenantId: string, actor: Actor, action: SellerAction, detail: Record<string, unknown> = {}) {
  await tx.insert(sellerActions).values({ tenantId, sellerId: actor.sellerId, actorId: actor.userId, onBehalf: actor.onBehalf, action, detail });
}
