CREATE TABLE "seller_consent_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"method" text NOT NULL,
	"note" text NOT NULL,
	"requested_by" uuid,
	"code_hash" text,
	"code_expires_at" timestamp with time zone,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "seller_consent_requests_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "seller_consent_requests_method_check" CHECK ("seller_consent_requests"."method" in ('code', 'official')),
	CONSTRAINT "seller_consent_requests_note_check" CHECK (length("seller_consent_requests"."note") between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_status_check";--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "payout_cooling_hours" smallint DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "held_with_seller" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "requested_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "effective_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "seller_consent_requests" ADD CONSTRAINT "seller_consent_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_consent_requests" ADD CONSTRAINT "seller_consent_requests_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_consent_requests" ADD CONSTRAINT "seller_consent_requests_seller_fk" FOREIGN KEY ("tenant_id","seller_id") REFERENCES "public"."sellers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seller_consent_requests_open_key" ON "seller_consent_requests" USING btree ("tenant_id","seller_id") WHERE confirmed_at is null and closed_at is null;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seller_payouts_seller_idx" ON "seller_payouts" USING btree ("tenant_id","seller_id","requested_at");--> statement-breakpoint
ALTER TABLE "seller_payouts" DROP CONSTRAINT "seller_payouts_pkey";
--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_pkey" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_payout_cooling_check" CHECK ("communes"."payout_cooling_hours" between 1 and 168);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_status_check" CHECK ("products"."status" in ('draft', 'pending', 'published', 'rejected', 'archived', 'suspended'));--> statement-breakpoint
ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_effective_check" CHECK ("seller_payouts"."effective_at" >= "seller_payouts"."requested_at");