import { z } from "zod";

/**
 * What a person may send for a contact. Pure, shared by server actions and the API. Limits keep rows and pages
 * small; the owner is never part of the input (it comes from the principal).
 */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]{4,30}$/;

export const contactFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Name must be at most 120 characters."),
  email: optionalText(254, "Email").pipe(z.email("Enter a valid email address, like name@example.com.").nullable()),
  phone: optionalText(32, "Phone").refine((v) => v === null || PHONE_PATTERN.test(v), "Enter a phone number with digits, spaces, + ( ) - . or /."),
  company: optionalText(120, "Company"),
  notes: optionalText(2000, "Notes"),
  isPrivate: z.boolean().default(false),
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactIdSchema = z.uuid("Not a contact id.");

export const versionSchema = z.coerce
  .number({ error: "Send the version of the contact you loaded." })
  .int("version must be a whole number.")
  .positive("version must be a positive whole number.");

/** The fields a client may send; anything else in a request body is an error, not silently ignored. */
export const CONTACT_FIELD_NAMES = ["name", "email", "phone", "company", "notes", "isPrivate"] as const satisfies readonly (keyof ContactFields)[];

type ContactFieldName = (typeof CONTACT_FIELD_NAMES)[number];

function isContactFieldName(key: string): key is ContactFieldName {
  return (CONTACT_FIELD_NAMES as readonly string[]).includes(key);
}

/**
 * Validates the fields a partial update (the API's PATCH) sends, each on its own: zod's `.partial()` would fill
 * in defaults (a missing `isPrivate` would become false) and silently reset fields that were not sent.
 */
export function parseContactChanges(changes: Record<string, unknown>): { ok: true; changes: Partial<ContactFields> } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: Record<string, string[]> = {};
  const parsed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!isContactFieldName(key)) {
      fieldErrors[key] = [`Unknown field "${key}".`];
      continue;
    }
    const result = contactFieldsSchema.shape[key].safeParse(value);
    if (result.success) parsed[key] = result.data;
    else fieldErrors[key] = result.error.issues.map((issue) => issue.message);
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors: fieldErrors as FieldErrors };
  return { ok: true, changes: parsed as Partial<ContactFields> };
}

export type FieldErrors = Partial<Record<keyof ContactFields | "version" | "id", string[]>>;

/** Field errors by field; a strict schema's unknown keys become errors on those keys, as for a PATCH. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string[]> = { ...z.flattenError(error).fieldErrors };
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) errors[key] = [`Unknown field "${key}".`];
  }
  return errors as FieldErrors;
}

/** Reads the contact form: a checkbox is "on" when ticked and absent otherwise. */
export function contactFieldsFromForm(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return { name: text("name") ?? "", email: text("email"), phone: text("phone"), company: text("company"), notes: text("notes"), isPrivate: formData.get("isPrivate") === "on" };
}
