-- Invitations accepted before acceptances needed an official's confirmation already granted their
-- role at acceptance: record them as confirmed then, by the official who sent the invitation (the
-- invitation itself was the grant), so they do not wait in the "waiting for your confirmation" list.
-- Row-level security is forced even for the tables' owner, who runs migrations: lifted for this
-- statement's transaction only, and forced again.
ALTER TABLE invitations NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE invitations SET confirmed_at = accepted_at, confirmed_by = invited_by
WHERE accepted_at IS NOT NULL AND confirmed_at IS NULL AND refused_at IS NULL;--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
