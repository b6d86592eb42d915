-- A translation carries its article's `published` (article_published), so the policy that lets
-- anyone read published translations is a plain column test and not a subquery (Citus refuses
-- those). The app never writes the column: it is recomputed on every insert and update of a
-- translation, and copied to all of an article's translations when the article changes.
CREATE OR REPLACE FUNCTION baan_handbook_translation_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.article_published := coalesce(
    (SELECT a.published FROM handbook_articles a WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.article_id),
    false
  );
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER handbook_translations_published BEFORE INSERT OR UPDATE ON handbook_translations
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_translation_published();

CREATE OR REPLACE FUNCTION baan_handbook_article_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE handbook_translations SET article_published = NEW.published
  WHERE tenant_id = NEW.tenant_id AND article_id = NEW.id AND article_published IS DISTINCT FROM NEW.published;
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER handbook_articles_published AFTER UPDATE OF published ON handbook_articles
  FOR EACH ROW EXECUTE FUNCTION baan_handbook_article_published();

GRANT EXECUTE ON FUNCTION baan_handbook_translation_published(), baan_handbook_article_published() TO baan_app;
