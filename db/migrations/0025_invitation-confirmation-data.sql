-- Invitations accepted before acceptances needed an official's confirmation already granted their
-- role at acceptance: record them as confirmed then, by the official who sent the invitation (the
-- invitation itself was the grant), so they do not wait in the "waiting for your confirmation" list.
UPDATE invitations SET confirmed_at = accepted_at, confirmed_by = invited_by
WHERE accepted_at IS NOT NULL AND confirmed_at IS NULL AND refused_at IS NULL;
