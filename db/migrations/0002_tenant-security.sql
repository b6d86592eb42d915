-- Tenant isolation is the database's job: every tenant-owned table has row-level security
-- enabled AND forced, with a policy keyed on the transaction-local app.tenant_id.
-- current_setting(..., true) yields '' (not NULL) once set_config ran in the transaction: nullif folds both.
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A person may list their own memberships in every commune ("my communes").
CREATE POLICY own_memberships_read ON memberships FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON events
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE media ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE media FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON media
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

-- A commune's cover photo must be one of its own media (composite key), and deleting the photo only clears it.
ALTER TABLE communes ADD CONSTRAINT communes_cover_media_fk FOREIGN KEY (id, cover_media_id)
  REFERENCES media (tenant_id, id) ON DELETE SET NULL (cover_media_id);--> statement-breakpoint
CREATE INDEX communes_search_trgm_idx ON communes USING gin (search_text gin_trgm_ops);--> statement-breakpoint

GRANT USAGE ON SCHEMA public TO baan_app;--> statement-breakpoint
GRANT SELECT ON provinces TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON communes TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, sign_in_throttle TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations, media TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT ON events TO baan_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION baan_unaccent(text) TO baan_app;
