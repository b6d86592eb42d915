import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import {
  communes,
  orderEvents,
  orderItems,
  orders,
  products,
  sellers,
  users,
  type DeliveryAddress,
  type OrderEventKind,
  type OrderStatus,
  type ProductUnit,
} from '#db/schema/index.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { enterTenant, withTenant, type Scope, type MemberScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { Locale } from '~/i18n/config.ts';
import type { PaymentInstructions, PaymentMethodId } from '~/payments/methods.ts';
import { canMove, type Move } from './order-status.ts';
import { actorFor, logSellerAction, type Actor } from './seller-actor.server.ts';

export type OrderSummary = {
  tenantId: string;
  id: string;
  reference: string;
  status: OrderStatus;
  paymentMethod: PaymentMethodId;
  paidAt: Date | null;
  totalMinor: number;
  currency: 'VND' | 'THB';
  placedAt: Date;
  sellerId: string;
  sellerName: string;
  communeSlug: string;
  communeName: LocaleText;
  communeLocale: Locale;
  /** The commune's time zone: dates are shown as the seller lives them. */
  timeZone: string;
  itemCount: number;
};

export type OrderDetail = OrderSummary & {
  buyerId: string | null;
  payment: PaymentInstructions;
  delivery: DeliveryAddress;
  carrier: string | null;
  tracking: string | null;
  cancelReason: string | null;
  cancelledBy: 'buyer' | 'seller' | null;
  items: {
    productId: string;
    title: LocaleText;
    slug: string;
    unit: ProductUnit;
    unitPriceMinor: number;
    quantity: number;
    rating: number | null;
    ratingComment: string | null;
  }[];
  timeline: { kind: OrderEventKind; note: string | null; onBehalf: boolean; actorName: string | null; createdAt: Date }[];
};

const summaryColumns = {
  tenantId: orders.tenantId,
  id: orders.id,
  reference: orders.reference,
  status: orders.status,
  paymentMethod: orders.paymentMethod,
  paidAt: orders.paidAt,
  totalMinor: orders.totalMinor,
  currency: orders.currency,
  placedAt: orders.placedAt,
  sellerId: orders.sellerId,
  sellerName: sellers.name,
  communeSlug: communes.slug,
  communeName: communes.name,
  communeLocale: sql<Locale>`${communes.defaultLocale}`,
  timeZone: communes.timeZone,
  itemCount: sql<number>`(select count(*)::int from order_items i where i.tenant_id = ${orders.tenantId} and i.order_id = ${orders.id})`,
};

/** Orders with their seller and commune, as every list of orders shows them. */
function ordersWithSeller(tx: Tx) {
  return tx
    .select(summaryColumns)
    .from(orders)
    .innerJoin(sellers, and(eq(sellers.tenantId, orders.tenantId), eq(sellers.id, orders.sellerId)))
    .innerJoin(communes, eq(communes.id, orders.tenantId))
    .$dynamic();
}

/** Everything the buyer ordered, in every commune (row-level security lets a buyer read their own). */
export async function listBuyerOrders(scope: Scope & { userId: string }): Promise<OrderSummary[]> {
  return withTenant({ ...scope, tenantId: null }, (tx) =>
    ordersWithSeller(tx).where(eq(orders.buyerId, scope.userId)).orderBy(desc(orders.placedAt)).limit(200),
  );
}

export async function listSellerOrders(scope: PermittedScope<'shop.manage'>, sellerId: string): Promise<OrderSummary[]> {
  return withTenant(scope, (tx) =>
    ordersWithSeller(tx)
      .where(and(eq(orders.tenantId, scope.tenantId), eq(orders.sellerId, sellerId)))
      .orderBy(sql`case when ${orders.status} in ('placed', 'confirmed') then 0 when ${orders.status} = 'shipped' then 1 else 2 end`, desc(orders.placedAt))
      .limit(200),
  );
}

/** The commune's newest orders (officials). */
export async function listCommuneOrders(scope: PermittedScope<'order.list'>, limit = 50): Promise<OrderSummary[]> {
  return withTenant(scope, (tx) =>
    ordersWithSeller(tx)
      .where(eq(orders.tenantId, scope.tenantId))
      // In the order of orders_tenant_placed_idx (placed_at desc nulls last), so the index serves it.
      .orderBy(sql`${orders.placedAt} desc nulls last`)
      .limit(limit),
  );
}

