CREATE TABLE "user_refresh_marks" (
	"sub" text PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone NOT NULL
);
