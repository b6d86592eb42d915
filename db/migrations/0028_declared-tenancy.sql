-- Tenancy declared once (ADR 013). Hand-written part first, then what `drizzle-kit generate`
-- wrote from the policies now declared beside each table (db/schema/policies.ts).
--
-- 1. Who is acting: one function each instead of nullif(current_setting(...)) in every policy.
-- A setting cleared by set_config reads '' (not NULL); both mean "none". STABLE and plain SQL,
-- so the planner inlines them and an index on tenant_id still serves `tenant_id = baan.tenant_id()`.
CREATE SCHEMA IF NOT EXISTS baan;--> statement-breakpoint
CREATE OR REPLACE FUNCTION baan.tenant_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION baan.user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA baan TO baan_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION baan.tenant_id(), baan.user_id() TO baan_app;--> statement-breakpoint

-- 2. The policies written by hand in earlier migrations make way for the declared ones below
-- (same names, same meaning; FORCE ROW LEVEL SECURITY stays as it was).
DROP POLICY tenant_isolation ON announcements;--> statement-breakpoint
DROP POLICY buyer_own ON checkouts;--> statement-breakpoint
DROP POLICY tenant_isolation ON contacts;--> statement-breakpoint
DROP POLICY tenant_isolation ON events;--> statement-breakpoint
DROP POLICY tenant_isolation ON feed_runs;--> statement-breakpoint
DROP POLICY tenant_isolation ON feeds;--> statement-breakpoint
DROP POLICY published_read ON handbook_articles;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_articles;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_chapters;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_checklist_steps;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_checklists;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_revisions;--> statement-breakpoint
DROP POLICY public_read ON handbook_search;--> statement-breakpoint
DROP POLICY tenant_delete ON handbook_search;--> statement-breakpoint
DROP POLICY tenant_insert ON handbook_search;--> statement-breakpoint
DROP POLICY tenant_update ON handbook_search;--> statement-breakpoint
DROP POLICY published_read ON handbook_translations;--> statement-breakpoint
DROP POLICY tenant_isolation ON handbook_translations;--> statement-breakpoint
DROP POLICY tenant_isolation ON inquiries;--> statement-breakpoint
DROP POLICY tenant_isolation ON invitations;--> statement-breakpoint
DROP POLICY tenant_isolation ON media;--> statement-breakpoint
DROP POLICY own_memberships_read ON memberships;--> statement-breakpoint
DROP POLICY tenant_isolation ON memberships;--> statement-breakpoint
DROP POLICY tenant_isolation ON news_items;--> statement-breakpoint
DROP POLICY buyer_read ON order_events;--> statement-breakpoint
DROP POLICY tenant_isolation ON order_events;--> statement-breakpoint
DROP POLICY buyer_read ON order_items;--> statement-breakpoint
DROP POLICY tenant_isolation ON order_items;--> statement-breakpoint
DROP POLICY buyer_read ON orders;--> statement-breakpoint
DROP POLICY tenant_isolation ON orders;--> statement-breakpoint
DROP POLICY public_read ON places;--> statement-breakpoint
DROP POLICY tenant_isolation ON places;--> statement-breakpoint
DROP POLICY public_read ON product_search;--> statement-breakpoint
DROP POLICY tenant_delete ON product_search;--> statement-breakpoint
DROP POLICY tenant_insert ON product_search;--> statement-breakpoint
DROP POLICY tenant_update ON product_search;--> statement-breakpoint
DROP POLICY public_read ON products;--> statement-breakpoint
DROP POLICY tenant_isolation ON products;--> statement-breakpoint
DROP POLICY tenant_isolation ON seller_actions;--> statement-breakpoint
DROP POLICY tenant_isolation ON seller_consent_requests;--> statement-breakpoint
DROP POLICY tenant_isolation ON seller_payouts;--> statement-breakpoint
DROP POLICY public_read ON sellers;--> statement-breakpoint
DROP POLICY tenant_isolation ON sellers;--> statement-breakpoint
DROP POLICY public_read ON tourism_events;--> statement-breakpoint
DROP POLICY tenant_isolation ON tourism_events;--> statement-breakpoint

