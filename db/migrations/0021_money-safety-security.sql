-- Assisted-mode consent requests stay in their commune, like the rest of a seller's records.
ALTER TABLE seller_consent_requests ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE seller_consent_requests FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON seller_consent_requests
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON seller_consent_requests TO baan_app;
