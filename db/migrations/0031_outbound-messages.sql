CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"ref" text NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text,
	"body" text,
	"html" text,
	"headers" jsonb,
	"segments" integer,
	"status" text DEFAULT 'queued' NOT NULL,
	"provider_answer" text,
	"provider_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbound_messages_channel_check" CHECK (channel in ('mail', 'sms')),
	CONSTRAINT "outbound_messages_status_check" CHECK (status in ('queued', 'sent', 'failed', 'bounced', 'kept'))
);
--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_messages_channel_ref_key" ON "outbound_messages" USING btree ("channel","ref");--> statement-breakpoint
CREATE INDEX "outbound_messages_created_idx" ON "outbound_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbound_messages_to_idx" ON "outbound_messages" USING btree ("to_address");--> statement-breakpoint
-- hand-written:
-- Platform data written by the job runner (owner connection). Request code (baan_app) gets no grant;
-- RLS on with no policy is a second lock should a grant ever be added by mistake.
ALTER TABLE "outbound_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
REVOKE ALL ON "outbound_messages" FROM baan_app;
