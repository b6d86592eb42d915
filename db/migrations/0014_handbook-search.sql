CREATE TABLE "handbook_search" (
	"tenant_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"title_folded" text NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "handbook_search_pkey" PRIMARY KEY("tenant_id","article_id","locale")
);
--> statement-breakpoint
ALTER TABLE "handbook_search" ADD CONSTRAINT "handbook_search_translation_fk" FOREIGN KEY ("tenant_id","article_id","locale") REFERENCES "public"."handbook_translations"("tenant_id","article_id","locale") ON DELETE cascade ON UPDATE no action;