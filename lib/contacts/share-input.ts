/** What a share or an unshare request may carry, from a form or the API. Pure. */
import { z } from "zod";
import { contactIdSchema } from "@/lib/contacts/contact-input";

export const SHARE_ROLES = ["viewer", "editor"] as const;

// The directory stores emails lower-case; the same trim + lower-case here means "Bob@Example.com " finds bob.
const shareeEmailSchema = z
  .string({ error: "Enter the email of the person to share with." })
  .trim()
  .min(1, "Enter the email of the person to share with.")
  .max(254, "An email has at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

const shareRoleSchema = z.enum(SHARE_ROLES, { error: 'Choose "viewer" or "editor".' });

/** Strict: an unknown field (a `sharedBy`, a `sub`) is an error, never silently dropped. */
export const shareInputSchema = z.strictObject({
  contactId: contactIdSchema,
  email: shareeEmailSchema,
  role: shareRoleSchema,
});
export type ShareInput = z.infer<typeof shareInputSchema>;

export const unshareInputSchema = z.strictObject({ contactId: contactIdSchema, email: shareeEmailSchema });
export type UnshareInput = z.infer<typeof unshareInputSchema>;

/** A form's fields as the schemas read them: absent stays absent, so a missing field gets its own error. */
export function shareFieldsFromForm(formData: FormData, fields: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of fields) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}
