-- Handbook search's index: readable by everyone (published articles only), written only inside
-- the article's commune, kept in step with translations and the published flag by triggers.
ALTER TABLE handbook_search ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE handbook_search FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY public_read ON handbook_search FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY tenant_insert ON handbook_search FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_update ON handbook_search FOR UPDATE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_delete ON handbook_search FOR DELETE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE INDEX handbook_search_text_trgm_idx ON handbook_search USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX handbook_search_title_trgm_idx ON handbook_search USING gin (title_folded gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION baan_handbook_search_upsert(p_tenant uuid, p_article uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO handbook_search (tenant_id, article_id, locale, slug, title, title_folded, search_text)
  SELECT t.tenant_id, t.article_id, t.locale, a.slug, t.title, lower(baan_unaccent(t.title)), t.search_text
  FROM handbook_translations t JOIN handbook_articles a ON a.tenant_id = t.tenant_id AND a.id = t.article_id
  WHERE t.tenant_id = p_tenant AND t.article_id = p_article AND a.published
  ON CONFLICT (tenant_id, article_id, locale) DO UPDATE SET
    slug = EXCLUDED.slug, title = EXCLUDED.title, title_folded = EXCLUDED.title_folded, search_text = EXCLUDED.search_text;
$$;--> statement-breakpoint
CREATE FUNCTION baan_handbook_translation_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM baan_handbook_search_upsert(NEW.tenant_id, NEW.article_id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER handbook_translations_search_sync AFTER INSERT OR UPDATE ON handbook_translations
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_translation_sync();--> statement-breakpoint
CREATE FUNCTION baan_handbook_article_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published THEN
    PERFORM baan_handbook_search_upsert(NEW.tenant_id, NEW.id);
  ELSE
    DELETE FROM handbook_search WHERE tenant_id = NEW.tenant_id AND article_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER handbook_articles_search_sync AFTER UPDATE OF published, slug ON handbook_articles
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_article_sync();--> statement-breakpoint
INSERT INTO handbook_search (tenant_id, article_id, locale, slug, title, title_folded, search_text)
  SELECT t.tenant_id, t.article_id, t.locale, a.slug, t.title, lower(baan_unaccent(t.title)), t.search_text
  FROM handbook_translations t JOIN handbook_articles a ON a.tenant_id = t.tenant_id AND a.id = t.article_id
  WHERE a.published;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON handbook_search TO baan_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION baan_handbook_search_upsert(uuid, uuid), baan_handbook_translation_sync(), baan_handbook_article_sync() TO baan_app;
