CREATE TABLE "handbook_articles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"template_key" text,
	"published" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "handbook_articles_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "handbook_articles_slug_check" CHECK ("handbook_articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "handbook_chapters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_key" text,
	"pillar" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "handbook_chapters_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "handbook_chapters_pillar_check" CHECK ("handbook_chapters"."pillar" in ('government', 'economy', 'society'))
);
--> statement-breakpoint
CREATE TABLE "handbook_checklist_steps" (
	"tenant_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link_url" text,
	"link_label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "handbook_checklist_steps_pkey" PRIMARY KEY("tenant_id","checklist_id","position"),
	CONSTRAINT "handbook_checklist_steps_link_check" CHECK ("handbook_checklist_steps"."link_url" is null or "handbook_checklist_steps"."link_url" ~ '^https://')
);
--> statement-breakpoint
CREATE TABLE "handbook_checklists" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	CONSTRAINT "handbook_checklists_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "handbook_revisions" (
	"tenant_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"action" text NOT NULL,
	"changed_locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handbook_revisions_pkey" PRIMARY KEY("tenant_id","article_id","number"),
	CONSTRAINT "handbook_revisions_action_check" CHECK ("handbook_revisions"."action" in ('create', 'edit', 'publish', 'unpublish', 'restore'))
);
--> statement-breakpoint
CREATE TABLE "handbook_template_articles" (
	"key" text PRIMARY KEY NOT NULL,
	"chapter_key" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"checklist" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handbook_template_chapters" (
	"key" text PRIMARY KEY NOT NULL,
	"pillar" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handbook_translations" (
	"tenant_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "handbook_translations_pkey" PRIMARY KEY("tenant_id","article_id","locale"),
	CONSTRAINT "handbook_translations_locale_check" CHECK ("handbook_translations"."locale" in ('vi', 'en', 'th'))
);
--> statement-breakpoint
ALTER TABLE "handbook_articles" ADD CONSTRAINT "handbook_articles_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_articles" ADD CONSTRAINT "handbook_articles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_articles" ADD CONSTRAINT "handbook_articles_chapter_fk" FOREIGN KEY ("tenant_id","chapter_id") REFERENCES "public"."handbook_chapters"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_chapters" ADD CONSTRAINT "handbook_chapters_tenant_id_communes_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_checklist_steps" ADD CONSTRAINT "handbook_checklist_steps_checklist_fk" FOREIGN KEY ("tenant_id","checklist_id") REFERENCES "public"."handbook_checklists"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_checklists" ADD CONSTRAINT "handbook_checklists_article_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."handbook_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_revisions" ADD CONSTRAINT "handbook_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_revisions" ADD CONSTRAINT "handbook_revisions_article_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."handbook_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_template_articles" ADD CONSTRAINT "handbook_template_articles_chapter_key_handbook_template_chapters_key_fk" FOREIGN KEY ("chapter_key") REFERENCES "public"."handbook_template_chapters"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_translations" ADD CONSTRAINT "handbook_translations_article_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."handbook_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_articles_slug_key" ON "handbook_articles" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_chapters_template_key" ON "handbook_chapters" USING btree ("tenant_id","template_key");--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_checklist_steps_id_key" ON "handbook_checklist_steps" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_checklists_article_key" ON "handbook_checklists" USING btree ("tenant_id","article_id");