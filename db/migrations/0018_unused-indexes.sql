-- Catalogue and handbook search read their index tables (product_search, handbook_search: see
-- docs/decisions/006); these indexes on the source tables serve no query and cost every write.
-- places.search_text has no reader yet either (a place search would bring its index back).
DROP INDEX "products_published_idx";--> statement-breakpoint
DROP INDEX "products_price_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "products_search_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "handbook_translations_search_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "places_search_trgm_idx";--> statement-breakpoint
-- The commune's order desk lists its newest orders.
CREATE INDEX "orders_tenant_placed_idx" ON "orders" USING btree ("tenant_id","placed_at" DESC NULLS LAST);
