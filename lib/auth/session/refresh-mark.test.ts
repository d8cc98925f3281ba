import { describe, expect, it } from "vitest";
import { issuedAtOf, issuedBeforeMark } from "@/lib/auth/session/refresh-mark";

const mark = new Date("2026-12-03T10:00:00.500Z");
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe("issuedBeforeMark", () => {
  it("is false without a mark, whatever the token", () => {
    expect(issuedBeforeMark(seconds("2020-01-01T00:00:00Z"), null)).toBe(false);
    expect(issuedBeforeMark(undefined, undefined)).toBe(false);
  });

  it("holds for a token issued before the mark and not for one issued in a later second", () => {
    expect(issuedBeforeMark(seconds("2026-12-03T09:59:59Z"), mark)).toBe(true);
    expect(issuedBeforeMark(seconds("2026-12-03T10:00:01Z"), mark)).toBe(false);
  });

  it("counts a token from the mark's own second as older, since iat has no milliseconds", () => {
    expect(issuedBeforeMark(seconds("2026-12-03T10:00:00Z"), mark)).toBe(true);
    expect(issuedBeforeMark(seconds("2026-12-03T10:00:00Z"), new Date("2026-12-03T10:00:00.000Z"))).toBe(false);
  });

  it("fails closed on a token without a usable iat", () => {
    for (const iat of [undefined, "1796290000", Number.NaN, null]) expect(issuedBeforeMark(iat, mark)).toBe(true);
  });
});

describe("issuedAtOf", () => {
  const jwt = (payload: object) =>
    [{ alg: "RS256" }, payload].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") +
    ".sig";

  it("reads iat from a token, also an expired one, and nothing from what is not a JWT", () => {
    expect(issuedAtOf(jwt({ iat: 1796290000, exp: 1 }))).toBe(1796290000);
    expect(issuedAtOf(jwt({ exp: 1 }))).toBeUndefined();
    expect(issuedAtOf("not-a-jwt")).toBeUndefined();
  });
});
