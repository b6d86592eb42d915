-- Marketplace: forced row-level security. Approved sellers and published products are public
-- (the platform catalogue reads across communes); payouts, orders and logs stay in their commune,
-- except that a buyer reads their own orders from anywhere.
ALTER TABLE sellers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sellers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON sellers
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE seller_payouts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_payouts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON seller_payouts
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE seller_actions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_actions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON seller_actions
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE products ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE products FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON products
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE orders FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON orders
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE order_items FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON order_items
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE order_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE order_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON order_events
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY public_read ON sellers FOR SELECT USING (status = 'approved');--> statement-breakpoint
CREATE POLICY public_read ON products FOR SELECT USING (status = 'published');--> statement-breakpoint
CREATE POLICY buyer_read ON orders FOR SELECT
  USING (buyer_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY buyer_read ON order_items FOR SELECT
  USING (buyer_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY buyer_read ON order_events FOR SELECT
  USING (buyer_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE checkouts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE checkouts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY buyer_own ON checkouts
  USING (buyer_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (buyer_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE INDEX products_search_trgm_idx ON products USING gin (search_text gin_trgm_ops) WHERE status = 'published';--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sellers, seller_payouts, products TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT ON seller_actions, order_events, checkouts TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON orders, order_items TO baan_app;
