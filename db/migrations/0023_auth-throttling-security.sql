-- Platform tables (no tenant): request code reaches them as the app role, like users and sessions.
GRANT SELECT, INSERT, UPDATE, DELETE ON known_devices, rate_limits TO baan_app;--> statement-breakpoint
-- Counters under the old meaning (a shared lock per account and per address) mean nothing to the new throttle.
DELETE FROM sign_in_throttle;
