import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { communes, sellerPayouts, sellers, users } from '#db/schema/index.ts';
import { readTenant, withTenant, type CommuneScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { SellerPayout } from '~/payments/methods.ts';
import { actorFor, hasAccount, logSellerAction, memberHolds, type Actor } from './seller-actor.server.ts';

/**
 * Cancels the payout changes of a seller still in their cooling-off period (all of them, or all
 * but those `exceptRequestedBy` asked for), each written to the history and the outbox.
 */
export async function cancelPendingPayouts(
  tx: Tx,
  tenantId: string,
  actor: Actor,
  now: Date,
  options: { exceptRequestedBy?: string; exceptPayoutId?: string; reason: 'consent_withdrawn' | 'replaced'; replacedBy?: string },
) {
  const cancelled = await tx
    .update(sellerPayouts)
    .set({ cancelledAt: now, cancelledBy: actor.userId })
    .where(
      and(
        eq(sellerPayouts.tenantId, tenantId),
        eq(sellerPayouts.sellerId, actor.sellerId),
        isNull(sellerPayouts.cancelledAt),
        gt(sellerPayouts.effectiveAt, now),
        options.exceptRequestedBy ? or(isNull(sellerPayouts.requestedBy), ne(sellerPayouts.requestedBy, options.exceptRequestedBy)) : undefined,
        options.exceptPayoutId ? ne(sellerPayouts.id, options.exceptPayoutId) : undefined,
      ),
    )
    .returning({ id: sellerPayouts.id, account: sellerPayouts.account, kind: sellerPayouts.kind });
  for (const row of cancelled) {
    const detail = {
      payoutId: row.id,
      kind: row.kind,
      last4: row.account.slice(-4),
      cause: options.reason,
      ...(options.replacedBy ? { replacedBy: options.replacedBy } : {}),
    };
    await logSellerAction(tx, tenantId, actor, 'seller.payout_change_cancelled', detail);
    await recordEvent(tx, tenantId, 'seller.payout_change_cancelled', { sellerId: actor.sellerId, ...detail }, actor.userId);
  }
}

/**
 * The account QR codes use for each seller, at `now`: of the changes not cancelled whose
 * cooling-off has passed, the latest requested. Read in the caller's transaction.
 */
export async function effectivePayouts(tx: Tx, tenantId: string, sellerIds: string[], now = new Date()) {
  if (!sellerIds.length) return [];
  return tx
    .selectDistinctOn([sellerPayouts.sellerId])
    .from(sellerPayouts)
    .where(
      and(
        eq(sellerPayouts.tenantId, tenantId),
        inArray(sellerPayouts.sellerId, sellerIds),
        isNull(sellerPayouts.cancelledAt),
        lte(sellerPayouts.effectiveAt, now),
      ),
    )
    .orderBy(sellerPayouts.sellerId, desc(sellerPayouts.requestedAt));
}

export async function getPayout(scope: PermittedScope<'shop.manage'>, sellerId: string, now = new Date()): Promise<SellerPayout> {
  const [row] = await withTenant(scope, (tx) => effectivePayouts(tx, scope.tenantId, [sellerId], now));
  return payoutOf(row);
}

export function payoutOf(row: Pick<typeof sellerPayouts.$inferSelect, 'kind' | 'bankBin' | 'account' | 'accountName'> | undefined): SellerPayout {
  if (!row) return null;
  if (row.kind === 'vietqr') return { kind: 'vietqr', bin: row.bankBin ?? '', account: row.account, accountName: row.accountName };
  return { kind: 'promptpay', id: row.account, accountName: row.accountName };
}

export type PendingPayout = {
  id: string;
  payout: NonNullable<SellerPayout>;
  requestedBy: string | null;
  requestedAt: Date;
  effectiveAt: Date;
  bySeller: boolean;
};

/** Changes still in their cooling-off period, oldest first: the seller's dashboard shows each. */
export async function pendingPayouts(scope: PermittedScope<'shop.manage'>, sellerId: string, now = new Date()): Promise<PendingPayout[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({ row: sellerPayouts, requestedBy: users.displayName, sellerUserId: sellers.userId })
      .from(sellerPayouts)
      .innerJoin(sellers, and(eq(sellers.tenantId, sellerPayouts.tenantId), eq(sellers.id, sellerPayouts.sellerId)))
      .leftJoin(users, eq(users.id, sellerPayouts.requestedBy))
      .where(
        and(
          eq(sellerPayouts.tenantId, scope.tenantId),
          eq(sellerPayouts.sellerId, sellerId),
          isNull(sellerPayouts.cancelledAt),
          gt(sellerPayouts.effectiveAt, now),
        ),
      )
      .orderBy(asc(sellerPayouts.requestedAt)),
  );
  return rows.map(({ row, requestedBy, sellerUserId }) => ({
    id: row.id,
    payout: payoutOf(row)!,
    requestedBy,
    requestedAt: row.requestedAt,
    effectiveAt: row.effectiveAt,
    bySeller: Boolean(sellerUserId && row.requestedBy === sellerUserId),
  }));
}

