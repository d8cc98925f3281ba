CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"sub" text NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text DEFAULT '' NOT NULL,
	"origin_jti" text
);
--> statement-breakpoint
CREATE INDEX "sessions_sub_idx" ON "sessions" USING btree ("sub");--> statement-breakpoint
CREATE INDEX "sessions_origin_jti_idx" ON "sessions" USING btree ("origin_jti");