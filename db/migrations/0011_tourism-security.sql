-- Tourism: forced row-level security. Published places and events are public (the national map
-- reads across communes); drafts and inquiries stay inside their commune.
ALTER TABLE places ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE places FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON places
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY public_read ON places FOR SELECT USING (published);--> statement-breakpoint
ALTER TABLE tourism_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tourism_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON tourism_events
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY public_read ON tourism_events FOR SELECT USING (published);--> statement-breakpoint
ALTER TABLE inquiries ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE inquiries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON inquiries
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- Bounding-box queries of the map: a GiST index over the published places' points.
CREATE INDEX places_point_gist_idx ON places USING gist (point(lon, lat)) WHERE published;--> statement-breakpoint
CREATE INDEX places_search_trgm_idx ON places USING gin (search_text gin_trgm_ops) WHERE published;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON places, tourism_events TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON inquiries TO baan_app;
