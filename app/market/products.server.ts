import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { communes, orderItems, products, provinces, sellers, type ProductCategory, type ProductStatus } from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { readTenant, withTenant, type MemberScope, type CommuneScope } from '#db/scope.ts';
import { productSearchText, slugify } from '#db/text.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { addMonths } from '~/lib/dates.ts';
import { freeSlug } from '~/lib/slugs.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { ProductInput } from './schemas.ts';
import { moderationOn } from './sellers.server.ts';
import { actorFor, memberHolds, logSellerAction } from './seller-actor.server.ts';

export type ProductRow = typeof products.$inferSelect;

/** What catalogue search matches: every title, the category, the seller, the commune and its province (old names too). */
async function searchTextFor(
  tx: Tx,
  tenantId: string,
  sellerId: string,
  title: LocaleText,
  category: ProductCategory,
  certStars: number | null | undefined,
): Promise<string> {
  const [ctx] = await tx
    .select({ seller: sellers.name, hamlet: sellers.hamlet, commune: communes.name, province: provinces.name, legacy: provinces.legacyNames })
    .from(sellers)
    .innerJoin(communes, eq(communes.id, sellers.tenantId))
    .innerJoin(provinces, and(eq(provinces.country, communes.country), eq(provinces.code, communes.provinceCode)))
    .where(and(eq(sellers.tenantId, tenantId), eq(sellers.id, sellerId)));
  return productSearchText({
    title,
    category,
    certStars,
    seller: ctx?.seller,
    hamlet: ctx?.hamlet,
    commune: ctx?.commune,
    province: ctx?.province,
    legacyNames: ctx?.legacy,
  });
}

function columnsFrom(input: ProductInput, currency: 'VND' | 'THB') {
  return {
    title: input.title,
    description: input.description,
    season: input.season,
    category: input.category,
    unit: input.unit,
    priceMinor: input.price,
    currency,
    stock: input.stock,
    weightGrams: input.weightGrams ?? null,
    certScheme: input.certStars ? (currency === 'THB' ? ('OTOP' as const) : ('OCOP' as const)) : null,
    certStars: input.certStars ?? null,
    certNumber: input.certStars ? (input.certNumber ?? null) : null,
    certAuthority: input.certStars ? (input.certAuthority ?? null) : null,
    certIssuedOn: input.certStars ? (input.certIssuedOn ?? null) : null,
    // A certificate is valid 36 months unless the form says otherwise.
    certExpiresOn: input.certStars ? (input.certExpiresOn ?? (input.certIssuedOn ? addMonths(input.certIssuedOn, 36) : null)) : null,
  };
}

/** Whether a certificate may still be shown as a badge (today, in UTC days). */
export function certValid(p: { certStars: number | null; certExpiresOn: string | null }, today = new Date().toISOString().slice(0, 10)): boolean {
  return Boolean(p.certStars && p.certExpiresOn && p.certExpiresOn >= today);
}

/**
 * Saves a new listing. `publish` asks for it to go live: straight away, or into the
 * officials' queue when the commune moderates listings. Staff acting for a seller need consent.
 */
export async function createProduct(
  scope: PermittedScope<'shop.manage'> & { currency: 'VND' | 'THB' },
  sellerId: string,
  input: ProductInput,
  photos: ImageRef[],
  publish: boolean,
): Promise<{ id: string; slug: string; status: ProductStatus }> {
  return withTenant(scope, async (tx) => {
    const actor = await actorFor(tx, scope, sellerId);
    const columns = columnsFrom(input, scope.currency);
    const status: ProductStatus = publish ? ((await moderationOn(tx, scope.tenantId)) ? 'pending' : 'published') : 'draft';
    const searchText = await searchTextFor(tx, scope.tenantId, sellerId, input.title, input.category, columns.certStars);
    const slug = await freeSlug(slugify(input.title.vi ?? input.title.en ?? input.title.th ?? '', 'san-pham'), async (candidate) => {
      const [taken] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.tenantId, scope.tenantId), eq(products.slug, candidate)));
      return Boolean(taken);
    });
    const [row] = await tx
      .insert(products)
      .values({
        tenantId: scope.tenantId,
        sellerId,
        slug,
        status,
        ...columns,
        photos,
        searchText,
        publishedAt: status === 'published' ? new Date() : null,
      })
      .returning({ id: products.id });
    await logSellerAction(tx, scope.tenantId, actor, 'product.created', { productId: row!.id, title: input.title.vi, status });
    if (status === 'published') await recordEvent(tx, scope.tenantId, 'product.published', { productId: row!.id, slug }, scope.userId);
    if (status === 'pending') await recordEvent(tx, scope.tenantId, 'product.submitted', { productId: row!.id, sellerId }, scope.userId);
    return { id: row!.id, slug, status };
  });
}

