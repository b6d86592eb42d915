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
