CREATE TABLE "announcements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "announcements_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "announcements_expiry_check" CHECK ("announcements"."expires_at" is null or "announcements"."expires_at" > "announcements"."published_at")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team" text NOT NULL,
	"name" text NOT NULL,
	"role" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phone" text,
	"zalo" text,
	"hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contacts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contacts_team_check" CHECK ("contacts"."team" in ('officials', 'tech_team'))
);
--> statement-breakpoint
CREATE TABLE "feed_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"items_new" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "feed_runs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "feed_runs_status_check" CHECK ("feed_runs"."status" in ('ok', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	CONSTRAINT "feeds_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "news_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid NOT NULL,
	"guid" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"link" text,
	"source" text NOT NULL,
	"published_at" timestamp with time zone,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_items_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_runs" ADD CONSTRAINT "feed_runs_feed_fk" FOREIGN KEY ("tenant_id","feed_id") REFERENCES "public"."feeds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_feed_fk" FOREIGN KEY ("tenant_id","feed_id") REFERENCES "public"."feeds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feed_runs_feed_idx" ON "feed_runs" USING btree ("tenant_id","feed_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feeds_url_key" ON "feeds" USING btree ("tenant_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "news_items_guid_key" ON "news_items" USING btree ("tenant_id","feed_id","guid");--> statement-breakpoint
CREATE UNIQUE INDEX "news_items_link_key" ON "news_items" USING btree ("tenant_id","link");--> statement-breakpoint
CREATE INDEX "news_items_recent_idx" ON "news_items" USING btree ("tenant_id","published_at");