-- Handbook search's index (handbook_search), kept in step with translations and the published flag.
CREATE OR REPLACE FUNCTION baan_handbook_search_upsert(p_tenant uuid, p_article uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO handbook_search (tenant_id, article_id, locale, slug, title, title_folded, search_text)
  SELECT t.tenant_id, t.article_id, t.locale, a.slug, t.title, lower(baan_unaccent(t.title)), t.search_text
  FROM handbook_translations t JOIN handbook_articles a ON a.tenant_id = t.tenant_id AND a.id = t.article_id
  WHERE t.tenant_id = p_tenant AND t.article_id = p_article AND a.published
  ON CONFLICT (tenant_id, article_id, locale) DO UPDATE SET
    slug = EXCLUDED.slug, title = EXCLUDED.title, title_folded = EXCLUDED.title_folded, search_text = EXCLUDED.search_text;
$$;
CREATE OR REPLACE FUNCTION baan_handbook_translation_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM baan_handbook_search_upsert(NEW.tenant_id, NEW.article_id);
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER handbook_translations_search_sync AFTER INSERT OR UPDATE ON handbook_translations
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_translation_sync();
CREATE OR REPLACE FUNCTION baan_handbook_article_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published THEN
    PERFORM baan_handbook_search_upsert(NEW.tenant_id, NEW.id);
  ELSE
    DELETE FROM handbook_search WHERE tenant_id = NEW.tenant_id AND article_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER handbook_articles_search_sync AFTER UPDATE OF published, slug ON handbook_articles
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_article_sync();
GRANT EXECUTE ON FUNCTION baan_handbook_search_upsert(uuid, uuid), baan_handbook_translation_sync(), baan_handbook_article_sync() TO baan_app;
