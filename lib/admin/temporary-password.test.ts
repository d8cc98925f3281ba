import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_LENGTH } from "@/lib/admin/temporary-password";

describe("generateTemporaryPassword", () => {
  it("always meets the pool's policy (upper, lower, digit, symbol, length) and never repeats", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[!#%*+\-=?@^_]/);
      expect(password).toMatch(/^[A-Za-z0-9!#%*+\-=?@^_]+$/);
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });
});
