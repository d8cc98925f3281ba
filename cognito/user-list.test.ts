import { describe, expect, it } from "vitest";
import type { User } from "cognito-local/lib/services/userPoolService.js";
import { pageOf, pageSize, parseUserFilter } from "@/cognito/user-list";

const user = (username: string, email: string, extra: Partial<User> = {}): User =>
  ({
    Username: username,
    Attributes: [{ Name: "email", Value: email }],
    Enabled: true,
    UserStatus: "CONFIRMED",
    ...extra,
  }) as User;

describe("parseUserFilter", () => {
  it("unescapes quotes in the value and compares case-sensitively, except cognito:user_status", () => {
    const quoted = user("u1", 'o"neil@example.com');
    expect(parseUserFilter('email = "o\\"neil@example.com"')(quoted)).toBe(true);
    expect(parseUserFilter('email ^= "O"')(quoted)).toBe(false);
    expect(parseUserFilter('cognito:user_status = "confirmed"')(quoted)).toBe(true);
    expect(parseUserFilter('status = "Disabled"')(user("u2", "b@x", { Enabled: false }))).toBe(true);
    expect(parseUserFilter('status = "Disabled"')(quoted)).toBe(false);
    expect(parseUserFilter('name ^= "a"')(quoted)).toBe(false);
  });

  it("refuses a filter it cannot parse", () => {
    for (const bad of ['email = "a"  "b"', 'email = "a\\"', '= "a"', 'email == "a"'])
      expect(() => parseUserFilter(bad)).toThrow("Error while parsing filter.");
  });

  it("refuses a filter over Cognito's 256 characters, as its request validation does", () => {
    const filter = (length: number) => `email ^= "${"a".repeat(length - 11)}"`;
    expect(parseUserFilter(filter(256))(user("u1", "a".repeat(245)))).toBe(true);
    expect(() => parseUserFilter(filter(257))).toThrow("Member must have length less than or equal to 256");
  });
});

describe("pageSize and pageOf", () => {
  it("accepts 0 to 60 (0 and none meaning 60) and refuses the rest", () => {
    expect([pageSize(undefined), pageSize(0), pageSize(1), pageSize(60)]).toEqual([60, 60, 1, 60]);
    for (const bad of [61, -1, 1.5, "10"]) expect(() => pageSize(bad)).toThrow(/validation error/);
  });

  it("pages in key order and refuses a token of another query", () => {
    const items = ["c", "a", "b"];
    const first = pageOf(items, (x) => x, { limit: 2, token: undefined, query: "q" });
    expect(first.page).toEqual(["a", "b"]);
    const second = pageOf(items, (x) => x, { limit: 2, token: first.next, query: "q" });
    expect(second).toEqual({ page: ["c"], next: undefined });
    expect(() => pageOf(items, (x) => x, { limit: 2, token: first.next, query: "other" })).toThrow(
      "Invalid pagination token.",
    );
  });
});
