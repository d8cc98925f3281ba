import { describe, expect, it } from "vitest";
import { isExpired } from "@/lib/auth/token/lifetime";

describe("isExpired", () => {
  const now = 1_800_000_000;
  it("is false while the token is inside its lifetime, even in its last second", () => {
    expect(isExpired(now + 3600, now)).toBe(false);
    expect(isExpired(now + 1, now)).toBe(false);
  });
  it("is true from exp on", () => {
    expect(isExpired(now, now)).toBe(true);
    expect(isExpired(now - 1, now)).toBe(true);
  });
});
