import type { OrderStatus } from '#domain/market.ts';

/**
 * The order status machine: what may follow what, and who may do it. Pure (no database, no
 * request), so pages can show only the buttons that will work and tests can walk it alone;
 * orders.server.ts applies a move inside a transaction that re-reads the status first.
 */

// Cancelling is allowed until the parcel leaves.
export const SELLER_MOVES: Partial<Record<OrderStatus, OrderStatus[]>> = {
  placed: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
};
export const BUYER_MOVES: Partial<Record<OrderStatus, OrderStatus[]>> = {
  placed: ['cancelled'],
  confirmed: ['cancelled'],
  shipped: ['completed'],
  delivered: ['completed'],
};

export function canMove(from: OrderStatus, to: OrderStatus, as: 'seller' | 'buyer'): boolean {
  return ((as === 'seller' ? SELLER_MOVES : BUYER_MOVES)[from] ?? []).includes(to);
}

/**
 * One step of an order: its new status (never `placed`, which only checkout sets), with the
 * parcel's carrier and tracking or the reason for cancelling.
 */
export type Move = { to: Exclude<OrderStatus, 'placed'>; carrier?: string; tracking?: string | null; reason?: string };
