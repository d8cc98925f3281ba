import { z } from "zod";
import { plainText } from "@/lib/text-input";

/**
 * What a person may send for a contact. Pure, shared by server actions and the API. Limits keep rows and pages
 * small; the owner is never part of the input (it comes from the principal).
 */
const optionalText = (max: number, label: string, options: { multiline?: boolean } = {}) =>
  plainText(label, options)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]{4,30}$/;

export const contactFieldsSchema = z.object({
  name: plainText("Name").trim().min(1, "Enter a name.").max(120, "Name must be at most 120 characters."),
  email: optionalText(254, "Email").pipe(z.email("Enter a valid email address, like name@example.com.").nullable()),
  phone: optionalText(32, "Phone").refine(
    (v) => v === null || PHONE_PATTERN.test(v),
    "Enter a phone number with digits, spaces, + ( ) - . or /.",
  ),
  company: optionalText(120, "Company"),
  notes: optionalText(2000, "Notes", { multiline: true }),
  isPrivate: z.boolean().default(false),
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactIdSchema = z.uuid("Not a contact id.");

/** A JSON integer ≥ 1: `true`, `"3"` or `[3]` are refused, not coerced (text sources go through versionFromText). */
export const versionSchema = z
  .int({
    error: (issue) =>
      issue.input === undefined ? "Send the version of the contact you loaded." : "version must be a whole number.",
  })
  .min(1, "version must be a positive whole number.");

const DIGITS = /^[0-9]{1,15}$/;

/** A form field or query parameter: only a string of digits becomes a number; anything else fails versionSchema. */
export function versionFromText(value: string | null | undefined): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  return DIGITS.test(value) ? Number(value) : value;
}

/** The fields a client may send; anything else in a request body is an error, not silently ignored. */
export const CONTACT_FIELD_NAMES = [
  "name",
  "email",
  "phone",
  "company",
  "notes",
  "isPrivate",
] as const satisfies readonly (keyof ContactFields)[];

type ContactFieldName = (typeof CONTACT_FIELD_NAMES)[number];

function isContactFieldName(key: string): key is ContactFieldName {
  return (CONTACT_FIELD_NAMES as readonly string[]).includes(key);
}

/** Field errors keyed by whatever a client sent: no prototype, so `__proto__` or `constructor` is just a key. */
export function emptyFieldErrors(): Record<string, string[]> {
  return Object.create(null) as Record<string, string[]>;
}

/**
 * The same errors as a plain object (own keys, `__proto__` included, via defineProperty semantics): React refuses
 * to send an object without a prototype from a server action to the page.
 */
export function plainFieldErrors(errors: Record<string, string[] | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(errors)) as FieldErrors;
}

/**
 * Validates the fields a partial update (the API's PATCH) sends, each on its own: zod's `.partial()` would fill
 * in defaults (a missing `isPrivate` would become false) and silently reset fields that were not sent.
 */
export function parseContactChanges(
  changes: Record<string, unknown>,
): { ok: true; changes: Partial<ContactFields> } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors = emptyFieldErrors();
  const parsed: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(changes)) {
    if (!isContactFieldName(key)) {
      fieldErrors[key] = [`Unknown field "${key}".`];
      continue;
    }
    const result = contactFieldsSchema.shape[key].safeParse(value);
    if (result.success) parsed[key] = result.data;
    else fieldErrors[key] = result.error.issues.map((issue) => issue.message);
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors: plainFieldErrors(fieldErrors) };
  return { ok: true, changes: { ...parsed } as Partial<ContactFields> };
}

export type FieldErrors = Partial<Record<keyof ContactFields | "version" | "id", string[]>>;

/**
 * Field errors by field; a strict schema's unknown keys become errors on those keys, as for a PATCH. Built by hand
 * rather than with z.flattenError, whose plain object would take a `__proto__` path as its prototype.
 */
export function fieldErrorsOf(error: z.ZodError, into: Record<string, string[]> = emptyFieldErrors()): FieldErrors {
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) into[key] = [`Unknown field "${key}".`];
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "body";
    into[key] = [...(Object.hasOwn(into, key) ? (into[key] ?? []) : []), issue.message];
  }
  return plainFieldErrors(into);
}

/** Reads the contact form: a checkbox is "on" when ticked and absent otherwise. */
export function contactFieldsFromForm(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    name: text("name") ?? "",
    email: text("email"),
    phone: text("phone"),
    company: text("company"),
    notes: text("notes"),
    isPrivate: formData.get("isPrivate") === "on",
  };
}
