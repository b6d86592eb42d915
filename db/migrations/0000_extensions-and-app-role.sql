-- Extensions used for search: trigram similarity and accent folding ("che shan tuyet" finds "chè shan tuyết").
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can back expression indexes.
CREATE OR REPLACE FUNCTION baan_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- The role request code runs as (SET LOCAL ROLE): it owns nothing, is not a superuser and
-- cannot bypass row-level security. Roles are cluster-wide, so create it only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baan_app') THEN
    CREATE ROLE baan_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF NOT pg_has_role(current_user, 'baan_app', 'MEMBER') THEN
    EXECUTE format('GRANT baan_app TO %I', current_user);
  END IF;
END
$$;
