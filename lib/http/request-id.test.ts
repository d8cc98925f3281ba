import { describe, expect, it } from "vitest";
import { assignRequestId, parseRequestId, REQUEST_ID_HEADER, trustRequestIdSchema } from "@/lib/http/request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("parseRequestId", () => {
  it("accepts letters, digits, dot, underscore and hyphen up to 100 characters", () => {
    expect(parseRequestId("req-1.a_B")).toBe("req-1.a_B");
    expect(parseRequestId("a".repeat(100))).toBe("a".repeat(100));
  });

  it("refuses anything else: empty, too long, spaces, newlines, quotes, non-ASCII", () => {
    for (const bad of ["", "a".repeat(101), "a b", "a\nb", 'a"b', "ä", "a/b", "a=b", null, undefined]) {
      expect(parseRequestId(bad)).toBeNull();
    }
  });
});

describe("assignRequestId", () => {
  const incoming = (value: string) => new Headers({ [REQUEST_ID_HEADER]: value });

  it("takes a well-formed incoming id only when the proxy in front is trusted", () => {
    expect(assignRequestId(incoming("lb-1234"), true)).toBe("lb-1234");
    expect(assignRequestId(incoming("lb-1234"), false)).toMatch(UUID);
  });

  it("makes a new UUID for a malformed or missing id, trusted or not", () => {
    expect(assignRequestId(incoming("bad id; admin=1"), true)).toMatch(UUID);
    expect(assignRequestId(new Headers(), true)).toMatch(UUID);
    expect(assignRequestId(new Headers(), true)).not.toBe(assignRequestId(new Headers(), true));
  });
});

describe("trustRequestIdSchema", () => {
  it("is off by default and accepts only 0 or 1", () => {
    expect(trustRequestIdSchema.parse(undefined)).toBe("0");
    expect(trustRequestIdSchema.parse("1")).toBe("1");
    expect(trustRequestIdSchema.safeParse("true").success).toBe(false);
  });
});
