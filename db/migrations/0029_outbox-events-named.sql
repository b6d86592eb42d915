-- The outbox's table is named for what it is: events waiting to be delivered to others.
ALTER TABLE "events" RENAME TO "outbox_events";--> statement-breakpoint
ALTER TABLE "outbox_events" RENAME CONSTRAINT "events_pkey" TO "outbox_events_pkey";--> statement-breakpoint
ALTER TABLE "outbox_events" RENAME CONSTRAINT "events_tenant_id_communes_id_fk" TO "outbox_events_tenant_id_communes_id_fk";--> statement-breakpoint
ALTER INDEX "events_undelivered_idx" RENAME TO "outbox_events_undelivered_idx";
