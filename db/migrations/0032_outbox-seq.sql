DROP INDEX "outbox_events_undelivered_idx";--> statement-breakpoint
ALTER TABLE "outbox_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_events_seq_key" ON "outbox_events" USING btree ("tenant_id","seq");--> statement-breakpoint
ALTER TABLE "outbox_events" DROP COLUMN "delivered_at";