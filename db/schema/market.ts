import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownRead, publicRead, readIndexPolicies, tenantPolicies } from './policies.ts';
import { users } from './auth.ts';
import type { ImageRef } from './media.ts';
import { communes, type LocaleText } from './tenancy.ts';
import {
  ORDER_EVENT_KINDS,
  ORDER_STATUSES,
  PRODUCT_CATEGORIES,
  PRODUCT_STATUSES,
  PRODUCT_UNITS,
  SELLER_ACTIONS,
  SELLER_STATUSES,
  type OrderEventKind,
  type OrderStatus,
  type ProductCategory,
  type ProductStatus,
  type ProductUnit,
  type SellerAction,
  type SellerStatus,
} from '../../domain/market.ts';
import type { PaymentMethodId } from '../../domain/payments.ts';

// The value lists live in domain/ (plain data pages can load); re-exported for the server code that reads them here.
export {
  ORDER_EVENT_KINDS,
  ORDER_STATUSES,
  PRODUCT_CATEGORIES,
  PRODUCT_STATUSES,
  PRODUCT_UNITS,
  SELLER_ACTIONS,
  SELLER_STATUSES,
  type OrderEventKind,
  type OrderStatus,
  type ProductCategory,
  type ProductStatus,
  type ProductUnit,
  type SellerAction,
  type SellerStatus,
};

export type DeliveryAddress = { name: string; phone: string; provinceCode: string; commune: string; street: string; note?: string };

/** A villager (or cooperative) who sells in a commune. `userId` is empty for sellers helped by officials. */
export const sellers = pgTable(
  'sellers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<SellerStatus>().notNull().default('pending'),
    name: text('name').notNull(),
    hamlet: text('hamlet'),
    story: jsonb('story').$type<LocaleText>().notNull().default({}),
    photo: jsonb('photo').$type<ImageRef | null>(),
    phone: text('phone'),
    zalo: text('zalo'),
    isCooperative: boolean('is_cooperative').notNull().default(false),
    /** Why an official refused the request, or suspended the seller: the seller reads it. */
    rejectReason: text('reject_reason'),
    /**
     * Assisted mode: officials and editors may act for the seller once the seller consented (in
     * their own session, or by reading out a code from their own screen), or, for a seller
     * without an account, once an official recorded it and a second official confirmed.
     */
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentBy: uuid('consent_by').references(() => users.id, { onDelete: 'set null' }),
    consentNote: text('consent_note'),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('public_read', sql`status = 'approved'`),
    primaryKey({ name: 'sellers_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('sellers_user_key').on(t.tenantId, t.userId),
    check('sellers_status_check', sql`${t.status} in ('pending', 'approved', 'rejected', 'suspended')`),
    check('sellers_name_check', sql`length(${t.name}) between 1 and 120`),
  ],
);

/**
 * How a seller is paid, as a history of requested changes: one row per request, never updated
 * except to cancel it. The account QR codes use is computed at read time (`effectivePayouts`):
 * of the rows not cancelled whose `effective_at` has passed, the latest requested. A change
 * waits the commune's cooling-off period so the seller can see and cancel it. Never public.
 */
export const sellerPayouts = pgTable(
  'seller_payouts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sellerId: uuid('seller_id').notNull(),
    kind: text('kind').$type<'vietqr' | 'promptpay'>().notNull(),
    bankBin: text('bank_bin'),
    account: text('account').notNull(),
    accountName: text('account_name').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'seller_payouts_pkey', columns: [t.tenantId, t.id] }),
    index('seller_payouts_seller_idx').on(t.tenantId, t.sellerId, t.requestedAt),
    foreignKey({ name: 'seller_payouts_seller_fk', columns: [t.tenantId, t.sellerId], foreignColumns: [sellers.tenantId, sellers.id] }).onDelete('cascade'),
    check('seller_payouts_kind_check', sql`(${t.kind} = 'vietqr' and ${t.bankBin} ~ '^[0-9]{6}$') or (${t.kind} = 'promptpay' and ${t.bankBin} is null)`),
    check('seller_payouts_effective_check', sql`${t.effectiveAt} >= ${t.requestedAt}`),
  ],
);

/**
 * A request to act for a seller (assisted mode) that waits for the seller or a second official:
 * `code` when staff ask a seller with an account (the seller's own screen shows a one-time code,
 * kept here only as a hash), `official` when an official records a seller without an account
 * and another official must confirm. Open while neither confirmed nor closed.
 */
