-- A worker waiting for its next poll hears of new jobs at once: every statement that adds jobs
-- notifies the channel `baan_jobs` (delivered when its transaction commits; several in one
-- transaction are delivered once). Workers LISTEN where the driver can (postgres.js, PGlite);
-- polling alone stays correct (ADR 016).
CREATE OR REPLACE FUNCTION baan_jobs_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baan_jobs', '');
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER jobs_wake AFTER INSERT ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION baan_jobs_wake();

GRANT EXECUTE ON FUNCTION baan_jobs_wake() TO baan_app;
