import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  checkouts,
  orderEvents,
  orderItems,
  orders,
  products,
  provinces,
  sellerPayouts,
  sellers,
  type DeliveryAddress,
  type ProductUnit,
} from '#db/schema/index.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { enterTenant, readTenant, withTenant, type Scope } from '#db/scope.ts';
import { AppError } from '~/lib/errors.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { methodsFor, PAYMENT_METHODS, type PaymentMethodId } from '~/payments/methods.ts';
import type { CartLine } from './cart.server.ts';
import type { DeliveryInput } from './schemas.ts';
import { effectivePayouts, payoutOf } from './payouts.server.ts';

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** What an order reference looks like (no I, L, O, 0 or 1 to misread). */
export const ORDER_REFERENCE = /^BA[A-HJKMNP-Z2-9]{8}$/;

/** A short order reference a buyer can read out and type as a transfer purpose. */
export function newOrderReference(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `BA${[...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}

export type CheckoutInput = {
  checkoutId: string;
  lines: CartLine[];
  delivery: DeliveryInput;
  /** The method the buyer chose per seller, keyed `tenantId:sellerId`. */
  methods: Record<string, PaymentMethodId>;
};

export type PlacedOrder = { tenantId: string; reference: string };

/** Refusals the buyer can act on: the cart page shows them next to the line. */
export class CheckoutRefused extends AppError {
  constructor(messageKey: MessageKey, details: Record<string, unknown> = {}) {
    super('conflict', messageKey, details);
  }
}

/**
 * Turns a cart into one order per seller, in one transaction: every line's stock is taken
 * with a conditional update (`stock >= quantity`), so concurrent checkouts can never sell
 * more than there is; if any line cannot be had, nothing at all is created. The checkout id
 * comes from the form, so submitting it twice creates one set of orders.
 */
export async function placeOrders(scope: Scope & { userId: string }, input: CheckoutInput): Promise<{ orders: PlacedOrder[]; repeated: boolean }> {
  if (!input.lines.length) throw new CheckoutRefused('market:cart.empty');
  // Starts outside any commune (the checkout row is the buyer's), then enters each seller's.
  return withTenant({ ...scope, tenantId: null }, async (tx) => {
    const claimed = await tx.insert(checkouts).values({ id: input.checkoutId, buyerId: scope.userId }).onConflictDoNothing().returning({ id: checkouts.id });
    if (!claimed.length) {
      // Already placed (a double submit, a reload): answer with the orders it made.
      const existing = await tx
        .select({ tenantId: orders.tenantId, reference: orders.reference })
        .from(orders)
        .where(and(eq(orders.checkoutId, input.checkoutId), eq(orders.buyerId, scope.userId)));
      if (!existing.length) throw new AppError('conflict', 'market:checkout.expired');
      return { orders: existing, repeated: true };
    }
    const [country, code] = input.delivery.provinceCode.split('-');
    const [province] = await tx
      .select({ code: provinces.code })
      .from(provinces)
      .where(and(eq(provinces.country, country!), eq(provinces.code, code!)));
    if (!province) throw new AppError('invalid', 'market:errors.province', { field: 'provinceCode' });
    const delivery: DeliveryAddress = {
      name: input.delivery.name,
      phone: input.delivery.phone,
      provinceCode: input.delivery.provinceCode,
      commune: input.delivery.commune,
      street: input.delivery.street,
      ...(input.delivery.note ? { note: input.delivery.note } : {}),
    };

    // Lines grouped by commune, so each commune's rows are written under its own tenant.
    const byTenant = new Map<string, CartLine[]>();
    for (const line of input.lines) byTenant.set(line.tenantId, [...(byTenant.get(line.tenantId) ?? []), line]);

    const placed: PlacedOrder[] = [];
    for (const [tenantId, lines] of byTenant) {
      await enterTenant(tx, tenantId);
      type Taken = {
        productId: string;
        sellerId: string;
        title: LocaleText;
        slug: string;
        unit: ProductUnit;
        priceMinor: number;
        currency: 'VND' | 'THB';
        quantity: number;
      };
      const taken: Taken[] = [];
      // A fixed order of row locks, so two checkouts of the same products never deadlock.
      for (const line of [...lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
        const [row] = await tx
          .update(products)
          .set({ stock: sql`${products.stock} - ${line.quantity}` })
          .where(
            and(eq(products.tenantId, tenantId), eq(products.id, line.productId), eq(products.status, 'published'), sql`${products.stock} >= ${line.quantity}`),
          )
          .returning({
            sellerId: products.sellerId,
            title: products.title,
            slug: products.slug,
            unit: products.unit,
            priceMinor: products.priceMinor,
            currency: products.currency,
          });
        if (!row) {
          const [now] = await tx
            .select({ stock: products.stock, title: products.title, status: products.status })
            .from(products)
            .where(and(eq(products.tenantId, tenantId), eq(products.id, line.productId)));
          if (!now || now.status !== 'published') throw new CheckoutRefused('market:cart.unavailable', { productId: line.productId });
          throw new CheckoutRefused(now.stock > 0 ? 'market:cart.notEnough' : 'market:cart.soldOut', {
            productId: line.productId,
            available: now.stock,
            title: now.title,
          });
        }
        // The buyer agreed to the price they saw; if it moved since, they look again first.
        if (row.priceMinor !== line.seenPrice) throw new CheckoutRefused('market:cart.priceChanged', { productId: line.productId });
        taken.push({ productId: line.productId, quantity: line.quantity, ...row });
      }
      const sellerIds = [...new Set(taken.map((t) => t.sellerId))];
      const sellerRows = await tx
        .select({ id: sellers.id, status: sellers.status })
        .from(sellers)
        .where(and(eq(sellers.tenantId, tenantId), inArray(sellers.id, sellerIds)));
      // The account in effect now: a change still in its cooling-off period is not used yet.
      const payouts = await effectivePayouts(tx, tenantId, sellerIds);
      for (const sellerId of sellerIds) {
        if (sellerRows.find((s) => s.id === sellerId)?.status !== 'approved') throw new CheckoutRefused('market:cart.unavailable');
        const items = taken.filter((t) => t.sellerId === sellerId);
        const currency = items[0]!.currency;
        const totalMinor = items.reduce((sum, i) => sum + i.priceMinor * i.quantity, 0);
        const payout = payoutOf(payouts.find((p) => p.sellerId === sellerId));
        const methodId = input.methods[`${tenantId}:${sellerId}`] ?? 'cash';
        const method = PAYMENT_METHODS[methodId];
        if (!method || !method.available({ currency, payout }))
          throw new AppError('invalid', 'market:checkout.methodUnavailable', { field: `pay.${tenantId}:${sellerId}` });
        const reference = newOrderReference();
        const payment = method.instructions({ currency, payout, amountMinor: totalMinor, reference });
        const [order] = await tx
          .insert(orders)
          .values({
            tenantId,
            reference,
            checkoutId: input.checkoutId,
            buyerId: scope.userId,
            sellerId,
            paymentMethod: method.id,
            payment,
            totalMinor,
            currency,
            delivery,
          })
          .returning({ id: orders.id });
        await tx.insert(orderItems).values(
          items.map((i) => ({
            tenantId,
            orderId: order!.id,
            productId: i.productId,
            buyerId: scope.userId,
            title: i.title,
            slug: i.slug,
            unit: i.unit,
            unitPriceMinor: i.priceMinor,
            quantity: i.quantity,
          })),
        );
        await tx.insert(orderEvents).values({ tenantId, orderId: order!.id, buyerId: scope.userId, kind: 'placed', actorId: scope.userId });
        await recordEvent(
          tx,
          tenantId,
          'order.placed',
          {
            orderId: order!.id,
            reference,
            sellerId,
            totalMinor,
            currency,
            paymentMethod: method.id,
            items: items.map((i) => ({ productId: i.productId, quantity: i.quantity, unitPriceMinor: i.priceMinor })),
          },
          scope.userId,
        );
        placed.push({ tenantId, reference });
      }
    }
    return { orders: placed, repeated: false };
  });
}

/**
 * Which payment methods each seller in the cart can take. Payout details never leave the
 * seller's commune: only the method ids do.
 */
export async function methodsForGroups(
  scope: Scope,
  groups: { key: string; tenantId: string; sellerId: string; currency: 'VND' | 'THB' }[],
): Promise<Record<string, PaymentMethodId[]>> {
  // One transaction, one query per commune (a cart rarely spans more than two or three).
  const payouts = await readTenant({ ...scope, tenantId: null }, async (tx) => {
    const rows: (typeof sellerPayouts.$inferSelect)[] = [];
    for (const tenantId of new Set(groups.map((g) => g.tenantId))) {
      await enterTenant(tx, tenantId);
      const sellerIds = groups.filter((g) => g.tenantId === tenantId).map((g) => g.sellerId);
      rows.push(...(await effectivePayouts(tx, tenantId, sellerIds)));
    }
    return rows;
  });
  return Object.fromEntries(
    groups.map((group) => {
      const row = payouts.find((p) => p.tenantId === group.tenantId && p.sellerId === group.sellerId);
      return [group.key, methodsFor({ currency: group.currency, payout: payoutOf(row) }).map((m) => m.id)];
    }),
  );
}
