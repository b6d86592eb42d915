CREATE TABLE "product_search" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"search_text" text NOT NULL,
	"title_text" text NOT NULL,
	"category" text NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"stock" integer NOT NULL,
	"cert_stars" smallint,
	"cert_expires_on" date,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_search_pkey" PRIMARY KEY("tenant_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "product_search" ADD CONSTRAINT "product_search_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_search_newest_idx" ON "product_search" USING btree ("published_at" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "product_search_price_idx" ON "product_search" USING btree ("currency","price_minor","product_id");--> statement-breakpoint
CREATE INDEX "product_search_category_idx" ON "product_search" USING btree ("category","published_at" DESC NULLS LAST);