export async function updateProduct(
  scope: PermittedScope<'shop.manage'> & { currency: 'VND' | 'THB' },
  productId: string,
  input: ProductInput,
  photos: ImageRef[],
  publish: boolean,
): Promise<{ slug: string; status: ProductStatus }> {
  return withTenant(scope, async (tx) => {
    const [owner] = await tx
      .select({ sellerId: products.sellerId })
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId)));
    if (!owner) throw new AppError('not_found', 'common:errors.notFound');
    // The seller's row first, then the listing's: the order suspending a seller takes them in.
    const actor = await actorFor(tx, scope, owner.sellerId);
    const [current] = await tx
      .select({ sellerId: products.sellerId, status: products.status, slug: products.slug, priceMinor: products.priceMinor, heldStatus: products.heldStatus })
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId)))
      .for('update');
    if (!current) throw new AppError('not_found', 'common:errors.notFound');
    const columns = columnsFrom(input, scope.currency);
    let status: ProductStatus = current.status;
    if (current.status === 'suspended') {
      // Taken down by an official: edits stay off the market, and asking to publish again
      // always goes to the officials' queue, whatever the commune's moderation setting.
      status = publish && current.heldStatus === null ? 'pending' : 'suspended';
    } else if (!publish) status = current.status === 'published' || current.status === 'pending' ? current.status : 'draft';
    else if (current.status !== 'published') status = (await moderationOn(tx, scope.tenantId)) ? 'pending' : 'published';
    const searchText = await searchTextFor(tx, scope.tenantId, current.sellerId, input.title, input.category, columns.certStars);
    await tx
      .update(products)
      .set({
        ...columns,
        photos,
        status,
        rejectReason: status === 'published' || (status === 'pending' && current.status !== 'suspended') ? null : undefined,
        searchText,
        updatedAt: new Date(),
        publishedAt: status === 'published' && current.status !== 'published' ? new Date() : undefined,
      })
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId)));
    await logSellerAction(tx, scope.tenantId, actor, 'product.updated', {
      productId,
      title: input.title.vi,
      status,
      ...(current.priceMinor !== columns.priceMinor ? { priceFrom: current.priceMinor, priceTo: columns.priceMinor } : {}),
    });
    if (status === 'published' && current.status !== 'published')
      await recordEvent(tx, scope.tenantId, 'product.published', { productId, slug: current.slug }, scope.userId);
    if (status === 'pending' && current.status !== 'pending')
      await recordEvent(tx, scope.tenantId, 'product.submitted', { productId, sellerId: current.sellerId }, scope.userId);
    return { slug: current.slug, status };
  });
}

/** Takes a listing off the market (or puts an archived one back as a draft). */
export async function setProductArchived(scope: PermittedScope<'shop.manage'>, productId: string, archived: boolean): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [current] = await tx
      .select({ sellerId: products.sellerId, status: products.status })
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId)));
    if (!current) throw new AppError('not_found', 'common:errors.notFound');
    const actor = await actorFor(tx, scope, current.sellerId);
    // A taken-down listing comes back only through an official (archiving and restoring it
    // would otherwise make it a draft the seller could publish straight away).
    if (current.status === 'suspended') throw new AppError('conflict', 'market:takedown.onlyOfficial');
    await tx
      .update(products)
      .set({ status: archived ? 'archived' : 'draft', updatedAt: new Date() })
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId)));
    await logSellerAction(tx, scope.tenantId, actor, archived ? 'product.archived' : 'product.restored', { productId });
    if (archived) await recordEvent(tx, scope.tenantId, 'product.archived', { productId }, scope.userId);
  });
}

