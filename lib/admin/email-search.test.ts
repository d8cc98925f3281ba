import { describe, expect, it } from "vitest";
import { listUsersFilter, parseEmailSearch } from "@/lib/admin/email-search";

describe("parseEmailSearch and listUsersFilter", () => {
  it("turns a prefix into Cognito's starts-with filter, trimmed; an empty search lists everyone", () => {
    expect(parseEmailSearch("  ali ")).toEqual({ ok: true, prefix: "ali" });
    expect(listUsersFilter("ali")).toBe('email ^= "ali"');
    expect(parseEmailSearch(undefined)).toEqual({ ok: true, prefix: "" });
    expect(listUsersFilter("")).toBeUndefined();
  });

  it.each(['a" or email ^= "', "back\\slash"])(
    "refuses %j: a quote or backslash would leave the filter's value",
    (raw) => {
      expect(parseEmailSearch(raw)).toEqual({ ok: false, message: expect.stringMatching(/quote|backslash/) });
    },
  );

  it("refuses control characters and anything longer than an email address", () => {
    expect(parseEmailSearch("a\u0000b")).toMatchObject({ ok: false, message: expect.stringMatching(/control/) });
    expect(parseEmailSearch("a".repeat(255))).toMatchObject({ ok: false, message: expect.stringMatching(/longer/) });
    expect(parseEmailSearch(42)).toMatchObject({ ok: false });
  });
});