export const sellerConsentRequests = pgTable(
  'seller_consent_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sellerId: uuid('seller_id').notNull(),
    method: text('method').$type<'code' | 'official'>().notNull(),
    note: text('note').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    codeHash: text('code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'seller_consent_requests_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('seller_consent_requests_open_key')
      .on(t.tenantId, t.sellerId)
      .where(sql`confirmed_at is null and closed_at is null`),
    foreignKey({ name: 'seller_consent_requests_seller_fk', columns: [t.tenantId, t.sellerId], foreignColumns: [sellers.tenantId, sellers.id] }).onDelete(
      'cascade',
    ),
    check('seller_consent_requests_method_check', sql`${t.method} in ('code', 'official')`),
    check('seller_consent_requests_note_check', sql`length(${t.note}) between 1 and 500`),
  ],
);

/** Who did what for a seller: assisted-mode actions and the seller's own key moments. The seller reads it. */
export const sellerActions = pgTable(
  'seller_actions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sellerId: uuid('seller_id').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    onBehalf: boolean('on_behalf').notNull(),
    action: text('action').$type<SellerAction>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'seller_actions_pkey', columns: [t.tenantId, t.id] }),
    index('seller_actions_seller_idx').on(t.tenantId, t.sellerId, t.createdAt),
    foreignKey({ name: 'seller_actions_seller_fk', columns: [t.tenantId, t.sellerId], foreignColumns: [sellers.tenantId, sellers.id] }).onDelete('cascade'),
  ],
);