async function loadDetail(tx: Tx, where: ReturnType<typeof and>): Promise<OrderDetail | null> {
  const [order] = await tx
    .select({
      ...summaryColumns,
      buyerId: orders.buyerId,
      payment: orders.payment,
      delivery: orders.delivery,
      carrier: orders.carrier,
      tracking: orders.tracking,
      cancelReason: orders.cancelReason,
      cancelledBy: orders.cancelledBy,
    })
    .from(orders)
    .innerJoin(sellers, and(eq(sellers.tenantId, orders.tenantId), eq(sellers.id, orders.sellerId)))
    .innerJoin(communes, eq(communes.id, orders.tenantId))
    .where(where);
  if (!order) return null;
  const items = await tx
    .select({
      productId: orderItems.productId,
      title: orderItems.title,
      slug: orderItems.slug,
      unit: orderItems.unit,
      unitPriceMinor: orderItems.unitPriceMinor,
      quantity: orderItems.quantity,
      rating: sql<number | null>`${orderItems.rating}::int`,
      ratingComment: orderItems.ratingComment,
    })
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, order.tenantId), eq(orderItems.orderId, order.id)));
  const timeline = await tx
    .select({ kind: orderEvents.kind, note: orderEvents.note, onBehalf: orderEvents.onBehalf, actorName: users.displayName, createdAt: orderEvents.createdAt })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorId))
    .where(and(eq(orderEvents.tenantId, order.tenantId), eq(orderEvents.orderId, order.id)))
    .orderBy(asc(orderEvents.createdAt));
  return { ...order, payment: order.payment as unknown as PaymentInstructions, cancelledBy: order.cancelledBy ?? null, items, timeline };
}

/** The buyer's view of one of their orders, found by its reference in whichever commune it lives. */
export async function getBuyerOrder(scope: Scope & { userId: string }, reference: string): Promise<OrderDetail | null> {
  return withTenant({ ...scope, tenantId: null }, (tx) => loadDetail(tx, and(eq(orders.reference, reference), eq(orders.buyerId, scope.userId))));
}

/**
 * An order of the commune, as its seller's page shows it. Read before the shop page's grant, to
 * learn whose order it is (openShop); the page shows it only once `shop.manage` is proven.
 */
export async function getCommuneOrder(scope: MemberScope, reference: string): Promise<OrderDetail | null> {
  return withTenant(scope, (tx) => loadDetail(tx, and(eq(orders.tenantId, scope.tenantId), eq(orders.reference, reference))));
}

/** Whose order this is (the seller's id), for deciding who may act on it before acting. */
export async function getOrderSellerId(scope: MemberScope, reference: string): Promise<string | null> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({ sellerId: orders.sellerId })
      .from(orders)
      .where(and(eq(orders.tenantId, scope.tenantId), eq(orders.reference, reference))),
  );
  return row?.sellerId ?? null;
}

async function returnStock(tx: Tx, tenantId: string, orderId: string) {
  const items = await tx
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, tenantId), eq(orderItems.orderId, orderId)));
  for (const item of items) {
    await tx
      .update(products)
      .set({ stock: sql`least(${products.stock} + ${item.quantity}, 1000000)` })
      .where(and(eq(products.tenantId, tenantId), eq(products.id, item.productId)));
  }
}

async function applyMove(
  tx: Tx,
  tenantId: string,
  orderId: string,
  from: OrderStatus,
  move: Move,
  actor: { userId: string; onBehalf: boolean; as: 'seller' | 'buyer' },
  buyerId: string | null,
) {
  const [row] = await tx
    .update(orders)
    .set({
      status: move.to,
      updatedAt: new Date(),
      ...(move.to === 'shipped' ? { carrier: move.carrier ?? null, tracking: move.tracking ?? null } : {}),
      ...(move.to === 'cancelled' ? { cancelReason: move.reason ?? null, cancelledBy: actor.as } : {}),
    })
    // The status it was read in: a second click or a racing change finds nothing to update.
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId), eq(orders.status, from)))
    .returning({ reference: orders.reference });
  if (!row) throw new AppError('conflict', 'market:errors.staleState');
  if (move.to === 'cancelled') await returnStock(tx, tenantId, orderId);
  const note = move.to === 'shipped' ? [move.carrier, move.tracking].filter(Boolean).join(' · ') : (move.reason ?? null);
  await tx.insert(orderEvents).values({ tenantId, orderId, buyerId, kind: move.to, actorId: actor.userId, onBehalf: actor.onBehalf, note: note || null });
  await recordEvent(
    tx,
    tenantId,
    `order.${move.to}`,
    { orderId, reference: row.reference, by: actor.as, ...(move.reason ? { reason: move.reason } : {}) },
    actor.userId,
  );
}

/** The seller (or staff acting for them, with consent) moves an order on. */
export async function sellerMove(scope: PermittedScope<'shop.manage'>, reference: string, move: Move): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, sellerId: orders.sellerId, buyerId: orders.buyerId })
      .from(orders)
      .where(and(eq(orders.tenantId, scope.tenantId), eq(orders.reference, reference)));
    if (!order) throw new AppError('not_found', 'common:errors.notFound');
    const actor: Actor = await actorFor(tx, scope, order.sellerId, 'orders');
    if (!canMove(order.status, move.to, 'seller')) throw new AppError('conflict', 'market:errors.staleState');
    await applyMove(tx, scope.tenantId, order.id, order.status, move, { userId: scope.userId, onBehalf: actor.onBehalf, as: 'seller' }, order.buyerId);
    await logSellerAction(tx, scope.tenantId, actor, `order.${move.to}`, { reference });
  });
}

