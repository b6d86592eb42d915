CREATE TABLE "outbox_cursors" (
	"tenant_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_cursors_pkey" PRIMARY KEY("tenant_id","consumer")
);--> statement-breakpoint
ALTER TABLE "outbox_cursors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_failures" (
	"tenant_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"parked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_failures_pkey" PRIMARY KEY("tenant_id","consumer","event_id")
);--> statement-breakpoint
ALTER TABLE "outbox_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_sequences" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);--> statement-breakpoint
ALTER TABLE "outbox_sequences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "jobs_name_key_key";--> statement-breakpoint
-- Nullable until the existing events are numbered below.
ALTER TABLE "outbox_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "key_scope" text DEFAULT 'ever' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_cursors" ADD CONSTRAINT "outbox_cursors_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_failures" ADD CONSTRAINT "outbox_failures_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_sequences" ADD CONSTRAINT "outbox_sequences_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_failures_waiting_key" ON "outbox_failures" USING btree ("tenant_id","consumer") WHERE parked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_name_queued_key_key" ON "jobs" USING btree ("name","key") WHERE key_scope = 'queued' and state = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("locked_until") WHERE state = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_name_key_key" ON "jobs" USING btree ("name","key") WHERE key_scope = 'ever';--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_key_scope_check" CHECK (key_scope in ('ever', 'queued'));--> statement-breakpoint
CREATE POLICY "runner_read" ON "jobs" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "runner_update" ON "jobs" AS PERMISSIVE FOR UPDATE TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "runner_delete" ON "jobs" AS PERMISSIVE FOR DELETE TO public USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox_cursors" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox_failures" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox_sequences" AS PERMISSIVE FOR ALL TO public USING (tenant_id = baan.tenant_id()) WITH CHECK (tenant_id = baan.tenant_id());--> statement-breakpoint
-- hand-written:
-- Existing events are numbered per commune in the order they were written, and each commune's counter starts after them.
-- (The forced row-level security is lifted for the backfill: an owner that is not a superuser would otherwise see no row.)
ALTER TABLE "outbox_events" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "outbox_events" e SET "seq" = n.seq FROM (
  SELECT "tenant_id", "id", row_number() OVER (PARTITION BY "tenant_id" ORDER BY "created_at", "id") AS seq FROM "outbox_events"
) n WHERE e."tenant_id" = n."tenant_id" AND e."id" = n."id";--> statement-breakpoint
INSERT INTO "outbox_sequences" ("tenant_id", "last_seq") SELECT "tenant_id", max("seq") FROM "outbox_events" GROUP BY "tenant_id";--> statement-breakpoint
ALTER TABLE "outbox_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- hand-written (as the generated statements would have been, after the backfill): every event numbered from here on.
ALTER TABLE "outbox_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
DROP INDEX "outbox_events_undelivered_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_events_seq_key" ON "outbox_events" USING btree ("tenant_id","seq");--> statement-breakpoint
ALTER TABLE "outbox_events" DROP COLUMN "delivered_at";--> statement-breakpoint
ALTER TABLE "outbox_sequences" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_cursors" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_failures" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Request code numbers its events (recordEvent); the relay runs each consumer as the app role, in the event's commune.
GRANT SELECT, INSERT, UPDATE ON "outbox_sequences", "outbox_cursors" TO baan_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "outbox_failures" TO baan_app;
