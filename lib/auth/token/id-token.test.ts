import { describe, expect, it } from "vitest";
import { emailFromIdToken } from "@/lib/auth/token/id-token";

function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part(claims)}.signature`;
}

describe("emailFromIdToken", () => {
  it("reads the email of an ID token for the same sub", () => {
    expect(emailFromIdToken(token({ token_use: "id", sub: "s-1", email: "a@example.com" }), "s-1")).toBe(
      "a@example.com",
    );
  });

  it.each([
    ["no token", undefined],
    ["not a JWT", "garbage"],
    ["a payload that is not JSON", "a.bm90IGpzb24.c"],
    ["an access token", token({ token_use: "access", sub: "s-1", email: "a@example.com" })],
    ["another user's ID token", token({ token_use: "id", sub: "s-2", email: "b@example.com" })],
    ["no email", token({ token_use: "id", sub: "s-1" })],
    ["a blank email", token({ token_use: "id", sub: "s-1", email: " " })],
  ])("yields nothing for %s", (_case, idToken) => {
    expect(emailFromIdToken(idToken, "s-1")).toBeUndefined();
  });
});
