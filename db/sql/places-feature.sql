-- A place's map feature head (geometry, longitude first, 5 decimals; id, kind, url) and its
-- fallback name, kept by a trigger so every writer (the app, the seed, imports) gets them right.
CREATE OR REPLACE FUNCTION baan_place_feature_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  commune_slug text;
  commune_locale text;
BEGIN
  SELECT slug, default_locale INTO commune_slug, commune_locale FROM communes WHERE id = NEW.tenant_id;
  NEW.feature_head := '{"type":"Feature","geometry":{"type":"Point","coordinates":[' || round(NEW.lon::numeric, 5) || ',' || round(NEW.lat::numeric, 5)
    || ']},"properties":{"id":' || to_json(commune_slug || '/' || NEW.slug)::text || ',"kind":' || to_json(NEW.kind)::text
    || ',"url":' || to_json('/' || commune_slug || '/tourism/' || NEW.slug)::text || ',"name":';
  NEW.feature_name := to_json(coalesce(nullif(NEW.name ->> commune_locale, ''), (SELECT v FROM jsonb_each_text(NEW.name) AS e(k, v) WHERE v <> '' LIMIT 1), ''))::text;
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER places_feature_head BEFORE INSERT OR UPDATE OF lat, lon, slug, kind, name, tenant_id ON places
  FOR EACH ROW EXECUTE FUNCTION baan_place_feature_head();
GRANT EXECUTE ON FUNCTION baan_place_feature_head() TO baan_app;
