ALTER TABLE "invitations" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "refused_by" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_refused_by_users_id_fk" FOREIGN KEY ("refused_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_decision_check" CHECK (("invitations"."confirmed_at" is null or ("invitations"."accepted_at" is not null and "invitations"."confirmed_by" is not null and "invitations"."refused_at" is null)) and ("invitations"."refused_at" is null or ("invitations"."accepted_at" is not null and "invitations"."refused_by" is not null)));