ALTER TABLE "products" ADD COLUMN "held_status" text;--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "held_with_seller";--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_held_check" CHECK ("products"."held_status" is null or ("products"."held_status" in ('published', 'pending') and "products"."status" = 'suspended'));