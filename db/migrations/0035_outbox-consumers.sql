CREATE TABLE "outbox_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_consumers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "runner_read" ON "outbox_consumers" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "runner_insert" ON "outbox_consumers" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
-- hand-written:
ALTER TABLE "outbox_consumers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The relay runs each consumer as the app role, which reads whether a consumer is recorded; only the owner connection records one.
GRANT SELECT ON "outbox_consumers" TO baan_app;
--> statement-breakpoint
-- A person who turns a kind of mail on again on the preferences page removes their own address's stop for it.
GRANT DELETE ON "unsubscribed_addresses" TO baan_app;
