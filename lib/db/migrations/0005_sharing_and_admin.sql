CREATE TABLE "admin_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_sub" text NOT NULL,
	"actor_email" text,
	"action" text NOT NULL,
	"target_sub" text NOT NULL,
	"target_email" text,
	"outcome" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "contact_shares" (
	"contact_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"role" text NOT NULL,
	"shared_by" text NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_shares_contact_id_sub_pk" PRIMARY KEY("contact_id","sub")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "refresh_required_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_shares" ADD CONSTRAINT "contact_shares_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_shares" ADD CONSTRAINT "contact_shares_sub_users_sub_fk" FOREIGN KEY ("sub") REFERENCES "users"("sub") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_actions_at_idx" ON "admin_actions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "contact_shares_sub_role_idx" ON "contact_shares" USING btree ("sub","role","contact_id");