CREATE TABLE "inquiries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"check_in" date NOT NULL,
	"check_out" date NOT NULL,
	"guests" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"message" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inquiries_status_check" CHECK ("inquiries"."status" in ('new', 'replied', 'closed')),
	CONSTRAINT "inquiries_dates_check" CHECK ("inquiries"."check_out" > "inquiries"."check_in"),
	CONSTRAINT "inquiries_guests_check" CHECK ("inquiries"."guests" between 1 and 100),
	CONSTRAINT "inquiries_contact_check" CHECK ("inquiries"."phone" is not null or "inquiries"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "places" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"name" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phone" text,
	"zalo" text,
	"website" text,
	"hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_user_id" uuid,
	"track" jsonb,
	"length_m" integer,
	"gain_m" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "places_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "places_kind_check" CHECK ("places"."kind" in ('homestay', 'sight', 'food', 'craft_village', 'market', 'viewpoint', 'trail')),
	CONSTRAINT "places_slug_check" CHECK ("places"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("places"."slug") <= 80),
	CONSTRAINT "places_coordinates_check" CHECK ("places"."lat" between -90 and 90 and "places"."lon" between -180 and 180),
	CONSTRAINT "places_website_check" CHECK ("places"."website" is null or "places"."website" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "tourism_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"place_id" uuid,
	"published" boolean DEFAULT true NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"start_time" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tourism_events_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tourism_events_dates_check" CHECK ("tourism_events"."ends_on" >= "tourism_events"."starts_on"),
	CONSTRAINT "tourism_events_time_check" CHECK ("tourism_events"."start_time" is null or "tourism_events"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_place_fk" FOREIGN KEY ("tenant_id","place_id") REFERENCES "public"."places"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tourism_events" ADD CONSTRAINT "tourism_events_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tourism_events" ADD CONSTRAINT "tourism_events_place_fk" FOREIGN KEY ("tenant_id","place_id") REFERENCES "public"."places"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_place_idx" ON "inquiries" USING btree ("tenant_id","place_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "places_slug_key" ON "places" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tourism_events_slug_key" ON "tourism_events" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "tourism_events_upcoming_idx" ON "tourism_events" USING btree ("tenant_id","ends_on");