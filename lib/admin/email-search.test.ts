import { describe, expect, it } from "vitest";
import { EMAIL_SEARCH_MAX, listUsersFilter, parseEmailSearch } from "@/lib/admin/email-search";

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

  it("refuses control characters and anything whose filter Cognito would refuse (over 256 characters)", () => {
    expect(parseEmailSearch("a\u0000b")).toMatchObject({ ok: false, message: expect.stringMatching(/control/) });
    const longest = parseEmailSearch("a".repeat(EMAIL_SEARCH_MAX));
    expect(longest.ok && listUsersFilter(longest.prefix)?.length).toBe(256);
    expect(parseEmailSearch("a".repeat(EMAIL_SEARCH_MAX + 1))).toEqual({
      ok: false,
      message: "The search is longer than Cognito can search for (245 characters).",
    });
    expect(parseEmailSearch(42)).toMatchObject({ ok: false });
  });
});
