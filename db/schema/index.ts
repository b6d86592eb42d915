export * from './tenancy.ts';
export * from './auth.ts';
export * from './outbox.ts';
export * from './media.ts';
export * from './handbook.ts';
export * from './news.ts';
export * from './market.ts';
export * from './tourism.ts';