export const products = pgTable(
  'products',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    sellerId: uuid('seller_id').notNull(),
    slug: text('slug').notNull(),
    status: text('status').$type<ProductStatus>().notNull().default('draft'),
    /** Why an official refused or took down the listing: the seller reads it. */
    rejectReason: text('reject_reason'),
    /**
     * Held with its seller (not taken down on its own): the status it had when the seller was
     * suspended, `published` or `pending`, which reinstating the seller restores exactly (a
     * listing waiting for an official goes back to the queue, never straight to the market).
     */
    heldStatus: text('held_status').$type<'published' | 'pending'>(),
    title: jsonb('title').$type<LocaleText>().notNull(),
    description: jsonb('description').$type<LocaleText>().notNull().default({}),
    category: text('category').$type<ProductCategory>().notNull(),
    /** In the currency's minor unit: đồng for VND (none smaller), satang for THB. */
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').$type<'VND' | 'THB'>().notNull(),
    unit: text('unit').$type<ProductUnit>().notNull(),
    stock: integer('stock').notNull().default(0),
    weightGrams: integer('weight_grams'),
    season: jsonb('season').$type<LocaleText>().notNull().default({}),
    photos: jsonb('photos').$type<ImageRef[]>().notNull().default([]),
    certScheme: text('cert_scheme').$type<'OCOP' | 'OTOP'>(),
    certStars: smallint('cert_stars'),
    certNumber: text('cert_number'),
    certAuthority: text('cert_authority'),
    certIssuedOn: date('cert_issued_on'),
    certExpiresOn: date('cert_expires_on'),
    /** The expiry date the seller was last reminded of (the daily reminder runs once per product and date). */
    certRemindedFor: date('cert_reminded_for'),
    /** Folded titles, descriptions' first words, category, seller, commune and province names. */
    searchText: text('search_text').notNull().default(''),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('public_read', sql`status = 'published'`),
    primaryKey({ name: 'products_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('products_slug_key').on(t.tenantId, t.slug),
    index('products_seller_idx').on(t.tenantId, t.sellerId),
    foreignKey({ name: 'products_seller_fk', columns: [t.tenantId, t.sellerId], foreignColumns: [sellers.tenantId, sellers.id] }),
    check('products_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 80`),
    check('products_status_check', sql`${t.status} in ('draft', 'pending', 'published', 'rejected', 'archived', 'suspended')`),
    check('products_price_check', sql`${t.priceMinor} between 0 and 1000000000`),
    check('products_currency_check', sql`${t.currency} in ('VND', 'THB')`),
    check('products_stock_check', sql`${t.stock} between 0 and 1000000`),
    check('products_weight_check', sql`${t.weightGrams} is null or ${t.weightGrams} between 1 and 1000000`),
    check('products_cert_check', sql`${t.certStars} is null or (${t.certStars} between 1 and 5 and ${t.certScheme} in ('OCOP', 'OTOP'))`),
    check('products_photos_check', sql`jsonb_array_length(${t.photos}) <= 8`),
    check('products_held_check', sql`${t.heldStatus} is null or (${t.heldStatus} in ('published', 'pending') and ${t.status} = 'suspended')`),
  ],
);

const buyerRows = sql`buyer_id = baan.user_id()`;

/**
 * One checkout by one buyer: its id is the idempotency key the checkout form carries. Platform-wide
 * (no commune), readable and writable only by its buyer. Orders carry its id without a foreign
 * key: on Citus orders are distributed by commune and may only reference tables of the same
 * commune or reference tables (ADR 013). Checkouts are insert-only for the app role; one goes
 * only with its buyer's account (see ADR 013 on what that leaves).
 */
export const checkouts = pgTable(
  'checkouts',
  {
    id: uuid('id').primaryKey(),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [pgPolicy('buyer_own', { as: 'permissive', for: 'all', to: 'public', using: buyerRows, withCheck: buyerRows })],
);

/** One order per seller per checkout, in the seller's commune. The buyer reads their own across communes. */
export const orders = pgTable(
  'orders',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    /** The checkout that placed it (no foreign key: see `checkouts`). */
    checkoutId: uuid('checkout_id').notNull(),
    buyerId: uuid('buyer_id').references(() => users.id, { onDelete: 'set null' }),
    sellerId: uuid('seller_id').notNull(),
    status: text('status').$type<OrderStatus>().notNull().default('placed'),
    paymentMethod: text('payment_method').$type<PaymentMethodId>().notNull(),
    /** What the buyer needs to pay (a QR payload and its parts), fixed when the order was placed. */
    payment: jsonb('payment').$type<Record<string, unknown>>().notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    currency: text('currency').$type<'VND' | 'THB'>().notNull(),
    delivery: jsonb('delivery').$type<DeliveryAddress>().notNull(),
    carrier: text('carrier'),
    tracking: text('tracking'),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by').$type<'buyer' | 'seller'>(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    ownRead('buyer_read', 'buyer_id'),
    primaryKey({ name: 'orders_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('orders_reference_key').on(t.tenantId, t.reference),
    index('orders_seller_idx').on(t.tenantId, t.sellerId, t.placedAt),
    // The commune's order desk: newest first.
    index('orders_tenant_placed_idx').on(t.tenantId, t.placedAt.desc()),
    index('orders_buyer_idx').on(t.buyerId, t.placedAt),
    index('orders_checkout_idx').on(t.checkoutId),
    foreignKey({ name: 'orders_seller_fk', columns: [t.tenantId, t.sellerId], foreignColumns: [sellers.tenantId, sellers.id] }),
    check('orders_status_check', sql`${t.status} in ('placed', 'confirmed', 'shipped', 'delivered', 'completed', 'cancelled')`),
    check('orders_total_check', sql`${t.totalMinor} >= 0`),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    orderId: uuid('order_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** Copied from the order so the buyer's row-level policy needs no join. */
    buyerId: uuid('buyer_id'),
    title: jsonb('title').$type<LocaleText>().notNull(),
    slug: text('slug').notNull(),
    unit: text('unit').$type<ProductUnit>().notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    quantity: integer('quantity').notNull(),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
  },
  (t) => [
    ...tenantPolicies(),
    ownRead('buyer_read', 'buyer_id'),
    primaryKey({ name: 'order_items_pkey', columns: [t.tenantId, t.orderId, t.productId] }),
    index('order_items_product_rating_idx')
      .on(t.tenantId, t.productId)
      .where(sql`rating is not null`),
    foreignKey({ name: 'order_items_order_fk', columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
    foreignKey({ name: 'order_items_product_fk', columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    check('order_items_quantity_check', sql`${t.quantity} between 1 and 1000`),
    check('order_items_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/** Every step of an order, shown to buyer and seller as its timeline. */
export const orderEvents = pgTable(
  'order_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    buyerId: uuid('buyer_id'),
    kind: text('kind').$type<OrderEventKind>().notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    onBehalf: boolean('on_behalf').notNull().default(false),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    ownRead('buyer_read', 'buyer_id'),
    primaryKey({ name: 'order_events_pkey', columns: [t.tenantId, t.id] }),
    index('order_events_order_idx').on(t.tenantId, t.orderId, t.createdAt),
    foreignKey({ name: 'order_events_order_fk', columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
  ],
);

/**
 * The catalogue's own index: one row per published product, kept by a trigger on `products`.
 * Everyone may read it (it holds only what is published), so the planner can use its trigram
 * index under row-level security — on `products`, the policies stop LIKE from using an index.
 */
export const productSearch = pgTable(
  'product_search',
  {
    tenantId: uuid('tenant_id').notNull(),
    productId: uuid('product_id').notNull(),
    searchText: text('search_text').notNull(),
    titleText: text('title_text').notNull(),
    category: text('category').notNull(),
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
    stock: integer('stock').notNull(),
    certStars: smallint('cert_stars'),
    certExpiresOn: date('cert_expires_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    ...readIndexPolicies(),
    primaryKey({ name: 'product_search_pkey', columns: [t.tenantId, t.productId] }),
    foreignKey({ name: 'product_search_product_fk', columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
    index('product_search_newest_idx').on(t.publishedAt.desc(), t.productId),
    index('product_search_price_idx').on(t.currency, t.priceMinor, t.productId),
    index('product_search_category_idx').on(t.category, t.publishedAt.desc()),
  ],
);