export type WaitingPayout = PendingPayout & { sellerId: string; sellerName: string; sellerHasAccount: boolean };

/**
 * Every payout change still waiting in the commune, soonest first: the officials' market desk
 * lists them, so a change for a seller who has no account (and sees no notice) is looked at.
 */
export async function waitingPayoutChanges(scope: PermittedScope<'payout.review'>, now = new Date()): Promise<WaitingPayout[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({ row: sellerPayouts, requestedBy: users.displayName, sellerUserId: sellers.userId, sellerName: sellers.name })
      .from(sellerPayouts)
      .innerJoin(sellers, and(eq(sellers.tenantId, sellerPayouts.tenantId), eq(sellers.id, sellerPayouts.sellerId)))
      .leftJoin(users, eq(users.id, sellerPayouts.requestedBy))
      .where(and(eq(sellerPayouts.tenantId, scope.tenantId), isNull(sellerPayouts.cancelledAt), gt(sellerPayouts.effectiveAt, now)))
      .orderBy(asc(sellerPayouts.effectiveAt)),
  );
  return rows.map(({ row, requestedBy, sellerUserId, sellerName }) => ({
    id: row.id,
    sellerId: row.sellerId,
    sellerName,
    sellerHasAccount: Boolean(sellerUserId),
    payout: payoutOf(row)!,
    requestedBy,
    requestedAt: row.requestedAt,
    effectiveAt: row.effectiveAt,
    bySeller: Boolean(sellerUserId && row.requestedBy === sellerUserId),
  }));
}

/** The commune's cooling-off period for payout changes, in hours. */
export async function coolingHoursIn(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx.select({ hours: communes.payoutCoolingHours }).from(communes).where(eq(communes.id, tenantId));
  return row?.hours ?? 24;
}

/**
 * Asks for buyers' QR payments to go to a new account. It takes effect after the commune's
 * cooling-off period, whoever asks (the seller included), so a change the seller did not make
 * can be seen and cancelled before any money moves. The one exception: the seller's very first
 * account, set in their own session, applies at once (there is no account to divert from).
 */
