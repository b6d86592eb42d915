-- hand-written:
-- Phone numbers become sign-in identifiers (the statements below): stored E.164 and unique. The free-form numbers
-- people typed so far are normalised here, before the statements below add the check and the unique index:
-- Vietnamese and Thai numbers in local (0912 345 678) or international (+84 912 345 678) form
-- become E.164 (a local number is read as Thai for a Thai-speaking account, else Vietnamese
-- first); anything else is cleared. When two accounts wrote the same number, the older account
-- keeps it. Nothing is verified by this: every number starts unverified.
WITH cleaned AS (
  SELECT id, created_at, locale, regexp_replace(phone, '[[:space:].()-]', '', 'g') AS digits
  FROM users
  WHERE phone IS NOT NULL
), normalised AS (
  SELECT id, created_at,
    CASE
      WHEN digits ~ '^\+84(2[0-9]{9}|[35789][0-9]{8})$' THEN digits
      WHEN digits ~ '^\+66([2-7][0-9]{7}|[689][0-9]{8})$' THEN digits
      WHEN locale = 'th' AND digits ~ '^0([2-7][0-9]{7}|[689][0-9]{8})$' THEN '+66' || substr(digits, 2)
      WHEN digits ~ '^0(2[0-9]{9}|[35789][0-9]{8})$' THEN '+84' || substr(digits, 2)
      WHEN digits ~ '^0([2-7][0-9]{7}|[689][0-9]{8})$' THEN '+66' || substr(digits, 2)
    END AS e164
  FROM cleaned
), ranked AS (
  SELECT id, e164, row_number() OVER (PARTITION BY e164 ORDER BY created_at, id) AS n
  FROM normalised
)
UPDATE users SET phone = CASE WHEN ranked.e164 IS NOT NULL AND ranked.n = 1 THEN ranked.e164 END
FROM ranked
WHERE users.id = ranked.id;
--> statement-breakpoint
CREATE TABLE "account_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"secret_hash" text NOT NULL,
	"target" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "account_codes_purpose_check" CHECK ("account_codes"."purpose" in ('verify_email', 'verify_phone', 'reset', 'recovery'))
);
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_codes" ADD CONSTRAINT "account_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_codes_user_idx" ON "account_codes" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "account_codes_secret_idx" ON "account_codes" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" USING btree ("phone");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_address_check" CHECK (("invitations"."email" is null) <> ("invitations"."phone" is null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_phone_e164_check" CHECK ("users"."phone" ~ '^\+[1-9][0-9]{6,14}$');--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_identifier_check" CHECK ("users"."email" is not null or "users"."phone" is not null);--> statement-breakpoint
-- hand-written:
-- A platform table like known_devices: request code reads and writes it as the app role.
GRANT SELECT, INSERT, UPDATE, DELETE ON account_codes TO baan_app;
