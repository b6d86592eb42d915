import { and, eq, inArray, sql } from 'drizzle-orm';
import { createCookie } from 'react-router';
import { communes, products, sellers, type ProductUnit } from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import type { Locale } from '~/i18n/config.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { MAX_QUANTITY } from './schemas.ts';

/**
 * The cart lives in a cookie: it needs no account and no JavaScript, survives signing in, and
 * keeps servers stateless. It holds only ids, quantities and the price the buyer last saw;
 * prices, stock and availability always come from the database.
 */
export type CartLine = { tenantId: string; productId: string; quantity: number; seenPrice: number };

export const MAX_CART_LINES = 30;

const cartCookie = createCookie('baan_cart', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 });

export async function readCart(request: Request): Promise<CartLine[]> {
  let value: unknown;
  try {
    value = await cartCookie.parse(request.headers.get('Cookie'));
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const lines: CartLine[] = [];
  for (const entry of value.slice(0, MAX_CART_LINES)) {
    if (!Array.isArray(entry) || entry.length !== 4) continue;
    const [tenantId, productId, quantity, seenPrice] = entry as unknown[];
    if (typeof tenantId !== 'string' || !UUID_PATTERN.test(tenantId)) continue;
    if (typeof productId !== 'string' || !UUID_PATTERN.test(productId)) continue;
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > MAX_QUANTITY) continue;
    if (!Number.isInteger(seenPrice) || (seenPrice as number) < 0) continue;
    if (lines.some((l) => l.productId === productId)) continue;
    lines.push({ tenantId, productId, quantity: quantity as number, seenPrice: seenPrice as number });
  }
  return lines;
}

export async function cartCookieHeader(lines: CartLine[]): Promise<string> {
  if (!lines.length) return cartCookie.serialize([], { maxAge: 0 });
  return cartCookie.serialize(lines.slice(0, MAX_CART_LINES).map((l) => [l.tenantId, l.productId, l.quantity, l.seenPrice]));
}

export type CartItem = {
  tenantId: string;
  productId: string;
  slug: string;
  title: LocaleText;
  unit: ProductUnit;
  cover: ImageRef | null;
  quantity: number;
  priceMinor: number;
  seenPrice: number;
  currency: 'VND' | 'THB';
  stock: number;
  sellerId: string;
  sellerName: string;
  communeSlug: string;
  communeName: LocaleText;
  communeLocale: Locale;
};

/**
 * The cart as it stands now: only published products (another commune's draft, a deleted
 * product or a forged id simply drops out), with today's price next to the one the buyer saw.
 */
export async function resolveCart(scope: Scope, lines: CartLine[]): Promise<CartItem[]> {
  if (!lines.length) return [];
  const ids = lines.map((l) => l.productId);
  const rows = await withTenant({ ...scope, tenantId: null }, (tx) =>
    tx
      .select({
        tenantId: products.tenantId,
        productId: products.id,
        slug: products.slug,
        title: products.title,
        unit: products.unit,
        cover: sql<ImageRef | null>`${products.photos} -> 0`,
        priceMinor: products.priceMinor,
        currency: products.currency,
        stock: products.stock,
        sellerId: products.sellerId,
        sellerName: sellers.name,
        communeSlug: communes.slug,
        communeName: communes.name,
        communeLocale: sql<Locale>`${communes.defaultLocale}`,
      })
      .from(products)
      .innerJoin(sellers, and(eq(sellers.tenantId, products.tenantId), eq(sellers.id, products.sellerId)))
      .innerJoin(communes, eq(communes.id, products.tenantId))
      .where(and(inArray(products.id, ids), eq(products.status, 'published'), eq(sellers.status, 'approved'))),
  );
  const items: CartItem[] = [];
  for (const line of lines) {
    const row = rows.find((r) => r.productId === line.productId && r.tenantId === line.tenantId);
    if (row) items.push({ ...row, quantity: line.quantity, seenPrice: line.seenPrice });
  }
  return items;
}

/** Groups cart items the way checkout splits them: one order per seller. */
export function groupBySeller(items: CartItem[]): {
  key: string;
  tenantId: string;
  sellerId: string;
  sellerName: string;
  communeSlug: string;
  communeName: LocaleText;
  communeLocale: Locale;
  currency: 'VND' | 'THB';
  items: CartItem[];
  totalMinor: number;
}[] {
  const groups = new Map<string, ReturnType<typeof groupBySeller>[number]>();
  for (const item of items) {
    const key = `${item.tenantId}:${item.sellerId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        tenantId: item.tenantId,
        sellerId: item.sellerId,
        sellerName: item.sellerName,
        communeSlug: item.communeSlug,
        communeName: item.communeName,
        communeLocale: item.communeLocale,
        currency: item.currency,
        items: [],
        totalMinor: 0,
      };
      groups.set(key, group);
    }
    group.items.push(item);
    group.totalMinor += item.priceMinor * item.quantity;
  }
  return [...groups.values()];
}