export async function setPayout(
  scope: PermittedScope<'shop.manage'>,
  sellerId: string,
  payout: NonNullable<SellerPayout>,
  now = new Date(),
): Promise<{ effectiveAt: Date }> {
  return withTenant(scope, async (tx) => {
    const actor = await actorFor(tx, scope, sellerId);
    if (actor.onBehalf && !(await hasAccount(tx, scope.tenantId, sellerId)) && !(await memberHolds(tx, scope.tenantId, scope.userId, 'payout.review'))) {
      // A seller without an account sees no notice in an app: only an official (whose waiting
      // changes the officials' market desk lists, each with a cancel) may ask for one.
      throw new AppError('forbidden', 'market:payout.officialOnlyNoAccount');
    }
    // One change at a time per seller: two requests racing read the same history.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payout:${sellerId}`}))`);
    const [live] = await tx
      .select({ id: sellerPayouts.id })
      .from(sellerPayouts)
      .where(and(eq(sellerPayouts.tenantId, scope.tenantId), eq(sellerPayouts.sellerId, sellerId), isNull(sellerPayouts.cancelledAt)))
      .limit(1);
    const immediate = !actor.onBehalf && !live;
    const effectiveAt = immediate ? now : new Date(now.getTime() + (await coolingHoursIn(tx, scope.tenantId)) * 3_600_000);
    const values =
      payout.kind === 'vietqr'
        ? { kind: 'vietqr' as const, bankBin: payout.bin, account: payout.account, accountName: payout.accountName }
        : { kind: 'promptpay' as const, bankBin: null, account: payout.id, accountName: payout.accountName };
    const [row] = await tx
      .insert(sellerPayouts)
      .values({ tenantId: scope.tenantId, sellerId, ...values, requestedBy: scope.userId, requestedAt: now, effectiveAt })
      .returning({ id: sellerPayouts.id });
    // The history names the account by its last digits only.
    const detail = { payoutId: row!.id, kind: payout.kind, last4: values.account.slice(-4), effectiveAt: effectiveAt.toISOString(), immediate };
    await logSellerAction(tx, scope.tenantId, actor, 'seller.payout_change_requested', detail);
    await recordEvent(tx, scope.tenantId, 'seller.payout_change_requested', { sellerId, ...detail, onBehalf: actor.onBehalf }, scope.userId);
    // At most one change waits per seller: a newer request replaces the older ones. (Otherwise
    // an older request would take effect first and be used until the newer one did.)
    await cancelPendingPayouts(tx, scope.tenantId, actor, now, { reason: 'replaced', replacedBy: row!.id, exceptPayoutId: row!.id });
    return { effectiveAt };
  });
}

/** Cancels a change still waiting: by the seller (one click), or by an official. Never by an editor. */
export async function cancelPayoutChange(
  scope: PermittedScope<'shop.manage'> | PermittedScope<'payout.review'>,
  sellerId: string,
  payoutId: string,
  now = new Date(),
): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [seller] = await tx
      .select({ userId: sellers.userId })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, sellerId)));
    if (!seller) throw new AppError('not_found', 'common:errors.notFound');
    const isSelf = seller.userId === scope.userId;
    if (!isSelf && !(await memberHolds(tx, scope.tenantId, scope.userId, 'payout.review'))) throw new AppError('forbidden', 'market:payout.cancelNotAllowed');
    const [row] = await tx
      .update(sellerPayouts)
      .set({ cancelledAt: now, cancelledBy: scope.userId })
      .where(
        and(
          eq(sellerPayouts.tenantId, scope.tenantId),
          eq(sellerPayouts.sellerId, sellerId),
          eq(sellerPayouts.id, payoutId),
          isNull(sellerPayouts.cancelledAt),
          gt(sellerPayouts.effectiveAt, now),
        ),
      )
      .returning({ account: sellerPayouts.account, kind: sellerPayouts.kind });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    const detail = { payoutId, kind: row.kind, last4: row.account.slice(-4) };
    await logSellerAction(tx, scope.tenantId, { sellerId, userId: scope.userId, onBehalf: !isSelf }, 'seller.payout_change_cancelled', detail);
    await recordEvent(tx, scope.tenantId, 'seller.payout_change_cancelled', { sellerId, ...detail }, scope.userId);
  });
}

/** Officials set how long a payout change waits (1 to 168 hours). */
export async function setPayoutCooling(scope: PermittedScope<'market.settings'>, hours: number): Promise<void> {
  await withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'market.settings'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    await tx.update(communes).set({ payoutCoolingHours: hours }).where(eq(communes.id, scope.tenantId));
    await recordEvent(tx, scope.tenantId, 'market.payout_cooling_changed', { hours }, scope.userId);
  });
}

export async function getPayoutCooling(scope: CommuneScope): Promise<number> {
  return readTenant(scope, (tx) => coolingHoursIn(tx, scope.tenantId));
}
