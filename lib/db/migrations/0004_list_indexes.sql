DROP INDEX "contacts_name_idx";--> statement-breakpoint
CREATE INDEX "contacts_name_id_idx" ON "contacts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "contacts_private_owner_idx" ON "contacts" USING btree ("private","owner");