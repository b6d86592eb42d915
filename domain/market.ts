// The marketplace's value lists: plain data, so pages and forms can use them without loading the database schema.

export const PRODUCT_CATEGORIES = [
  'tea',
  'coffee',
  'honey',
  'spices',
  'rice',
  'produce',
  'processed',
  'textiles',
  'handicrafts',
  'medicinal',
  'other',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_UNITS = ['kg', 'g500', 'g100', 'pack', 'box', 'bottle', 'jar', 'piece', 'set', 'litre', 'metre'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const SELLER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

/** `suspended`: taken down by an official (with a reason the seller reads), alone or with its seller. */
export const PRODUCT_STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived', 'suspended'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const ORDER_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The steps of an order's timeline (`order_events.kind`): each status it reached, and its payment arriving. */
export const ORDER_EVENT_KINDS = [...ORDER_STATUSES, 'paid'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];

/**
 * What a seller's history records (`seller_actions.action`), each shown as `market:actions.*`.
 * Rows are never rewritten, so the list keeps actions no longer written: `seller.payout_updated`
 * (before payout changes waited) and `seller.consent_cleared` (written by migration 0025).
 */
export const SELLER_ACTIONS = [
  'seller.applied',
  'seller.added',
  'seller.approved',
  'seller.rejected',
  'seller.suspended',
  'seller.reinstated',
  'seller.profile_updated',
  'seller.payout_updated',
  'seller.payout_change_requested',
  'seller.payout_change_cancelled',
  'seller.payout_change_effective',
  'seller.consent_requested',
  'seller.consent_proposed',
  'seller.consent_recorded',
  'seller.consent_given',
  'seller.consent_confirmed',
  'seller.consent_withdrawn',
  'seller.consent_cleared',
  'product.created',
  'product.updated',
  'product.archived',
  'product.restored',
  'product.approved',
  'product.rejected',
  'product.taken_down',
  'product.reinstated',
  'order.confirmed',
  'order.shipped',
  'order.delivered',
  'order.completed',
  'order.cancelled',
  'order.paid',
] as const;
export type SellerAction = (typeof SELLER_ACTIONS)[number];
