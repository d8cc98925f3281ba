import { describe, expect, it } from "vitest";
import {
  contactFieldsFromForm,
  contactFieldsSchema,
  fieldErrorsOf,
  parseContactChanges,
  versionFromText,
  versionSchema,
} from "@/lib/contacts/contact-input";

describe("contactFieldsSchema", () => {
  it("trims, turns blanks into null and defaults privacy to false", () => {
    expect(contactFieldsSchema.parse({ name: "  Ada  ", email: " ", phone: "", company: undefined })).toEqual({
      name: "Ada",
      email: null,
      phone: null,
      company: null,
      notes: null,
      isPrivate: false,
    });
  });

  it("accepts a full, valid contact", () => {
    const parsed = contactFieldsSchema.parse({
      name: "Ada",
      email: "ada@example.com",
      phone: "+44 20 7946 0958",
      company: "Analytical",
      notes: "n",
      isPrivate: true,
    });
    expect(parsed.isPrivate).toBe(true);
  });

  it.each([
    [{ name: "" }, "name", "Enter a name."],
    [{ name: "x".repeat(121) }, "name", "at most 120"],
    [{ name: "Ada", email: "not-an-email" }, "email", "valid email"],
    [{ name: "Ada", phone: "call me" }, "phone", "phone number"],
    [{ name: "Ada", notes: "x".repeat(2001) }, "notes", "at most 2000"],
  ])("gives a clear error for %j", (input, field, message) => {
    const result = contactFieldsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors[field as keyof typeof errors]?.join(" ")).toContain(message);
  });

  it("keeps a name like a script tag as plain text (rendering escapes it)", () => {
    expect(contactFieldsSchema.parse({ name: "<script>alert(1)</script>" }).name).toBe("<script>alert(1)</script>");
  });
});

describe("parseContactChanges", () => {
  it("keeps only what was sent: no defaults for fields that were not", () => {
    expect(parseContactChanges({ company: " Analytical " })).toEqual({ ok: true, changes: { company: "Analytical" } });
  });
  it("validates each sent field", () => {
    expect(parseContactChanges({ email: "nope", name: "" })).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringContaining("valid email")], name: ["Enter a name."] },
    });
  });
  it("refuses fields that are not contact fields, such as owner", () => {
    expect(parseContactChanges({ owner: "someone" })).toMatchObject({
      ok: false,
      fieldErrors: { owner: ['Unknown field "owner".'] },
    });
  });
});

describe("control characters", () => {
  const fields = ["name", "email", "phone", "company", "notes"] as const;

  it.each(fields)("a NUL in %s is a field error, not a database error", (field) => {
    const input = { name: "Ada", [field]: field === "email" ? "ada\u0000@example.com" : "Ada\u0000Lovelace" };
    const result = contactFieldsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)[field]).toEqual([expect.stringMatching(/ contains a control character\.$/)]);
  });

  it.each(fields)("an escape sequence in %s is refused too", (field) => {
    expect(parseContactChanges({ [field]: "x\u001b[2J" })).toMatchObject({
      ok: false,
      fieldErrors: { [field]: [expect.stringContaining("control character")] },
    });
  });

  it("allows tabs and line breaks in notes only", () => {
    expect(contactFieldsSchema.parse({ name: "Ada", notes: "first\r\nsecond\tthird" }).notes).toBe(
      "first\r\nsecond\tthird",
    );
    expect(contactFieldsSchema.safeParse({ name: "Ada\nLovelace" }).success).toBe(false);
    expect(contactFieldsSchema.safeParse({ name: "Ada", company: "A\tB" }).success).toBe(false);
  });
});

describe("keys that are Object.prototype's own names", () => {
  // A JS literal `{ __proto__: … }` sets the prototype instead of a key; JSON.parse creates the key, as a body does.
  it.each(["__proto__", "constructor", "prototype"])("%s in a PATCH body is an unknown field", (key) => {
    const body = JSON.parse(`{"${key}": {"isAdmin": true}, "company": "Navy"}`) as Record<string, unknown>;
    const result = parseContactChanges(body);
    expect(result.ok).toBe(false);
    const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.hasOwn(fieldErrors, key)).toBe(true);
    expect(fieldErrors[key]).toEqual([`Unknown field "${key}".`]);
    // A plain object, as React requires of what a server action returns to the page.
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(fieldErrors))).toEqual({ [key]: [`Unknown field "${key}".`] });
  });

  it.each(["__proto__", "constructor", "prototype"])("%s in a create body is an unknown field", (key) => {
    const body = JSON.parse(`{"name": "Ada", "${key}": {}}`) as unknown;
    const result = contactFieldsSchema.strict().safeParse(body);
    expect(result.success).toBe(false);
    const fieldErrors = fieldErrorsOf(result.error!);
    expect(Object.hasOwn(fieldErrors, key)).toBe(true);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
  });
});

describe("version", () => {
  it("is a JSON integer of at least 1", () => {
    expect(versionSchema.parse(3)).toBe(3);
    for (const value of [true, false, "3", [3], 0, -1, 1.5, null, {}]) {
      expect(versionSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(versionSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      "Send the version of the contact you loaded.",
    );
  });

  it("from a form or a query string, only a string of digits becomes a number", () => {
    expect(versionFromText("12")).toBe(12);
    expect(versionFromText(undefined)).toBeUndefined();
    expect(versionFromText(null)).toBeUndefined();
    expect(versionFromText("")).toBeUndefined();
    for (const text of ["1e3", " 3", "0x10", "3.0", "true", "-1", "9".repeat(16)]) {
      expect(versionSchema.safeParse(versionFromText(text)).success, text).toBe(false);
    }
    expect(versionSchema.safeParse(versionFromText("0")).success).toBe(false);
  });
});

describe("contactFieldsFromForm", () => {
  it("reads the checkbox as a boolean", () => {
    const form = new FormData();
    form.set("name", "Ada");
    form.set("isPrivate", "on");
    expect(contactFieldsFromForm(form)).toMatchObject({ name: "Ada", isPrivate: true });
    form.delete("isPrivate");
    expect(contactFieldsFromForm(form)).toMatchObject({ isPrivate: false });
  });
});