-- 3. Citus blockers (ADR 013). A translation's public read tested its article with a subquery:
-- the article's `published` is now copied onto the translation (trigger in db/sql/handbook-published.sql).
-- Orders no longer reference checkouts (a platform table) by foreign key; a commune's cover no
-- longer references media by foreign key (db/sql/commune-cover.sql keeps the rule).
ALTER TABLE communes DROP CONSTRAINT communes_cover_media_fk;--> statement-breakpoint
-- Deleting a place clears the event's place_id only: SET NULL on the whole key also cleared
-- tenant_id (refused by NOT NULL), and Citus refuses SET NULL on the distribution column.
ALTER TABLE tourism_events DROP CONSTRAINT tourism_events_place_fk;--> statement-breakpoint
ALTER TABLE tourism_events ADD CONSTRAINT tourism_events_place_fk FOREIGN KEY (tenant_id, place_id)
  REFERENCES places (tenant_id, id) ON DELETE SET NULL (place_id);--> statement-breakpoint

-- Generated by drizzle-kit:
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "media" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_articles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_chapters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_checklist_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_checklists" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_search" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_translations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "announcements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feed_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "news_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "checkouts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "order_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "order_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "product_search" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "seller_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "seller_consent_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "seller_payouts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sellers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inquiries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "places" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tourism_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_checkout_id_checkouts_id_fk";
--> statement-breakpoint
ALTER TABLE "handbook_translations" ADD COLUMN "article_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "own_memberships_read" ON "memberships" AS PERMISSIVE FOR SELECT TO public USING (user_id = baan.user_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "media" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_articles" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "published_read" ON "handbook_articles" AS PERMISSIVE FOR SELECT TO public USING (published);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_chapters" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_checklist_steps" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_checklists" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_revisions" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "handbook_search" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "handbook_search" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_update" ON "handbook_search" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "handbook_search" AS PERMISSIVE FOR DELETE TO public USING (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "handbook_translations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "published_read" ON "handbook_translations" AS PERMISSIVE FOR SELECT TO public USING (article_published);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "announcements" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "contacts" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "feed_runs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "feeds" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "news_items" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "buyer_own" ON "checkouts" AS PERMISSIVE FOR ALL TO public USING (buyer_id = baan.user_id()) WITH CHECK (buyer_id = baan.user_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "order_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "buyer_read" ON "order_events" AS PERMISSIVE FOR SELECT TO public USING (buyer_id = baan.user_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "order_items" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "buyer_read" ON "order_items" AS PERMISSIVE FOR SELECT TO public USING (buyer_id = baan.user_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "orders" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "buyer_read" ON "orders" AS PERMISSIVE FOR SELECT TO public USING (buyer_id = baan.user_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "product_search" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "product_search" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_update" ON "product_search" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "product_search" AS PERMISSIVE FOR DELETE TO public USING (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "products" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "products" AS PERMISSIVE FOR SELECT TO public USING (status = 'published');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "seller_actions" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "seller_consent_requests" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "seller_payouts" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sellers" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "sellers" AS PERMISSIVE FOR SELECT TO public USING (status = 'approved');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inquiries" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "places" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "places" AS PERMISSIVE FOR SELECT TO public USING (published);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tourism_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "public_read" ON "tourism_events" AS PERMISSIVE FOR SELECT TO public USING (published);--> statement-breakpoint

-- 4. The copied flag for existing translations. Row-level security is forced even for the
-- tables' owner, who runs migrations: lifted for this transaction only, and forced again.
ALTER TABLE handbook_translations NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_articles NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE handbook_translations t SET article_published = a.published
  FROM handbook_articles a WHERE a.tenant_id = t.tenant_id AND a.id = t.article_id AND a.published;--> statement-breakpoint
ALTER TABLE handbook_articles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_translations FORCE ROW LEVEL SECURITY;
