-- Handbook tables: forced row-level security like every tenant table. Published articles (and
-- their chapters, translations and checklists) are public reading across communes; drafts and
-- revisions only inside their commune.
ALTER TABLE handbook_chapters ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_chapters FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_chapters
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE handbook_articles ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_articles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_articles
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY published_read ON handbook_articles FOR SELECT USING (published);--> statement-breakpoint

ALTER TABLE handbook_translations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_translations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_translations
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY published_read ON handbook_translations FOR SELECT USING (
  EXISTS (SELECT 1 FROM handbook_articles a WHERE a.tenant_id = handbook_translations.tenant_id AND a.id = handbook_translations.article_id AND a.published)
);--> statement-breakpoint

ALTER TABLE handbook_revisions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_revisions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_revisions
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE handbook_checklists ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_checklists FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_checklists
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

ALTER TABLE handbook_checklist_steps ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_checklist_steps FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON handbook_checklist_steps
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

-- Search: trigram index over the folded text (Vietnamese without diacritics, Thai substrings).
CREATE INDEX handbook_translations_search_trgm_idx ON handbook_translations USING gin (search_text gin_trgm_ops);--> statement-breakpoint

GRANT SELECT ON handbook_template_chapters, handbook_template_articles TO baan_app;--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON handbook_template_chapters, handbook_template_articles TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON handbook_chapters, handbook_articles, handbook_translations, handbook_checklists, handbook_checklist_steps TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT ON handbook_revisions TO baan_app;