/** An official's decision on a listing waiting in the moderation queue. */
export async function moderateProduct(
  scope: PermittedScope<'product.takedown'>,
  productId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [row] = await tx
      .update(products)
      .set(
        decision.approve
          ? { status: 'published', publishedAt: new Date(), rejectReason: null, updatedAt: new Date() }
          : { status: 'rejected', rejectReason: decision.reason, updatedAt: new Date() },
      )
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId), eq(products.status, 'pending')))
      .returning({ sellerId: products.sellerId, slug: products.slug });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await logSellerAction(
      tx,
      scope.tenantId,
      { sellerId: row.sellerId, userId: scope.userId, onBehalf: false },
      decision.approve ? 'product.approved' : 'product.rejected',
      {
        productId,
        ...(decision.approve ? {} : { reason: decision.reason }),
      },
    );
    if (decision.approve) await recordEvent(tx, scope.tenantId, 'product.published', { productId, slug: row.slug }, scope.userId);
    await recordEvent(
      tx,
      scope.tenantId,
      decision.approve ? 'product.approved' : 'product.rejected',
      { productId, sellerId: row.sellerId, ...(decision.approve ? {} : { reason: decision.reason }) },
      scope.userId,
    );
  });
}

/**
 * An official takes a live (or queued) listing down at once, without the seller's consent: a
 * false certificate claim must come down now. The reason is shown to the seller.
 */
export async function takeDownProduct(scope: PermittedScope<'product.takedown'>, productId: string, reason: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'product.takedown'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    const [row] = await tx
      .update(products)
      .set({ status: 'suspended', heldStatus: null, rejectReason: reason, updatedAt: new Date() })
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId), sql`${products.status} in ('published', 'pending')`))
      .returning({ sellerId: products.sellerId, slug: products.slug, title: products.title });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await logSellerAction(tx, scope.tenantId, { sellerId: row.sellerId, userId: scope.userId, onBehalf: false }, 'product.taken_down', {
      productId,
      title: row.title.vi,
      reason,
    });
    await recordEvent(tx, scope.tenantId, 'product.taken_down', { productId, sellerId: row.sellerId, slug: row.slug, reason }, scope.userId);
  });
}

/** An official puts a taken-down listing back on the market. */
export async function reinstateProduct(scope: PermittedScope<'product.takedown'>, productId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    if (!(await memberHolds(tx, scope.tenantId, scope.userId, 'product.takedown'))) throw new AppError('forbidden', 'market:assisted.officialOnly');
    const [row] = await tx
      .update(products)
      .set({ status: 'published', rejectReason: null, publishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId), eq(products.status, 'suspended'), isNull(products.heldStatus)))
      .returning({ sellerId: products.sellerId, slug: products.slug, title: products.title });
    if (!row) throw new AppError('conflict', 'market:errors.staleState');
    await logSellerAction(tx, scope.tenantId, { sellerId: row.sellerId, userId: scope.userId, onBehalf: false }, 'product.reinstated', {
      productId,
      title: row.title.vi,
    });
    await recordEvent(tx, scope.tenantId, 'product.published', { productId, slug: row.slug }, scope.userId);
  });
}

/**
 * A listing as its editor shows it, drafts included. Read before the shop page's grant, to learn
 * whose shop it belongs to (openShop); the page shows it only once `shop.manage` is proven.
 */
export async function getProductForEdit(scope: MemberScope, productId: string): Promise<ProductRow | null> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select()
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.id, productId))),
  );
  return row ?? null;
}

export type SellerProductRow = Pick<
  ProductRow,
  | 'id'
  | 'slug'
  | 'status'
  | 'title'
  | 'priceMinor'
  | 'currency'
  | 'unit'
  | 'stock'
  | 'photos'
  | 'rejectReason'
  | 'heldStatus'
  | 'certStars'
  | 'certExpiresOn'
  | 'updatedAt'