/** The seller records that the money arrived (a bank transfer, or cash at the door). */
export async function markPaid(scope: PermittedScope<'shop.manage'>, reference: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [order] = await tx
      .select({
        id: orders.id,
        status: orders.status,
        sellerId: orders.sellerId,
        buyerId: orders.buyerId,
        totalMinor: orders.totalMinor,
        currency: orders.currency,
      })
      .from(orders)
      .where(and(eq(orders.tenantId, scope.tenantId), eq(orders.reference, reference)));
    if (!order) throw new AppError('not_found', 'common:errors.notFound');
    const actor = await actorFor(tx, scope, order.sellerId, 'orders');
    const [row] = await tx
      .update(orders)
      .set({ paidAt: new Date(), updatedAt: new Date() })
      .where(and(eq(orders.tenantId, scope.tenantId), eq(orders.id, order.id), isNull(orders.paidAt), sql`${orders.status} <> 'cancelled'`))
      .returning({ id: orders.id });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await tx
      .insert(orderEvents)
      .values({ tenantId: scope.tenantId, orderId: order.id, buyerId: order.buyerId, kind: 'paid', actorId: scope.userId, onBehalf: actor.onBehalf });
    await recordEvent(tx, scope.tenantId, 'order.paid', { orderId: order.id, reference, totalMinor: order.totalMinor, currency: order.currency }, scope.userId);
    await logSellerAction(tx, scope.tenantId, actor, 'order.paid', { reference });
  });
}

/** The buyer cancels (before shipping) or confirms receipt. Runs in the order's commune. */
export async function buyerMove(scope: Scope & { userId: string }, reference: string, move: Move): Promise<void> {
  // One transaction: found as the buyer (their own orders, in any commune), then moved inside its commune.
  await withTenant({ ...scope, tenantId: null }, async (tx) => {
    const [found] = await tx
      .select({ tenantId: orders.tenantId })
      .from(orders)
      .where(and(eq(orders.reference, reference), eq(orders.buyerId, scope.userId)));
    if (!found) throw new AppError('not_found', 'common:errors.notFound');
    await enterTenant(tx, found.tenantId);
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, sellerId: orders.sellerId })
      .from(orders)
      .where(and(eq(orders.tenantId, found.tenantId), eq(orders.reference, reference), eq(orders.buyerId, scope.userId)))
      .for('update');
    if (!order) throw new AppError('not_found', 'common:errors.notFound');
    if (!canMove(order.status, move.to, 'buyer')) throw new AppError('conflict', 'market:errors.staleState');
    await applyMove(tx, found.tenantId, order.id, order.status, move, { userId: scope.userId, onBehalf: false, as: 'buyer' }, scope.userId);
  });
}

/** After completion the buyer rates each item once; the product's and seller's averages follow. */
export async function rateItem(
  scope: Scope & { userId: string },
  reference: string,
  productId: string,
  stars: number,
  comment: string | undefined,
): Promise<void> {
  await withTenant({ ...scope, tenantId: null }, async (tx) => {
    const [found] = await tx
      .select({ tenantId: orders.tenantId, id: orders.id, status: orders.status, sellerId: orders.sellerId })
      .from(orders)
      .where(and(eq(orders.reference, reference), eq(orders.buyerId, scope.userId)));
    if (!found) throw new AppError('not_found', 'common:errors.notFound');
    if (found.status !== 'completed') throw new AppError('conflict', 'market:rating.notYet');
    await enterTenant(tx, found.tenantId);
    const [row] = await tx
      .update(orderItems)
      .set({ rating: stars, ratingComment: comment ?? null, ratedAt: new Date() })
      .where(and(eq(orderItems.tenantId, found.tenantId), eq(orderItems.orderId, found.id), eq(orderItems.productId, productId), isNull(orderItems.rating)))
      .returning({ productId: orderItems.productId });
    if (!row) throw new AppError('conflict', 'market:rating.already');
    await tx
      .update(products)
      .set({ ratingSum: sql`${products.ratingSum} + ${stars}`, ratingCount: sql`${products.ratingCount} + 1` })
      .where(and(eq(products.tenantId, found.tenantId), eq(products.id, productId)));
    await tx
      .update(sellers)
      .set({ ratingSum: sql`${sellers.ratingSum} + ${stars}`, ratingCount: sql`${sellers.ratingCount} + 1` })
      .where(and(eq(sellers.tenantId, found.tenantId), eq(sellers.id, found.sellerId)));
    await recordEvent(tx, found.tenantId, 'order.rated', { orderId: found.id, reference, productId, stars }, scope.userId);
  });
}
