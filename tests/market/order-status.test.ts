import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '#db/schema/market.ts';
import { BUYER_MOVES, canMove, SELLER_MOVES } from '~/market/order-status.ts';

describe('the order status machine', () => {
  // Every move either party may make, written out: anything not here is refused.
  const allowed: [OrderStatus, OrderStatus, 'seller' | 'buyer'][] = [
    ['placed', 'confirmed', 'seller'],
    ['placed', 'cancelled', 'seller'],
    ['confirmed', 'shipped', 'seller'],
    ['confirmed', 'cancelled', 'seller'],
    ['shipped', 'delivered', 'seller'],
    ['delivered', 'completed', 'seller'],
    ['placed', 'cancelled', 'buyer'],
    ['confirmed', 'cancelled', 'buyer'],
    ['shipped', 'completed', 'buyer'],
    ['delivered', 'completed', 'buyer'],
  ];

  it('allows exactly the listed moves, for exactly the listed party', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        for (const as of ['seller', 'buyer'] as const) {
          const expected = allowed.some(([f, t, a]) => f === from && t === to && a === as);
          expect(canMove(from, to, as), `${as}: ${from} → ${to}`).toBe(expected);
        }
      }
    }
  });

  it('ends at completed and cancelled, and no longer cancels once the parcel has left', () => {
    for (const moves of [SELLER_MOVES, BUYER_MOVES]) {
      expect(moves.completed ?? []).toEqual([]);
      expect(moves.cancelled ?? []).toEqual([]);
      expect(moves.shipped ?? []).not.toContain('cancelled');
      expect(moves.delivered ?? []).not.toContain('cancelled');
    }
  });

  it('is pure: no database or request code at run time', async () => {
    const source = await readFile('app/market/order-status.ts', 'utf8');
    const runtimeImports = source.split('\n').filter((line) => line.startsWith('import ') && !line.startsWith('import type '));
    expect(runtimeImports).toEqual([]);
  });
});