>;

const sellerProductColumns = {
  id: products.id,
  slug: products.slug,
  status: products.status,
  title: products.title,
  priceMinor: products.priceMinor,
  currency: products.currency,
  unit: products.unit,
  stock: products.stock,
  photos: products.photos,
  rejectReason: products.rejectReason,
  heldStatus: products.heldStatus,
  certStars: products.certStars,
  certExpiresOn: products.certExpiresOn,
  updatedAt: products.updatedAt,
};

export async function listSellerProducts(scope: PermittedScope<'shop.manage'>, sellerId: string): Promise<SellerProductRow[]> {
  return withTenant(scope, (tx) =>
    tx
      .select(sellerProductColumns)
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.sellerId, sellerId)))
      .orderBy(desc(products.updatedAt)),
  );
}

export type QueueRow = SellerProductRow & { sellerName: string };

export async function moderationQueue(scope: PermittedScope<'product.takedown'>): Promise<QueueRow[]> {
  return withTenant(scope, (tx) =>
    tx
      .select({ ...sellerProductColumns, sellerName: sellers.name })
      .from(products)
      .innerJoin(sellers, and(eq(sellers.tenantId, products.tenantId), eq(sellers.id, products.sellerId)))
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.status, 'pending')))
      .orderBy(products.updatedAt),
  );
}

/** What adding to a cart needs of a published product: no seller card, no reviews. */
export async function getProductForCart(scope: CommuneScope, slug: string) {
  const [row] = await readTenant(scope, (tx) =>
    tx
      .select({ id: products.id, slug: products.slug, stock: products.stock, priceMinor: products.priceMinor })
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.slug, slug), eq(products.status, 'published'))),
  );
  return row ?? null;
}

export type ProductPage = {
  product: ProductRow;
  seller: {
    id: string;
    name: string;
    hamlet: string | null;
    story: LocaleText;
    photo: ImageRef | null;
    phone: string | null;
    zalo: string | null;
    isCooperative: boolean;
    ratingSum: number;
    ratingCount: number;
  };
  others: Pick<ProductRow, 'id' | 'slug' | 'title' | 'priceMinor' | 'currency' | 'unit' | 'photos' | 'stock'>[];
  reviews: { rating: number; comment: string | null; ratedAt: Date | null }[];
};

/** A published product with its seller card, the seller's other products and recent reviews. */
export async function getPublishedProduct(scope: CommuneScope, slug: string): Promise<ProductPage | null> {
  return readTenant(scope, async (tx) => {
    const [product] = await tx
      .select()
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.slug, slug), eq(products.status, 'published')));
    if (!product) return null;
    const [seller] = await tx
      .select({
        id: sellers.id,
        name: sellers.name,
        hamlet: sellers.hamlet,
        story: sellers.story,
        photo: sellers.photo,
        phone: sellers.phone,
        zalo: sellers.zalo,
        isCooperative: sellers.isCooperative,
        ratingSum: sellers.ratingSum,
        ratingCount: sellers.ratingCount,
      })
      .from(sellers)
      .where(and(eq(sellers.tenantId, scope.tenantId), eq(sellers.id, product.sellerId)));
    if (!seller) return null;
    const others = await tx
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        priceMinor: products.priceMinor,
        currency: products.currency,
        unit: products.unit,
        photos: products.photos,
        stock: products.stock,
      })
      .from(products)
      .where(and(eq(products.tenantId, scope.tenantId), eq(products.sellerId, product.sellerId), eq(products.status, 'published'), ne(products.id, product.id)))
      .orderBy(desc(products.publishedAt))
      .limit(6);
    const reviews = await tx
      .select({ rating: sql<number>`${orderItems.rating}::int`, comment: orderItems.ratingComment, ratedAt: orderItems.ratedAt })
      .from(orderItems)
      .where(and(eq(orderItems.tenantId, scope.tenantId), eq(orderItems.productId, product.id), sql`${orderItems.rating} is not null`))
      .orderBy(desc(orderItems.ratedAt))
      .limit(10);
    return { product, seller, others, reviews };
  });
}
