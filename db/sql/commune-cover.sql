-- A commune's cover photo is one of its own media. This was a foreign key from communes to media;
-- on Citus communes is a reference table and media is distributed by commune, and a reference
-- table may not point at a distributed one (ADR 013). The same rule, kept by triggers.
CREATE OR REPLACE FUNCTION baan_commune_cover_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cover_media_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM media WHERE tenant_id = NEW.id AND id = NEW.cover_media_id) THEN
    RAISE EXCEPTION 'the cover photo of commune % is not one of its media', NEW.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER communes_cover_check BEFORE INSERT OR UPDATE OF cover_media_id ON communes
  FOR EACH ROW EXECUTE FUNCTION baan_commune_cover_check();

-- Deleting the photo only clears the cover.
CREATE OR REPLACE FUNCTION baan_media_cover_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE communes SET cover_media_id = NULL WHERE id = OLD.tenant_id AND cover_media_id = OLD.id;
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER media_cover_clear AFTER DELETE ON media
  FOR EACH ROW EXECUTE FUNCTION baan_media_cover_clear();

GRANT EXECUTE ON FUNCTION baan_commune_cover_check(), baan_media_cover_clear() TO baan_app;
