import { describe, expect, it } from "vitest";
import { EXPIRY_MARGIN_SECONDS, isExpiring } from "@/lib/auth/token-lifetime";

describe("isExpiring", () => {
  const now = 1_800_000_000;
  it("is false for a token well inside its lifetime", () => expect(isExpiring(now + 3600, now)).toBe(false));
  it("is true inside the safety margin and after expiry", () => {
    expect(isExpiring(now + EXPIRY_MARGIN_SECONDS, now)).toBe(true);
    expect(isExpiring(now - 1, now)).toBe(true);
  });
});
