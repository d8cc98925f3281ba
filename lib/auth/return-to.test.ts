import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-to";

describe("safeReturnPath", () => {
  it.each([
    ["/contacts", "/contacts"],
    ["/contacts?page=2#top", "/contacts?page=2#top"],
    ["/contacts/abc", "/contacts/abc"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/contacts",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "contacts",
    "",
    "/%E0%A4%A",
  ])("refuses %j", (input) => {
    expect(safeReturnPath(input)).toBe("/contacts");
  });

  it("uses the given fallback", () => {
    expect(safeReturnPath(null, "/sign-in")).toBe("/sign-in");
  });
});
