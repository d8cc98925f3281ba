import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/contacts/contact-input";
import { shareInputSchema, unshareInputSchema } from "@/lib/contacts/share-input";

const contactId = "6f1c1b7e-8a3c-4a44-9a55-1b1f8e6f0a11";

function errorsOf(schema: typeof shareInputSchema | typeof unshareInputSchema, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? result.data : fieldErrorsOf(result.error);
}

describe("share input", () => {
  it("trims and lower-cases the email, as the directory stores it", () => {
    expect(errorsOf(shareInputSchema, { contactId, email: "  Bob@Example.COM ", role: "editor" })).toEqual({
      contactId,
      email: "bob@example.com",
      role: "editor",
    });
  });

  it("names each bad field once, and refuses fields it does not know", () => {
    expect(errorsOf(shareInputSchema, { contactId: "x", email: " ", role: "owner", sub: "s" })).toEqual({
      contactId: ["Not a contact id."],
      email: ["Enter the email of the person to share with."],
      role: ['Choose "viewer" or "editor".'],
      sub: ['Unknown field "sub".'],
    });
    expect(errorsOf(shareInputSchema, { contactId, email: "bob@", role: "viewer" })).toEqual({
      email: ["Enter a valid email address."],
    });
    expect(errorsOf(shareInputSchema, { contactId, email: `${"b".repeat(250)}@x.io`, role: "viewer" })).toEqual({
      email: ["An email has at most 254 characters."],
    });
  });

  it("needs no role to revoke, and refuses one", () => {
    expect(errorsOf(unshareInputSchema, { contactId, email: "bob@example.com" })).toEqual({
      contactId,
      email: "bob@example.com",
    });
    expect(errorsOf(unshareInputSchema, { contactId, email: "bob@example.com", role: "viewer" })).toEqual({
      role: ['Unknown field "role".'],
    });
  });
});
