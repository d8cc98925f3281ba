import { describe, expect, it } from "vitest";
import { contactFieldsFromForm, contactFieldsSchema, fieldErrorsOf, parseContactChanges } from "@/lib/contacts/contact-input";

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
    const parsed = contactFieldsSchema.parse({ name: "Ada", email: "ada@example.com", phone: "+44 20 7946 0958", company: "Analytical", notes: "n", isPrivate: true });
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
    expect(parseContactChanges({ email: "nope", name: "" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("valid email")], name: ["Enter a name."] } });
  });
  it("refuses fields that are not contact fields, such as owner", () => {
    expect(parseContactChanges({ owner: "someone" })).toMatchObject({ ok: false, fieldErrors: { owner: ['Unknown field "owner".'] } });
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
